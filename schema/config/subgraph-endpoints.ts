import { readPort, readString } from './env';

/** One running subgraph as the platform's processes find it. */
export interface SubgraphEndpoint {
  name: string;
  /** Base URL: the subgraph serves `/graphql` below it. */
  url: string;
}

/**
 * The subgraphs a fresh installation runs. The gateway composes them when it has no registry, and the registry's
 * first start registers them; both read the list here, so the two never disagree about it.
 */
export const SUBGRAPH_NAMES = ['intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'] as const;
const DEFAULT_PORTS: Record<string, number> = { intake: 4001, water: 4002, streetlight: 4003, transit: 4004, audit: 4005, oversight: 4006 };

/** `<NAME>_URL` points at a subgraph elsewhere; by default each runs on its local port (`<NAME>_PORT`). */
export function readSubgraphEndpoints(env = process.env): SubgraphEndpoint[] {
  return SUBGRAPH_NAMES.map((name) => ({
    name,
    url: readString(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${readPort(`${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name], env)}`, env),
  }));
}
