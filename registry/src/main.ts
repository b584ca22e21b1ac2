// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../schema/observability/tracing';
import 'reflect-metadata';
import { listen } from '../../schema/http/listen';
import { serviceLogger } from '../../schema/observability/logger';
import { collectProcessMetrics, serviceMetrics } from '../../schema/observability/metrics-registry';
import { observeSql } from '../../schema/observability/sql-metrics';
import { stopTracing } from '../../schema/observability/tracing';
import { exitOnStartupFailure, stopOnSignals } from '../../schema/runtime/graceful-stop';
import { isMigrateCommand, runMigrateCommand } from '../../schema/runtime/migrate-command';
import { readRegistryConfig } from './config';
import { openRegistryDataSource } from './data-source';
import { createRegistryApp } from './server';

const logger = serviceLogger('registry');

/** The registry process: `main.js migrate` migrates its database; plain `main.js` serves and stops cleanly on SIGTERM. */
async function serve() {
  const config = readRegistryConfig();
  const { dataSource } = await openRegistryDataSource(config.database);
  collectProcessMetrics(serviceMetrics('registry'));
  observeSql(dataSource, serviceMetrics('registry'));
  const registry = await createRegistryApp(dataSource, config);
  // loopback unless told otherwise: in containers HOST=0.0.0.0 lets the gateway reach it
  const listening = await listen(registry.app, config.port, process.env.HOST ?? '127.0.0.1');
  logger.info({ url: `${listening.url}/graphql` }, 'serving');
  stopOnSignals(logger, () => [
    { name: 'drain', run: async () => registry.probes.drain() },
    { name: 'close http', run: () => listening.close() },
    { name: 'stop graphql', run: () => registry.stop() },
    { name: 'close database', run: () => dataSource.destroy() },
    { name: 'flush traces', run: () => stopTracing() },
  ]);
}

if (isMigrateCommand()) runMigrateCommand(logger, () => openRegistryDataSource({ ...readRegistryConfig().database, migrate: true }));
else serve().catch(exitOnStartupFailure(logger));
