import { type AuditEventWire, MAX_AUDIT_BATCH } from '../../../../schema/audit/audit-wire';
import { canonicalJson } from '../trail/trail-hash';

/** An event as accepted for storage: checked, with its time parsed and its data as canonical JSON text. */
export type IncomingEvent = Omit<AuditEventWire, 'occurredAt' | 'data'> & { occurredAt: Date; data: string | null };

/** A delivery the audit service will not store; the relay should not resend it unchanged. */
export class RejectedBatch extends Error {}

// the same limits as the columns; TEXT holds 65,535 bytes, so 20,000 characters of any script fit
const TEXT_LIMIT = 20_000;
const FIELDS: ReadonlyArray<[field: keyof AuditEventWire, maxLength: number, nullable: boolean]> = [
  ['id', 36, false], ['ticketId', 36, false], ['subgraph', 40, false], ['action', 60, false],
  ['entityType', 40, false], ['entityId', 36, false], ['fromState', 40, true], ['toState', 40, true],
  ['actorId', 100, false], ['actorRole', 200, false], ['requestId', 100, false], ['reason', TEXT_LIMIT, true],
];

function readEvent(raw: unknown, index: number, sender: string): IncomingEvent {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new RejectedBatch(`events[${index}] is not an object`);
  const event = raw as Record<string, unknown>;
  for (const [field, maxLength, nullable] of FIELDS) {
    const value = event[field];
    if (nullable && (value === null || value === undefined)) continue;
    if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
      throw new RejectedBatch(`events[${index}].${field} must be a string of 1–${maxLength} characters`);
    }
  }
  // a relay speaks for its own subgraph only
  if (event.subgraph !== sender) throw new RejectedBatch(`events[${index}] was recorded by ${String(event.subgraph)}, not by ${sender}`);
  const occurredAt = new Date(typeof event.occurredAt === 'string' ? event.occurredAt : NaN);
  if (Number.isNaN(occurredAt.getTime())) throw new RejectedBatch(`events[${index}].occurredAt must be an ISO 8601 time`);
  const data = event.data ?? null;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) throw new RejectedBatch(`events[${index}].data must be an object or null`);
  const dataText = data === null ? null : canonicalJson(data);
  if (dataText !== null && dataText.length > TEXT_LIMIT) throw new RejectedBatch(`events[${index}].data is too large`);
  return {
    ...(Object.fromEntries(FIELDS.map(([field]) => [field, event[field] ?? null])) as Omit<IncomingEvent, 'occurredAt' | 'data'>),
    occurredAt,
    data: dataText,
  };
}

/** Parses and checks a delivery's body `{ "events": [...] }`; throws RejectedBatch naming the first fault. */
export function readBatch(body: string, sender: string): IncomingEvent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new RejectedBatch('the body is not JSON');
  }
  const events = (parsed as { events?: unknown } | null)?.events;
  if (!Array.isArray(events)) throw new RejectedBatch('the body must be { "events": [...] }');
  if (events.length > MAX_AUDIT_BATCH) throw new RejectedBatch(`at most ${MAX_AUDIT_BATCH} events per delivery`);
  return events.map((event, index) => readEvent(event, index, sender));
}
