import { IntrospectAndCompose, type SupergraphManager } from '@apollo/gateway';
import type { GatewayConfig } from '../config';
import type { RoutedSubgraph } from '../subgraph-health';
import { RegistrySupergraphManager, type RegistrySupergraphState } from './registry-supergraph-manager';

/** Where the gateway's supergraph comes from, and what `/health` should ask and tell about it. */
export interface SupergraphSource {
  manager: SupergraphManager;
  /** The subgraphs of the supergraph served now, at their routing URLs: what /health asks. */
  subgraphs(): RoutedSubgraph[];
  describe(): RegistrySupergraphState | { source: 'introspect' };
}

export function createSupergraphSource(config: GatewayConfig, log: (message: string) => void): SupergraphSource {
  const source = config.supergraphSource ?? { kind: 'introspect' };
  if (source.kind === 'registry') {
    const manager = new RegistrySupergraphManager({ url: source.url, pollMs: source.pollMs, hopKeys: config.hopKeys, log });
    return {
      manager,
      subgraphs: () => manager.subgraphs(),
      describe: () => manager.state(),
    };
  }
  const subgraphs = config.subgraphs.map(({ name, url }) => ({ name, url: `${url}/graphql` }));
  return {
    manager: new IntrospectAndCompose({ subgraphs, pollIntervalInMs: config.pollIntervalMs || undefined }),
    subgraphs: () => subgraphs,
    describe: () => ({ source: 'introspect' }),
  };
}
