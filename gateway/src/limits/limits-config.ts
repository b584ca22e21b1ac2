import { readString } from '../../../schema/config/env';

/** What one client request may cost the platform; each refusal has its own error code. */
export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxComplexity: number;
  maxBatch: number;
  maxBodyBytes: number;
}

function readPositive(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = Number(readString(name, String(fallback), env));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

export function readLimitsConfig(env = process.env): LimitsConfig {
  return {
    // the deepest query the consoles send (tickets → nodes → transit → nearbyStops → stop → routes → code) is 7
    maxDepth: readPositive('MAX_QUERY_DEPTH', 12, env),
    maxAliases: readPositive('MAX_QUERY_ALIASES', 30, env),
    // a 100-ticket page with every department's view (tests/support/operations.ts TICKET_FIELDS) costs ~19,800
    maxComplexity: readPositive('MAX_QUERY_COMPLEXITY', 25_000, env),
    maxBatch: readPositive('MAX_BATCH_OPERATIONS', 10, env),
    maxBodyBytes: readPositive('MAX_BODY_BYTES', 100 * 1024, env),
  };
}
