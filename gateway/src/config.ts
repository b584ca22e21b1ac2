import { isProduction, readPort, readSigningSecret, readString } from '../../schema/config/env';
import { type AuthConfig, readAuthConfig } from './auth/auth-config';
import { type LimitsConfig, readLimitsConfig } from './limits/limits-config';

export interface SubgraphEndpoint {
  name: string;
  /** Base URL: the subgraph serves `/graphql` and `/health` below it. */
  url: string;
}

export interface GatewayConfig {
  port: number;
  subgraphs: SubgraphEndpoint[];
  /** How often to re-read subgraph schemas, in ms; 0 reads them once at start-up. */
  pollIntervalMs: number;
  introspection: boolean;
  auth: AuthConfig;
  signingSecret: string;
  limits: LimitsConfig;
}

export const SUBGRAPH_NAMES = ['intake', 'water', 'streetlight', 'transit', 'audit'] as const;
const DEFAULT_PORTS: Record<string, number> = { intake: 4001, water: 4002, streetlight: 4003, transit: 4004, audit: 4005 };

/** `<NAME>_URL` points the gateway at a subgraph elsewhere; by default each runs on its local port. */
export function readGatewayConfig(env = process.env): GatewayConfig {
  return {
    port: readPort('GATEWAY_PORT', 4000, env),
    subgraphs: SUBGRAPH_NAMES.map((name) => ({
      name,
      url: readString(`${name.toUpperCase()}_URL`, `http://127.0.0.1:${readPort(`${name.toUpperCase()}_PORT`, DEFAULT_PORTS[name], env)}`, env),
    })),
    pollIntervalMs: Number(readString('GATEWAY_POLL_INTERVAL_MS', '0', env)),
    // on while developing (Sandbox, codegen); off in production unless asked for
    introspection: readString('GRAPHQL_INTROSPECTION', isProduction(env) ? 'false' : 'true', env) === 'true',
    auth: readAuthConfig(env),
    signingSecret: readSigningSecret(env),
    limits: readLimitsConfig(env),
  };
}
