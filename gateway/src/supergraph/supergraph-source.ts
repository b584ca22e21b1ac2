import { IntrospectAndCompose, type SupergraphManager } from '@apollo/gateway';
import type { GatewayConfig, SubgraphEndpoint } from '../config';
import { RegistrySupergraphManager, type RegistrySupergraphState } from './registry-supergraph-manager';

/** Where the gateway's supergraph comes from, and what `/health` should ask and tell about it. */
export interface SupergraphSource {
  manager: SupergraphManager;
  /** The subgraphs of the supergraph served now, as base URLs (their `/health` lives there). */
  endpoints(): SubgraphEndpoint[];
  describe(): RegistrySupergraphState | { source: 'introspect' };
}

export function createSupergraphSource(config: GatewayConfig, log: (message: string) => void): SupergraphSource {
  const source = config.supergraphSource ?? { kind: 'introspect' };
  if (source.kind === 'registry') {
    const manager = new RegistrySupergraphManager({ url: source.url, pollMs: source.pollMs, signingSecret: config.signingSecret, log });
    return {
      manager,
      endpoints: () => manager.subgraphs().map(({ name, url }) => ({ name, url: url.replace(/\/graphql\/?$/, '') })),
      describe: () => manager.state(),
    };
  }
  return {
    manager: new IntrospectAndCompose({
      subgraphs: config.subgraphs.map(({ name, url }) => ({ name, url: `${url}/graphql` })),
      pollIntervalInMs: config.pollIntervalMs || undefined,
    }),
    endpoints: () => config.subgraphs,
    describe: () => ({ source: 'introspect' }),
  };
}
