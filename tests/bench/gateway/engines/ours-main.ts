// first, as in gateway/src/main.ts: tracing wraps http and undici as they load (a no-op without OTEL_EXPORTER_OTLP_ENDPOINT)
import '../../../../schema/observability/tracing';
import { readGatewayConfig } from '../../../../gateway/src/config';
import type { SubgraphEndpoint } from '../../../../schema/config/subgraph-endpoints';
import { buildGatewayApp } from '../../../../gateway/src/server';
import { listen } from '../../../../schema/http/listen';
import { serviceLogger } from '../../../../schema/observability/logger';
import { collectProcessMetrics, serviceMetrics } from '../../../../schema/observability/metrics-registry';
import { announceListening, enginePort } from './engine-listening';

/**
 * Our gateway engine as gateway/src/main.ts serves it (the same app: limits,
 * token verification, identity signing per hop, guards, metrics, access log),
 * configured from the environment the benchmark gives it (production mode),
 * composing the stub subgraphs named in BENCH_SUBGRAPHS instead of the city's.
 */
async function serve() {
  const subgraphs = JSON.parse(process.env.BENCH_SUBGRAPHS ?? '[]') as SubgraphEndpoint[];
  const config = { ...readGatewayConfig(), subgraphs, port: enginePort() };
  const logger = serviceLogger('gateway');
  collectProcessMetrics(serviceMetrics('gateway'));
  const gateway = await buildGatewayApp(config, { logger, loadAttempts: 1 });
  await gateway.loaded;
  const listening = await listen(gateway.app, config.port);
  announceListening(listening.url);
}

serve().catch((error) => {
  console.error(error);
  process.exit(1);
});
