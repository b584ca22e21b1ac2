import type { DataSource } from 'typeorm';
import { type FeedPage, type FeedPosition, readAuditFeed } from '../../../../schema/audit/audit-feed';
import type { HopKeys } from '../../../../schema/identity/hop-keys';
import type { WorkingCalendar } from '../../../../schema/time/working-calendar';
import type { FeedSettings } from '../config';
import { applyPage } from './apply-page';
import type { FeedMetrics } from './feed-metrics';
import { readPosition } from './feed-position';

const MAX_BACKOFF_MS = 5_000;

/** Where the calendar of the events' years comes from (intake, or a fixed one in tests and benchmarks). */
export interface CalendarSource {
  covering(fromYear: number, toYear: number, signal?: AbortSignal): Promise<WorkingCalendar>;
}

export interface FeedFollowerOptions {
  dataSource: DataSource;
  feed: FeedSettings;
  hopKeys: HopKeys;
  calendar: CalendarSource;
  timeZone: string;
  metrics?: FeedMetrics;
  log?: (message: string) => void;
}

export interface StepOutcome {
  applied: number;
  position: FeedPosition;
  head: number;
}

/**
 * Follows the audit service's feed: reads the page after the stored cursor,
 * applies it (exactly once, see applyPage), and goes on at once while pages
 * come full, every `pollMs` once caught up, backing off while audit or intake
 * cannot be reached. Stopping waits for the page in hand: a page is applied
 * whole or not at all.
 */
export class FeedFollower {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<StepOutcome> | null = null;
  private failures = 0;
  /** Aborts the reads in flight when stopping: a page not yet in hand is simply read again next time. */
  private readonly stopping = new AbortController();

  constructor(private readonly options: FeedFollowerOptions) {}

  start(): void {
    if (this.timer) return;
    const tick = async () => {
      const outcome = await this.step().catch(() => null);
      const wait = outcome ? (outcome.position.seq < outcome.head ? 0 : this.options.feed.pollMs) : Math.min(MAX_BACKOFF_MS, this.options.feed.pollMs * 2 ** this.failures);
      if (this.timer) this.timer = setTimeout(tick, wait);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stopping.abort();
    await this.running?.catch(() => undefined);
  }

  /** Applies pages until the cursor reaches the feed's head as it was when asked. */
  async catchUp(): Promise<FeedPosition> {
    for (;;) {
      const outcome = await this.step();
      if (outcome.position.seq >= outcome.head) return outcome.position;
    }
  }

  /** One page: read, apply, tell. */
  step(): Promise<StepOutcome> {
    this.running ??= this.applyNext().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async applyNext(): Promise<StepOutcome> {
    const { dataSource, feed, hopKeys, metrics, log } = this.options;
    try {
      const from = await readPosition(dataSource.manager);
      const signal = this.stopping.signal;
      const page: FeedPage = await readAuditFeed(feed.auditUrl(), hopKeys, from, feed.pageSize, { signal });
      metrics?.behind.set(page.head - from.seq);
      if (page.events.length === 0) return this.succeeded({ applied: 0, position: from, head: page.head });
      const years = page.events.map((event) => new Date(event.occurredAt).getUTCFullYear());
      // a year either side: a dispatch of last December is handled this January; a deadline runs into next year
      const calendar = await this.options.calendar.covering(Math.min(...years) - 1, Math.max(...years) + 1, signal);
      if (signal.aborted) throw new Error('stopping');
      const outcome = await applyPage(dataSource, from, page.events, calendar, this.options.timeZone);
      const now = Date.now();
      if (outcome.applied) {
        metrics?.applied.inc(outcome.applied);
        for (const event of page.events) metrics?.lag.observe(Math.max(0, (now - Date.parse(event.occurredAt)) / 1000));
      }
      for (const { event, why } of outcome.skipped) {
        metrics?.skipped.inc();
        log?.(`feed event ${event.seq} (${event.action}, ticket ${event.ticketId}) skipped: ${why}`);
      }
      return this.succeeded({ applied: outcome.applied, position: outcome.position, head: page.head });
    } catch (error) {
      if (this.failures++ === 0) log?.(`cannot follow the audit feed (${(error as Error).message}); trying again`);
      throw error;
    }
  }

  private succeeded(outcome: StepOutcome): StepOutcome {
    if (this.failures) this.options.log?.('following the audit feed again');
    this.failures = 0;
    return outcome;
  }
}
