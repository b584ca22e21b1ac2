import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { WaterContext } from '../context';
import { Outage } from '../outage/outage.entity';
import { SupplyZone } from './supply-zone.entity';

@Resolver(() => SupplyZone)
export class SupplyZoneResolver {
  @Authorized()
  @Query(() => [SupplyZone], { description: 'All water supply zones' })
  supplyZones(@Ctx() context: WaterContext): Promise<SupplyZone[]> {
    return context.dataSource.getRepository(SupplyZone).find({ order: { code: 'ASC' } });
  }

  @FieldResolver(() => [Outage], { description: 'Outages under way or due within 48 hours' })
  currentOutages(@Root() zone: SupplyZone, @Ctx() context: WaterContext): Promise<Outage[]> {
    return context.loaders.currentOutagesByZone.load(zone.code);
  }
}
