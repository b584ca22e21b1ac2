import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { TransitContext } from '../context';
import { BusStop } from '../stop/bus-stop.entity';
import { BusRoute } from './bus-route.entity';
import { byRouteCode } from './route-order';

@Resolver(() => BusRoute)
export class BusRouteResolver {
  @Authorized()
  @Query(() => BusRoute, { nullable: true, description: 'A bus route by its code: `12`, `K1`' })
  busRoute(@Arg('code', () => String) code: string, @Ctx() context: TransitContext): Promise<BusRoute | null> {
    return context.loaders.routeByCode.load(code);
  }

  @Authorized()
  @Query(() => [BusRoute], { description: 'All bus routes, 1 … 12, 101, K1' })
  async busRoutes(@Ctx() context: TransitContext): Promise<BusRoute[]> {
    return (await context.dataSource.getRepository(BusRoute).find()).sort(byRouteCode);
  }

  @FieldResolver(() => [BusStop], { description: 'The stops in riding order' })
  stops(@Root() route: BusRoute, @Ctx() context: TransitContext): Promise<BusStop[]> {
    return context.loaders.stopsByRoute.load(route.code);
  }
}
