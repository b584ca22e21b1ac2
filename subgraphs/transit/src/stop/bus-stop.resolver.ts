import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { TransitContext } from '../context';
import { BusRoute } from '../route/bus-route.entity';
import { BusStop } from './bus-stop.entity';

@Resolver(() => BusStop)
export class BusStopResolver {
  @Authorized()
  @Query(() => BusStop, { nullable: true, description: 'A bus stop by its code: `ST-0042`' })
  busStop(@Arg('code', () => String) code: string, @Ctx() context: TransitContext): Promise<BusStop | null> {
    return context.dataSource.getRepository(BusStop).findOneBy({ code });
  }

  @FieldResolver(() => [BusRoute], { description: 'The routes calling here' })
  routes(@Root() stop: BusStop, @Ctx() context: TransitContext): Promise<BusRoute[]> {
    return context.loaders.routesByStop.load(stop.code);
  }
}
