import type { DataSource } from 'typeorm';
import { createGroupLoader, createRowLoader } from '../../../schema/database/group-loader';
import { createReferenceLoader } from '../../../schema/database/reference-rows';
import type { RequestContext } from '../../../schema/request-context';
import type { SubgraphContext } from '../../../schema/subgraph-context';
import { Assignment } from './assignment/assignment.entity';
import { Callback } from './callback/callback.entity';
import { Category } from './category/category.entity';
import type { IntakeConfig } from './config';
import { createAccessRecorder } from './personal-data/access-recorder';
import { Department } from './department/department.entity';
import { KnowledgeArticle } from './knowledge/knowledge-article.entity';
import { CitizenNotice } from './notice/citizen-notice.entity';
import { TicketRating } from './rating/ticket-rating.entity';
import { Ticket } from './ticket/ticket.entity';

export interface IntakeContext extends SubgraphContext {
  config: IntakeConfig;
  loaders: ReturnType<typeof createLoaders>;
  personalDataAccess: ReturnType<typeof createAccessRecorder>;
}

function createLoaders(dataSource: DataSource) {
  return {
    ticketById: createRowLoader(dataSource.getRepository(Ticket), 'id'),
    assignmentsByTicket: createGroupLoader(dataSource.getRepository(Assignment), 'ticketId', {
      order: { lead: 'DESC', dispatchedAt: 'ASC' },
    }),
    departmentByCode: createReferenceLoader(dataSource.getRepository(Department), 'code'),
    categoryByCode: createReferenceLoader(dataSource.getRepository(Category), 'code'),
    articleById: createRowLoader(dataSource.getRepository(KnowledgeArticle), 'id'),
    callbacksByTicket: createGroupLoader(dataSource.getRepository(Callback), 'ticketId', { order: { calledAt: 'ASC' } }),
    noticesByTicket: createGroupLoader(dataSource.getRepository(CitizenNotice), 'ticketId', { order: { createdAt: 'ASC' } }),
    ratingByTicket: createRowLoader(dataSource.getRepository(TicketRating), 'ticketId'),
  };
}

/** Fresh loaders for every request: a cache must never outlive the request that filled it. */
export function createIntakeContext(base: RequestContext, dataSource: DataSource, config: IntakeConfig): IntakeContext {
  return { ...base, dataSource, config, loaders: createLoaders(dataSource), personalDataAccess: createAccessRecorder(dataSource, base) };
}
