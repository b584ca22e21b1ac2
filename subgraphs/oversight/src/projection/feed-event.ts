import type { FeedEventWire } from '../../../../schema/audit/audit-feed';
import type { WorkingCalendar } from '../../../../schema/time/working-calendar';
import type { FactStore } from '../facts/fact-store';
import type { RollupDelta } from '../rollup/rollup-delta';

/** A feed event as the projection reads it. */
export type FeedEvent = Omit<FeedEventWire, 'occurredAt'> & { occurredAt: Date };

export const toFeedEvent = (wire: FeedEventWire): FeedEvent => ({ ...wire, occurredAt: new Date(wire.occurredAt) });

/** What applying events reads and changes. */
export interface Projection {
  facts: FactStore;
  rollups: RollupDelta;
  calendar: WorkingCalendar;
  timeZone: string;
  /** Events the projection could not place (a step for a ticket it never saw created), for the log and /metrics. */
  skipped: (event: FeedEvent, why: string) => void;
}

export const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Department lists are kept as comma-separated codes; codes never hold a comma (intake checks them). */
export const listOf = (joined: string): string[] => (joined ? joined.split(',') : []);
export const joined = (codes: Iterable<string>): string => [...new Set(codes)].join(',');
