import { createHash } from 'node:crypto';
import type { TrailEvent } from './trail-event.entity';

/** The `prevHash` of a ticket's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers: what the subgraph recorded, nothing the audit service added. */
export const CONTENT_FIELDS = [
  'id', 'ticketId', 'subgraph', 'action', 'entityType', 'entityId', 'fromState', 'toState',
  'actorId', 'actorRole', 'requestId', 'reason', 'data', 'occurredAt',
] as const;
export type TrailContent = Pick<TrailEvent, (typeof CONTENT_FIELDS)[number]>;

/**
 * JSON with object keys sorted at every level, so the same content always
 * gives the same text (and hash), whatever order a sender or driver used.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    const entries = Object.keys(object)
      .sort()
      .filter((key) => object[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The hashed text of an event; `data` is already canonical JSON text, so it is hashed as the string it is stored as. */
export function contentText(event: TrailContent): string {
  const content: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) content[field] = event[field];
  content.occurredAt = event.occurredAt.toISOString();
  return canonicalJson(content);
}

export function chainHash(prevHash: string, event: TrailContent): string {
  return createHash('sha256').update(prevHash + contentText(event)).digest('hex');
}

/** Who a trail event concerns: the department its data names (intake's assignment events), else its subgraph. */
export function departmentOf(subgraph: string, dataText: string | null): string {
  let code: unknown;
  try {
    code = dataText === null ? null : (JSON.parse(dataText) as Record<string, unknown> | null)?.departmentCode;
  } catch {
    code = null;
  }
  return typeof code === 'string' && code.length > 0 && code.length <= 40 ? code : subgraph;
}
