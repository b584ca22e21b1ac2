import { In, IsNull, type DataSource } from 'typeorm';
import type { HopKeys } from '../identity/hop-keys';
import { AuditEvent } from './audit-event.entity';
import { postAuditEvents, toAuditEventWire } from './audit-wire';

export interface OutboxRelayOptions {
  subgraph: string;
  dataSource: DataSource;
  /** Where the audit service takes events; read on every attempt, so a moved service is found again. */
  auditUrl: () => string | undefined;
  /** The subgraph's own keys: a relay signs as `relay:<subgraph>`. */
  hopKeys: HopKeys;
  intervalMs?: number;
  batchSize?: number;
  log?: (message: string) => void;
}

const MAX_BACKOFF_MS = 5_000;
const DELIVERY_TIMEOUT_MS = 5_000;

/**
 * Delivers a subgraph's audit events to the audit service, at least once, in
 * the order they happened. The events were written in the same transaction as
 * the changes they record (the `audit_event` table is the outbox), so nothing
 * is lost while the audit service is down: they wait, and go when it is back.
 * Only after the audit service confirms a batch is it marked delivered; the
 * audit service stores each event id once, so a resend is harmless.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private failures = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    if (this.timer) return;
    const tick = async () => {
      const delivered = await this.flush().catch(() => 0);
      const wait = this.failures ? Math.min(MAX_BACKOFF_MS, (this.options.intervalMs ?? 500) * 2 ** this.failures) : (this.options.intervalMs ?? 500);
      // a full batch means more are waiting: go again at once
      if (this.timer) this.timer = setTimeout(tick, delivered === (this.options.batchSize ?? 500) ? 0 : wait);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  /**
   * On shutdown: stop polling and hand over what is waiting, within `budgetMs`.
   * What does not make it stays in the outbox, delivered by the next start:
   * the deadline bounds the stop, never what is kept.
   */
  async stopAndFlush(budgetMs = 800): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const budget = new Promise<'late'>((resolve) => setTimeout(resolve, budgetMs, 'late').unref());
    const inFlight = this.running?.catch(() => 0);
    if (inFlight && (await Promise.race([inFlight, budget])) === 'late') return;
    await Promise.race([this.deliverBatch(budgetMs).catch(() => 0), budget]);
  }

  /** Sends one batch of waiting events; resolves to how many the audit service confirmed. */
  flush(): Promise<number> {
    this.running ??= this.deliverBatch().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async deliverBatch(timeoutMs = DELIVERY_TIMEOUT_MS): Promise<number> {
    const url = this.options.auditUrl();
    if (!url) return 0;
    const repository = this.options.dataSource.getRepository(AuditEvent);
    const events = await repository.find({
      where: { deliveredAt: IsNull() },
      order: { occurredAt: 'ASC', id: 'ASC' },
      take: this.options.batchSize ?? 500,
    });
    if (events.length === 0) return 0;
    try {
      await postAuditEvents(url, this.options.hopKeys, this.options.subgraph, events.map(toAuditEventWire), timeoutMs);
      this.failures = 0;
    } catch (error) {
      if (this.failures++ === 0) this.options.log?.(`audit service unreachable (${(error as Error).message}); ${events.length}+ events wait`);
      throw error;
    }
    await repository.update({ id: In(events.map((event) => event.id)) }, { deliveredAt: new Date() });
    return events.length;
  }
}
