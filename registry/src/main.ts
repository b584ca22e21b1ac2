import 'reflect-metadata';
import { listen } from '../../schema/http/listen';
import { serviceLogger } from '../../schema/observability/logger';
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
  const registry = await createRegistryApp(dataSource, config);
  // loopback unless told otherwise: in containers HOST=0.0.0.0 lets the gateway reach it
  const listening = await listen(registry.app, config.port, process.env.HOST ?? '127.0.0.1');
  logger.info({ url: `${listening.url}/graphql` }, 'serving');
  stopOnSignals(logger, () => [
    { name: 'drain', run: async () => registry.probes.drain() },
    { name: 'close http', run: () => listening.close() },
    { name: 'stop graphql', run: () => registry.stop() },
    { name: 'close database', run: () => dataSource.destroy() },
  ]);
}

if (isMigrateCommand()) runMigrateCommand(logger, () => openRegistryDataSource({ ...readRegistryConfig().database, migrate: true }));
else serve().catch(exitOnStartupFailure(logger));
