import { Arg, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { WaterContext } from '../context';
import { currentOutagesQuery } from './current-outages';
import { Outage } from './outage.entity';

@Resolver(() => Outage)
export class OutageResolver {
  @Authorized()
  @Query(() => [Outage], { description: 'Outages under way or starting within 48 hours' })
  waterOutages(@Ctx() context: WaterContext, @Arg('zoneCode', () => String, { nullable: true }) zoneCode?: string | null): Promise<Outage[]> {
    const query = currentOutagesQuery(context.dataSource.getRepository(Outage));
    if (zoneCode) query.andWhere('o.zoneCode = :zoneCode', { zoneCode });
    return query.getMany();
  }

  @FieldResolver(() => Boolean, { description: 'Whether water is off right now' })
  active(@Root() outage: Outage): boolean {
    const now = Date.now();
    return !outage.restoredAt && outage.startsAt.getTime() <= now && (!outage.endsAt || outage.endsAt.getTime() > now);
  }
}
