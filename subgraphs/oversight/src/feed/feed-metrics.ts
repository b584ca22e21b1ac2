import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { metric } from '../../../../schema/observability/metrics-registry';

/** How far behind the events the figures are, and how many events passed through. */
export function feedMetrics(registry: Registry) {
  return {
    applied: metric(registry, 'oversight_feed_events_applied_total', (registers) => new Counter({ name: 'oversight_feed_events_applied_total', help: 'Audit feed events applied to the rollups', registers })),
    skipped: metric(registry, 'oversight_feed_events_skipped_total', (registers) => new Counter({ name: 'oversight_feed_events_skipped_total', help: 'Feed events no fact could place (logged each)', registers })),
    lag: metric(
      registry,
      'oversight_rollup_lag_seconds',
      (registers) =>
        new Histogram({
          name: 'oversight_rollup_lag_seconds',
          help: 'From the change (the event occurredAt) to its count committed in the rollups',
          buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300],
          registers,
        }),
    ),
    behind: metric(registry, 'oversight_feed_events_behind', (registers) => new Gauge({ name: 'oversight_feed_events_behind', help: 'Events the audit feed held beyond the cursor at the last read', registers })),
  };
}

export type FeedMetrics = ReturnType<typeof feedMetrics>;
