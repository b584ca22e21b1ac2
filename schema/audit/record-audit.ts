import type { EntityManager } from 'typeorm';
import { v7 as timeOrderedId } from 'uuid';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestContext } from '../request-context';
import { AuditEvent } from './audit-event.entity';

export interface AuditChange {
  ticketId: string;
  action: string;
  entityType: string;
  entityId: string;
  fromState?: string | null;
  toState?: string | null;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Writes the audit record of a change. Call it with the transaction's manager:
 * a change and its record commit together or not at all.
 */
export async function recordAudit(
  manager: EntityManager,
  subgraph: string,
  context: RequestContext,
  change: AuditChange,
  at: Date = new Date(),
): Promise<AuditEvent> {
  const event = manager.create(AuditEvent, {
    // time-ordered (UUIDv7, monotonic within the process): the outbox relays by (occurredAt, id), so the steps of one
    // transaction that share a millisecond (created and dispatched in a history import, withdraw and merge) keep their order
    id: timeOrderedId(),
    subgraph,
    ticketId: change.ticketId,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    fromState: change.fromState ?? null,
    toState: change.toState ?? null,
    reason: change.reason ?? null,
    data: change.data ?? null,
    actorId: context.actor.id,
    actorRole: context.actor.roles.join(',') || 'ANONYMOUS',
    requestId: context.requestId,
    occurredAt: at,
    deliveredAt: null,
  });
  // insert, not save: save would first SELECT to decide between insert and update
  await manager.insert(AuditEvent, event as QueryDeepPartialEntity<AuditEvent>);
  return event;
}
