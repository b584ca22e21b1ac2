import { readString } from '../../../schema/config/env';
import { MAX_AGE_MS } from '../../../schema/identity/signed-identity';

/** How long the gateway waits for a subgraph, and when it stops calling one that keeps failing. */
export interface ResilienceConfig {
  /** For every subgraph without a `<NAME>_TIMEOUT_MS` of its own. */
  defaultTimeoutMs: number;
  /** By subgraph name in upper case, as its variable spells it. */
  timeoutMs: Record<string, number>;
  /** Consecutive failures (timeouts, refused connections, 5xx) that open a subgraph's circuit. */
  circuitFailures: number;
  /** How long an open circuit refuses calls outright before it lets one through to test the subgraph. */
  circuitHalfOpenMs: number;
}

export function timeoutFor(config: ResilienceConfig, subgraph: string): number {
  return config.timeoutMs[subgraph.toUpperCase()] ?? config.defaultTimeoutMs;
}

const OWN_TIMEOUT = /^([A-Z][A-Z0-9_]*)_TIMEOUT_MS$/;

/**
 * `SUBGRAPH_TIMEOUT_MS` for all, `<NAME>_TIMEOUT_MS` for one (read for any
 * name: departments published to the registry later get theirs too).
 */
export function readResilienceConfig(env = process.env): ResilienceConfig {
  const timeoutMs: Record<string, number> = {};
  for (const name of Object.keys(env)) {
    const match = OWN_TIMEOUT.exec(name);
    if (match && match[1] !== 'SUBGRAPH' && env[name] !== '') timeoutMs[match[1]] = readTimeout(name, 0, env);
  }
  return {
    defaultTimeoutMs: readTimeout('SUBGRAPH_TIMEOUT_MS', 5000, env),
    timeoutMs,
    circuitFailures: readWhole('SUBGRAPH_CIRCUIT_FAILURES', 5, 1, env),
    circuitHalfOpenMs: readWhole('SUBGRAPH_CIRCUIT_HALF_OPEN_MS', 3000, 1, env),
  };
}

/**
 * A subgraph refuses an identity signed more than MAX_AGE_MS earlier; a call
 * allowed to wait that long would end in a refused signature, not a timeout.
 */
function readTimeout(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = readWhole(name, fallback, 1, env);
  if (value >= MAX_AGE_MS) throw new Error(`${name} must be below ${MAX_AGE_MS} ms (how long a signed identity is good for), got ${value}`);
  return value;
}

function readWhole(name: string, fallback: number, min: number, env: NodeJS.ProcessEnv): number {
  const raw = readString(name, String(fallback), env);
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number of at least ${min}, got "${raw}"`);
  return value;
}
