// first: tracing wraps http, undici and mysql2 as they load (a no-op unless OTEL_EXPORTER_OTLP_ENDPOINT is set)
import '../../schema/observability/tracing';
import { listen } from '../../schema/http/listen';
import { serviceLogger } from '../../schema/observability/logger';
import { collectProcessMetrics, serviceMetrics } from '../../schema/observability/metrics-registry';
import { stopTracing } from '../../schema/observability/tracing';
import { exitOnStartupFailure, stopOnSignals } from '../../schema/runtime/graceful-stop';
import { readGatewayConfig } from './config';
import { buildGatewayApp } from './server';

const logger = serviceLogger('gateway');

/**
 * The gateway process. It listens at once, so /livez answers and /readyz says
 * "not yet" while the supergraph loads (subgraphs or the registry may still be
 * starting); on SIGTERM it stops taking requests, answers the ones in flight,
 * and sends the field usage it recorded, within the stop deadline.
 */
async function serve() {
  const config = readGatewayConfig();
  collectProcessMetrics(serviceMetrics('gateway'));
  const gateway = await buildGatewayApp(config, { logger });
  const listening = await listen(gateway.app, config.port, process.env.HOST ?? '127.0.0.1');
  stopOnSignals(logger, () => [
    { name: 'drain', run: async () => gateway.drain() },
    { name: 'close http', run: () => listening.close() },
    { name: 'stop graphql', run: () => gateway.stop() },
    { name: 'flush traces', run: () => stopTracing() },
  ]);
  const source = config.supergraphSource?.kind === 'registry' ? `the registry at ${config.supergraphSource.url}` : 'the subgraphs it introspects';
  logger.info({ url: `${listening.url}/graphql`, supergraph: source }, 'listening; loading the supergraph');
  gateway.loaded.then(
    () => logger.info({ url: `${listening.url}/graphql` }, 'serving'),
    () => undefined, // only a stop ends the loading early, and the stop says so
  );
}

serve().catch(exitOnStartupFailure(logger));
