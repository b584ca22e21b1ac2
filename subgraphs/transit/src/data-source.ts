import { AuditEvent } from '../../../schema/audit/audit-event.entity';
import { openDataSource, type SubgraphDataSource } from '../../../schema/database/create-data-source';
import { type DatabaseSettings, databaseTarget } from '../../../schema/database/database-target';
import { CreateTransit1763900000300 } from './migrations/1763900000300-create-transit';
import { BusRoute } from './route/bus-route.entity';
import { RouteStop } from './route-stop/route-stop.entity';
import { BusStop } from './stop/bus-stop.entity';
import { TransitWorkOrder } from './work-order/transit-work-order.entity';
import { AuditOutbox1764400000300 } from './migrations/1764400000300-audit-outbox';

export const TRANSIT_ENTITIES = [BusRoute, BusStop, RouteStop, TransitWorkOrder, AuditEvent];

export function openTransitDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('transit', settings), { entities: TRANSIT_ENTITIES, migrations: [CreateTransit1763900000300, AuditOutbox1764400000300] });
}
