import type { HopKeys } from '../identity/hop-keys';
import { Role } from '../identity/roles';
import { signIdentity } from '../identity/signed-identity';
import type { AuditEvent } from './audit-event.entity';

/** The audience of a relay's signature. */
export const AUDIT_SERVICE = 'audit';
/** Where the audit service takes events, below its base URL. */
export const AUDIT_EVENTS_PATH = '/events';
/** The audit service refuses bigger batches; a relay sends at most this many per request. */
export const MAX_AUDIT_BATCH = 1000;

/**
 * An audit event as it travels from a subgraph's outbox to the audit service.
 * Spelled out rather than derived from the entity: the outbox may grow columns
 * (`deliveredAt`) that are nobody else's business, while this format is a contract.
 */
export interface AuditEventWire {
  id: string;
  ticketId: string;
  subgraph: string;
  action: string;
  entityType: string;
  entityId: string;
  fromState: string | null;
  toState: string | null;
  actorId: string;
  actorRole: string;
  requestId: string;
  reason: string | null;
  data: Record<string, unknown> | null;
  /** ISO 8601 */
  occurredAt: string;
}

/** The audit service's answer: `duplicates` were already stored (a resent batch) and were ignored. */
export interface AuditIngestResult {
  stored: number;
  duplicates: number;
}

export function toAuditEventWire(event: AuditEvent): AuditEventWire {
  return {
    id: event.id,
    ticketId: event.ticketId,
    subgraph: event.subgraph,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    fromState: event.fromState,
    toState: event.toState,
    actorId: event.actorId,
    actorRole: event.actorRole,
    requestId: event.requestId,
    reason: event.reason,
    data: event.data,
    occurredAt: event.occurredAt.toISOString(),
  };
}

/** The identity a subgraph's relay signs its deliveries with. */
export const relayIdentity = (subgraph: string) => ({ id: `relay:${subgraph}`, roles: [Role.SYSTEM_ADMIN] });

/**
 * Delivers one batch to the audit service at `baseUrl`, signed with the
 * subgraph's own key over the exact body. Resending a batch is safe (events are
 * stored once by id), so a caller that times out simply tries again later.
 * Throws on any non-2xx answer.
 */
export async function postAuditEvents(
  baseUrl: string,
  keys: HopKeys,
  subgraph: string,
  events: AuditEventWire[],
  timeoutMs = 10_000,
): Promise<AuditIngestResult> {
  const body = JSON.stringify({ events });
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}${AUDIT_EVENTS_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await signIdentity(relayIdentity(subgraph), keys, AUDIT_SERVICE, { query: body })) },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`audit service refused ${events.length} events from ${subgraph}: HTTP ${response.status} ${detail}`);
  }
  return (await response.json()) as AuditIngestResult;
}
