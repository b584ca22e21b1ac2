import { AuditEvent } from '../../../schema/audit/audit-event.entity';
import { openDataSource, type SubgraphDataSource } from '../../../schema/database/create-data-source';
import { databaseTarget } from '../../../schema/database/database-target';
import type { DatabaseSettings } from '../../../schema/database/database-target';
import { Assignment } from './assignment/assignment.entity';
import { Category } from './category/category.entity';
import { Department } from './department/department.entity';
import { CreateIntake1763900000000 } from './migrations/1763900000000-create-intake';
import { PersonalDataAccess1764000000000 } from './migrations/1764000000000-personal-data-access';
import { WorkingCalendar1764100000000 } from './migrations/1764100000000-working-calendar';
import { KnowledgeBase1764200000000 } from './migrations/1764200000000-knowledge-base';
import { Lifecycle1764300000000 } from './migrations/1764300000000-lifecycle';
import { AuditOutbox1764400000000 } from './migrations/1764400000000-audit-outbox';
import { OversightInputs1764500000000 } from './migrations/1764500000000-oversight-inputs';
import { DepartmentCatalogue1764600000000 } from './migrations/1764600000000-department-catalogue';
import { DeadlineClock1764700000000 } from './migrations/1764700000000-deadline-clock';
import { RepeatRequests1764800000000 } from './migrations/1764800000000-repeat-requests';
import { DepartmentKnowledge1764900000000 } from './migrations/1764900000000-department-knowledge';
import { CitizenNotice1765000000000 } from './migrations/1765000000000-citizen-notice';
import { AssignmentByDepartment1765100000000 } from './migrations/1765100000000-assignment-by-department';
import { QueueIndexes1766000000000 } from './migrations/1766000000000-queue-indexes';
import { TicketDepartment1767000000000 } from './migrations/1767000000000-ticket-department';
import { KnowledgeArticleVersion } from './knowledge/article-version.entity';
import { KnowledgeDraft } from './knowledge/knowledge-draft.entity';
import { ClockLease } from './clock/clock-lease.entity';
import { ImportedTicket } from './history/imported-ticket.entity';
import { TicketRating } from './rating/ticket-rating.entity';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { CalendarDay } from './deadline/calendar-day.entity';
import { Callback } from './callback/callback.entity';
import { IntakeRequest } from './ticket/intake-request.entity';
import { PersonalDataAccess } from './personal-data/personal-data-access.entity';
import { CitizenNotice } from './notice/citizen-notice.entity';
import { Ticket } from './ticket/ticket.entity';
import { TicketDepartment } from './ticket/ticket-department.entity';
import { TicketSequence } from './ticket/ticket-sequence.entity';

export const INTAKE_ENTITIES = [
  Ticket,
  TicketSequence,
  IntakeRequest,
  Assignment,
  Callback,
  Department,
  Category,
  CalendarDay,
  AuditEvent,
  PersonalDataAccess,
  KnowledgeArticle,
  TicketRating,
  ImportedTicket,
  ClockLease,
  KnowledgeArticleVersion,
  KnowledgeDraft,
  CitizenNotice,
  TicketDepartment,
];
export const INTAKE_MIGRATIONS = [CreateIntake1763900000000, PersonalDataAccess1764000000000, WorkingCalendar1764100000000, KnowledgeBase1764200000000, Lifecycle1764300000000, AuditOutbox1764400000000, OversightInputs1764500000000, DepartmentCatalogue1764600000000, DeadlineClock1764700000000, RepeatRequests1764800000000, DepartmentKnowledge1764900000000, CitizenNotice1765000000000, AssignmentByDepartment1765100000000, QueueIndexes1766000000000, TicketDepartment1767000000000];

export function openIntakeDataSource(settings: DatabaseSettings): Promise<SubgraphDataSource> {
  return openDataSource(databaseTarget('intake', settings), { entities: INTAKE_ENTITIES, migrations: INTAKE_MIGRATIONS });
}
