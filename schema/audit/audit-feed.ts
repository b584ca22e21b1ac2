import type { HopKeys } from '../identity/hop-keys';
import { serviceIdentity } from '../identity/roles';
import { signIdentity } from '../identity/signed-identity';
import { AUDIT_SERVICE, type AuditEventWire } from './audit-wire';

/** Where the audit service serves its feed, below its base URL. */
export const AUDIT_FEED_PATH = '/feed';
/** The most events one page holds; a reader asking for more gets this many. */
export const MAX_FEED_PAGE = 1000;
/** Who may read the feed: services that keep figures, never a department or a person. */
export const FEED_READERS = ['oversight'] as const;

/**
 * One event of the feed: what the subgraph recorded about the change, without
 * who did it and why (actor, request id, free-text reason): figures need the
 * change, not the people, so those stay in the audit service.
 */
export type FeedEventWire = Omit<AuditEventWire, 'actorId' | 'actorRole' | 'requestId' | 'reason'> & {
  /** Place in the feed: 1, 2, 3…, gap-free, in the order the audit service stored the events. */
  seq: number;
};

export interface FeedPage {
  events: FeedEventWire[];
  /** The last place the feed holds now: a reader is caught up when its cursor reaches it. */
  head: number;
}

/** Where a reader stands: the last event it applied (seq 0 and no id before the first). */
export interface FeedPosition {
  seq: number;
  eventId: string | null;
}

/** The feed no longer holds the event the reader last applied where it applied it (a restored backup, say). */
export class FeedDiverged extends Error {}

/** The path and query of a page request: the text its signature covers. */
export function feedRequestPath(after: FeedPosition, limit: number): string {
  const query = new URLSearchParams({ after: String(after.seq), limit: String(limit) });
  if (after.eventId) query.set('afterId', after.eventId);
  return `${AUDIT_FEED_PATH}?${query}`;
}

/**
 * Reads the page after `after`, signed with the reader's own key as that
 * service. Throws FeedDiverged when the audit service answers that the feed
 * does not continue from `after`, an Error on any other failure (or when
 * `signal` aborts: a stopping reader does not wait out the timeout).
 */
export async function readAuditFeed(baseUrl: string, keys: HopKeys, after: FeedPosition, limit: number, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<FeedPage> {
  const path = feedRequestPath(after, limit);
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}${path}`, {
    headers: await signIdentity(serviceIdentity(keys.service), keys, AUDIT_SERVICE, { method: 'GET', query: path }),
    signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 10_000), ...(options.signal ? [options.signal] : [])]),
  });
  if (response.status === 409) throw new FeedDiverged((await response.text()).slice(0, 300));
  if (!response.ok) throw new Error(`audit feed answered HTTP ${response.status}: ${(await response.text().catch(() => '')).slice(0, 300)}`);
  return (await response.json()) as FeedPage;
}
