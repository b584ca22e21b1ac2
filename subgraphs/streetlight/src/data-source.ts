import { AuditEvent } from '../../../schema/audit/audit-event.entity';
import { openDataSource, type SubgraphDataSource } from '../../../schema/database/create-data-source';
import { type DatabaseSettings, databaseTarget } from '../../../schema/database/database-target';
import { LampPole } from './lamp-pole/lamp-pole.entity';
import { CreateStreetlight1763900000200 } from './migrations/1763900000200-create-streetlight';
import { StreetlightWorkOrder } from './work-order/streetlight-work-order.entity';
import { AuditOutbox1764400000200 } from './migrations/1764400000200-audit-outbox';

export const STREETLIGHT_ENTITIES = [LampPole, StreetlightWorkOrder, AuditEvent];

export function openStreetlightDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('streetlight', settings), {
    entities: STREETLIGHT_ENTITIES,
    migrations: [CreateStreetlight1763900000200, AuditOutbox1764400000200],
  });
}
