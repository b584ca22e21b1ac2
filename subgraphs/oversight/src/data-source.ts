import { openDataSource, type SubgraphDataSource } from '../../../schema/database/create-data-source';
import { type DatabaseSettings, databaseTarget } from '../../../schema/database/database-target';
import { AssignmentFact } from './facts/assignment-fact.entity';
import { TicketFact } from './facts/ticket-fact.entity';
import { FeedCursor } from './feed/feed-cursor.entity';
import { CreateOversight1765200000100 } from './migrations/1765200000100-create-oversight';
import { DepartmentMonth1765200000200 } from './migrations/1765200000200-department-month';
import { RepeatedRequests1765200000300 } from './migrations/1765200000300-repeated-requests';
import { DepartmentDay } from './rollup/department-day.entity';
import { DepartmentMonth } from './rollup/department-month.entity';
import { RollupDay } from './rollup/rollup-day.entity';

export const OVERSIGHT_ENTITIES = [FeedCursor, TicketFact, AssignmentFact, DepartmentDay, DepartmentMonth, RollupDay];

export function openOversightDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('oversight', settings), { entities: OVERSIGHT_ENTITIES, migrations: [CreateOversight1765200000100, DepartmentMonth1765200000200, RepeatedRequests1765200000300] });
}
