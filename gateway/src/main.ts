import { listen } from '../../schema/http/listen';
import { type GatewayConfig, readGatewayConfig } from './config';
import { createGatewayApp, type GatewayApp } from './server';

const START_ATTEMPTS = 30;

/**
 * Subgraphs or the registry may still be starting (containers, a slow
 * migration, a first publish under way): retry loading the supergraph before giving up.
 */
async function startGateway(config: GatewayConfig): Promise<GatewayApp> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await createGatewayApp(config);
    } catch (error) {
      if (attempt >= START_ATTEMPTS) throw error;
      console.warn(`[gateway] could not load the supergraph yet (${error instanceof Error ? error.message : error}); retrying`);
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

async function main() {
  const config = readGatewayConfig();
  const source = config.supergraphSource?.kind === 'registry' ? `the registry at ${config.supergraphSource.url}` : 'the subgraphs it introspects';
  console.log(`[gateway] supergraph from ${source}`);
  const gateway = await startGateway(config);
  const listening = await listen(gateway.app, config.port, process.env.HOST ?? '127.0.0.1');
  console.log(`[gateway] 12345 federation ready at ${listening.url}/graphql (health: ${listening.url}/health)`);
  const stop = async () => {
    await listening.close();
    await gateway.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(`[gateway] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
