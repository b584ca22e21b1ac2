import { AuditEvent } from '../../../schema/audit/audit-event.entity';
import { openDataSource, type SubgraphDataSource } from '../../../schema/database/create-data-source';
import { type DatabaseSettings, databaseTarget } from '../../../schema/database/database-target';
import { CreateWater1763900000100 } from './migrations/1763900000100-create-water';
import { Outage } from './outage/outage.entity';
import { WaterWorkOrder } from './work-order/water-work-order.entity';
import { SupplyZone } from './zone/supply-zone.entity';
import { AuditOutbox1764400000100 } from './migrations/1764400000100-audit-outbox';

export const WATER_ENTITIES = [SupplyZone, Outage, WaterWorkOrder, AuditEvent];

export function openWaterDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('water', settings), { entities: WATER_ENTITIES, migrations: [CreateWater1763900000100, AuditOutbox1764400000100] });
}
