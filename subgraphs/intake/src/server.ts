import type { DataSource } from 'typeorm';
import { databaseAnswers } from '../../../schema/database/create-data-source';
import { buildFederatedSchema } from '../../../schema/federation/build-federated-schema';
import { createSubgraphApp, type SubgraphApp } from '../../../schema/federation/subgraph-app';
import { AssignmentActionsResolver } from './assignment/assignment-actions.resolver';
import { AssignmentQueueResolver } from './assignment/assignment-queue.resolver';
import { AssignmentResolver } from './assignment/assignment.resolver';
import { RepeatResolver } from './repeat/repeat.resolver';
import { KnowledgeDraftResolver } from './knowledge/knowledge-draft.resolver';
import { HistoryResolver } from './history/history.resolver';
import { TicketRatingResolver } from './rating/rating.resolver';
import { TicketCallbacksResolver } from './callback/callback.resolver';
import { TicketNoticesResolver } from './notice/notice.resolver';
import { CalendarResolver } from './deadline/calendar.resolver';
import { AnsweredWithResolver } from './knowledge/answered-with.resolver';
import { KnowledgeResolver } from './knowledge/knowledge.resolver';
import { TicketLifecycleResolver } from './lifecycle/ticket-lifecycle.resolver';
import { TicketTimingResolver } from './ticket/ticket-timing.resolver';
import { CategoryResolver } from './category/category.resolver';
import type { IntakeConfig } from './config';
import { createIntakeContext } from './context';
import { Department } from './department/department.entity';
import { resolveDepartmentReference } from './department/department.reference';
import { DepartmentResolver } from './department/department.resolver';
import { serviceLogger } from '../../../schema/observability/logger';
import { DeadlineClock } from './clock/deadline-clock';
import { CitizenContactResolver } from './personal-data/citizen-contact.resolver';
import { Ticket } from './ticket/ticket.entity';
import { resolveTicketReference } from './ticket/ticket.reference';
import { TicketResolver } from './ticket/ticket.resolver';
import { TicketCountResolver } from './ticket/ticket-count.resolver';

/** The 12345 centre's subgraph: tickets, dispatches, the department catalogue. Does not listen. */
export async function createIntakeApp(dataSource: DataSource, config: IntakeConfig): Promise<SubgraphApp> {
  const schema = await buildFederatedSchema(
    {
      resolvers: [
        TicketResolver,
        TicketCountResolver,
        TicketTimingResolver,
        TicketLifecycleResolver,
        TicketCallbacksResolver,
        TicketNoticesResolver,
        TicketRatingResolver,
        HistoryResolver,
        RepeatResolver,
        CitizenContactResolver,
        AssignmentResolver,
        AssignmentActionsResolver,
        AssignmentQueueResolver,
        DepartmentResolver,
        CategoryResolver,
        CalendarResolver,
        KnowledgeResolver,
        KnowledgeDraftResolver,
        AnsweredWithResolver,
      ],
    },
    [
      { name: 'Ticket', type: Ticket, resolveReference: resolveTicketReference },
      { name: 'Department', type: Department, resolveReference: resolveDepartmentReference },
    ],
  );
  const app = await createSubgraphApp({
    name: 'intake',
    schema,
    createContext: (base) => createIntakeContext(base, dataSource, config),
    isHealthy: () => databaseAnswers(dataSource),
    hopKeys: config.hopKeys,
  });
  if (!config.clock?.intervalMs) return app;
  const logger = serviceLogger('intake');
  const clock = new DeadlineClock(dataSource, config, config.clock, undefined, (message) => logger.warn(message));
  clock.start();
  return {
    ...app,
    stop: async () => {
      await clock.stop();
      await app.stop();
    },
  };
}
