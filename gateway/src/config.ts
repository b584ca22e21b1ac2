import { isProduction, readBoolean, readMilliseconds, readPort, readString } from '../../schema/config/env';
import { type AuthConfig, readAuthConfig } from '../../schema/identity/auth-config';
import { type HopKeys, readHopKeys } from '../../schema/identity/hop-keys';
import { readSubgraphEndpoints, type SubgraphEndpoint } from '../../schema/config/subgraph-endpoints';
import { readExplorerSwitch } from '../../schema/http/explorer/explorer-config';
import { readPublicOperations } from './auth/public-operations';
import { readCorsOrigins } from './cors/cors-config';
import { type LimitsConfig, readLimitsConfig } from './limits/limits-config';
import { readTrustProxy, type TrustProxy } from './limits/trust-proxy-config';
import { readResilienceConfig, type ResilienceConfig } from './resilience/resilience-config';

/**
 * Where the supergraph comes from: the schema registry (departments publish,
 * the gateway follows without a restart), or introspecting a fixed list of
 * subgraphs and composing them here (the set-up before the registry).
 */
export type SupergraphSource =
  | { kind: 'registry'; url: string; pollMs: number; usageFlushMs: number }
  | { kind: 'introspect' };

export interface GatewayConfig {
  port: number;
  /** The fixed list the introspect source composes; ignored when the registry is the source. */
  subgraphs: SubgraphEndpoint[];
  /** How often to re-read subgraph schemas, in ms; 0 reads them once at start-up. */
  pollIntervalMs: number;
  /** Absent means `introspect`, so a config written before the registry keeps working. */
  supergraphSource?: SupergraphSource;
  introspection: boolean;
  /** GraphiQL at GET /graphql; absent: off. */
  explorer?: boolean;
  auth: AuthConfig;
  /** The gateway's own key (it alone asserts callers' identities to subgraphs) and the public keys it trusts. */
  hopKeys: HopKeys;
  limits: LimitsConfig;
  /** Per-subgraph timeouts and circuits. */
  resilience: ResilienceConfig;
  /**
   * A client operation's reads of one subgraph planned side by side go as one request; absent: each alone. Off by
   * default: on bench:gateway's workload it took the fetches from 16 to 13 a request and the gateway's CPU down by
   * 0-8 % in three runs (README), too little yet to change what every deployment sends.
   */
  batchFetches?: boolean;
  /** No "Did you mean …" in error messages: they spell out the schema to whoever guesses. Absent: shown, as in development. */
  hideSchemaDetails?: boolean;
  /** Who reads the subgraphs, URLs and errors behind /health; anyone else gets the status alone. Absent: everyone, as in development. */
  healthDetails?: 'everyone' | 'operators';
  /** Browser front-ends on other origins allowed to call /graphql (CORS); absent or empty: none. */
  corsOrigins?: string[];
  /** sha256 of the operation texts anyone may send without a token; absent or empty: none, every request needs a token. */
  publicOperations?: string[];
  /** Proxies whose X-Forwarded-For names the client (for the per-address rate limit); absent: none. */
  trustProxy?: TrustProxy;
}

/** `<NAME>_URL` points the gateway at a subgraph elsewhere; by default each runs on its local port. */
export function readGatewayConfig(env = process.env): GatewayConfig {
  return {
    port: readPort('GATEWAY_PORT', 4000, env),
    subgraphs: readSubgraphEndpoints(env),
    pollIntervalMs: readMilliseconds('GATEWAY_POLL_INTERVAL_MS', 0, env),
    supergraphSource: readSupergraphSource(env),
    // on while developing (Sandbox, codegen); off in production unless asked for
    introspection: readString('GRAPHQL_INTROSPECTION', isProduction(env) ? 'false' : 'true', env) === 'true',
    explorer: readExplorerSwitch(env),
    auth: readAuthConfig(env),
    hopKeys: readHopKeys('gateway', env),
    limits: readLimitsConfig(env),
    resilience: readResilienceConfig(env),
    batchFetches: readBoolean('GATEWAY_BATCH_FETCHES', false, env),
    hideSchemaDetails: isProduction(env),
    healthDetails: isProduction(env) ? 'operators' : 'everyone',
    corsOrigins: readCorsOrigins(env),
    publicOperations: readPublicOperations(env),
    trustProxy: readTrustProxy(env),
  };
}

/** Setting REGISTRY_URL is the switch: without it the gateway composes the fixed subgraph list itself. */
export function readSupergraphSource(env = process.env): SupergraphSource {
  const url = env.REGISTRY_URL;
  if (!url) return { kind: 'introspect' };
  return {
    kind: 'registry',
    url: url.replace(/\/+$/, ''),
    pollMs: readMilliseconds('REGISTRY_POLL_MS', 2000, env),
    usageFlushMs: readMilliseconds('USAGE_FLUSH_MS', 5000, env),
  };
}
