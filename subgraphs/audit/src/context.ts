import type { DataSource } from 'typeorm';
import { createGroupLoader } from '../../../schema/database/group-loader';
import type { RequestContext } from '../../../schema/request-context';
import type { SubgraphContext } from '../../../schema/subgraph-context';
import { createOwnDepartmentLoader } from './access/trail-access';
import type { AnchorLedger } from './anchor/anchor-ledger';
import { TrailEvent } from './trail/trail-event.entity';

export interface AuditContext extends SubgraphContext {
  loaders: ReturnType<typeof createLoaders>;
  /** The anchor file as read so far; shared by all requests (it only grows), null without anchors. */
  anchors: AnchorLedger | null;
}

function createLoaders(dataSource: DataSource, base: RequestContext) {
  return {
    trailByTicket: createGroupLoader(dataSource.getRepository(TrailEvent), 'ticketId', { order: { occurredAt: 'ASC', ticketSeq: 'ASC' } }),
    ownDepartmentTicket: createOwnDepartmentLoader(dataSource, base.actor.department),
  };
}

/** Fresh loaders for every request: a cache must never outlive the request (or the caller) that filled it. */
export function createAuditContext(base: RequestContext, dataSource: DataSource, anchors: AnchorLedger | null = null): AuditContext {
  return { ...base, dataSource, anchors, loaders: createLoaders(dataSource, base) };
}
