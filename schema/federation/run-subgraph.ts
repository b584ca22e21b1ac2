import { OutboxRelay } from '../audit/outbox-relay';
import { readAuditUrl, readMilliseconds } from '../config/env';
import type { SubgraphDataSource } from '../database/create-data-source';
import { listen } from '../http/listen';
import { serviceLogger } from '../observability/logger';
import { collectProcessMetrics, serviceMetrics } from '../observability/metrics-registry';
import { observeOutbox } from '../observability/outbox-metrics';
import { observeSql } from '../observability/sql-metrics';
import { stopTracing } from '../observability/tracing';
import { exitOnStartupFailure, stopOnSignals } from '../runtime/graceful-stop';
import { isMigrateCommand, runMigrateCommand } from '../runtime/migrate-command';
import type { HopKeys } from '../identity/hop-keys';
import type { SubgraphApp } from './subgraph-app';

export interface SubgraphProcess {
  name: string;
  port: number;
  /** Opens the database; migrates it first unless MIGRATE_ON_START=false. */
  openDataSource(options?: { migrate?: boolean }): Promise<SubgraphDataSource>;
  createApp(data: SubgraphDataSource): Promise<SubgraphApp>;
  /** For subgraphs that record audit events: relay them to the audit service. */
  outbox?: { hopKeys: HopKeys };
}

/**
 * The process entry of a subgraph. `main.js migrate` migrates its database
 * and exits; plain `main.js` serves, and on SIGTERM stops taking requests,
 * answers the ones in flight, hands waiting audit events to the audit service
 * and closes the database, within the stop deadline.
 */
export function runSubgraph(process_: SubgraphProcess): void {
  const logger = serviceLogger(process_.name);
  if (isMigrateCommand()) {
    runMigrateCommand(logger, () => process_.openDataSource({ migrate: true }));
    return;
  }
  serve(process_).catch(exitOnStartupFailure(logger));
}

async function serve(process_: SubgraphProcess): Promise<void> {
  const logger = serviceLogger(process_.name);
  const data = await process_.openDataSource();
  const metrics = serviceMetrics(process_.name);
  collectProcessMetrics(metrics);
  observeSql(data.dataSource, metrics);
  const app = await process_.createApp(data);
  // loopback unless told otherwise: in containers HOST=0.0.0.0 lets the gateway reach the subgraph
  const listening = await listen(app.app, process_.port, process.env.HOST ?? '127.0.0.1');
  logger.info({ url: `${listening.url}/graphql` }, 'serving');
  const auditUrl = readAuditUrl();
  const relay = process_.outbox
    ? new OutboxRelay({
        subgraph: process_.name,
        dataSource: data.dataSource,
        auditUrl: () => auditUrl,
        hopKeys: process_.outbox.hopKeys,
        // how often the relay looks for new events; delivery is at least once whatever the value
        intervalMs: readMilliseconds('OUTBOX_POLL_MS', 500),
        log: (message) => logger.warn(message),
      })
    : null;
  relay?.start();
  if (relay) observeOutbox(data.dataSource, metrics, logger);
  stopOnSignals(logger, () => [
    { name: 'drain', run: async () => app.probes.drain() },
    { name: 'close http', run: () => listening.close() },
    { name: 'flush outbox', run: async () => relay?.stopAndFlush() },
    { name: 'stop graphql', run: () => app.stop() },
    { name: 'close database', run: () => data.dataSource.destroy() },
    { name: 'flush traces', run: () => stopTracing() },
  ]);
}
