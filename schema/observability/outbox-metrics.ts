import { Gauge, type Registry } from 'prom-client';
import { IsNull, type DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.entity';
import type { Logger } from './logger';

const QUERY_BUDGET_MS = 1000;

interface OutboxReading {
  waiting: number;
  oldestAgeSeconds: number;
}

/**
 * How many audit events wait in a subgraph's outbox and how old the oldest is,
 * read at each scrape with two statements on the (deliveredAt, occurredAt)
 * index. A backlog that grows, or an oldest event that ages, means the audit
 * service is not taking them. When the database does not answer in time both
 * read NaN: unknown, not zero.
 */
export function observeOutbox(dataSource: DataSource, registry: Registry, logger?: Logger): void {
  let reading: Promise<OutboxReading> | null = null;
  // one scrape collects both gauges at once: they share one reading
  const read = () =>
    (reading ??= readOutbox(dataSource)
      .catch((error: unknown) => {
        logger?.warn({ err: error }, 'outbox metrics not read');
        return { waiting: NaN, oldestAgeSeconds: NaN };
      })
      .finally(() => (reading = null)));
  // a data source opened again (a restart in the same process) replaces the one read before
  for (const name of ['outbox_events_waiting', 'outbox_oldest_waiting_age_seconds']) registry.removeSingleMetric(name);
  new Gauge({
    name: 'outbox_events_waiting',
    help: "Audit events in this subgraph's outbox not yet confirmed by the audit service",
    registers: [registry],
    async collect() {
      this.set((await read()).waiting);
    },
  });
  new Gauge({
    name: 'outbox_oldest_waiting_age_seconds',
    help: "Age of the oldest audit event waiting in this subgraph's outbox (0 when none waits)",
    registers: [registry],
    async collect() {
      this.set((await read()).oldestAgeSeconds);
    },
  });
}

async function readOutbox(dataSource: DataSource): Promise<OutboxReading> {
  const events = dataSource.getRepository(AuditEvent);
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the database gave no answer within ${QUERY_BUDGET_MS} ms`)), QUERY_BUDGET_MS);
  });
  try {
    const [waiting, oldest] = await Promise.race([
      Promise.all([
        events.count({ where: { deliveredAt: IsNull() } }),
        events.findOne({ select: { id: true, occurredAt: true }, where: { deliveredAt: IsNull() }, order: { occurredAt: 'ASC' } }),
      ]),
      budget,
    ]);
    return { waiting, oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.occurredAt.getTime()) / 1000) : 0 };
  } finally {
    clearTimeout(timer);
  }
}
