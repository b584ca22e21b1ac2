import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Identity } from './identity/roles';

/** What every subgraph knows about the request it serves: its id, and who acts (verified by signature). */
export interface RequestContext {
  requestId: string;
  actor: Identity;
  /** The signed hop this request came with: a service asking another on the same caller's behalf shows it. */
  hop?: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** Keep a caller's request id when it is sane; otherwise mint one, so logs never carry junk. */
export function requestIdFrom(headers: IncomingHttpHeaders): string {
  const given = headers[REQUEST_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value && REQUEST_ID_PATTERN.test(value) ? value : randomUUID();
}
