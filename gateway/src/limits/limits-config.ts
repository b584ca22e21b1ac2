import { readString } from '../../../schema/config/env';

/** How much one source may ask of the gateway over time; past it, 429 with Retry-After. */
export interface RateLimitsConfig {
  /** HTTP requests to /graphql from one client address per window, counted before anything is read. */
  ipRequests: number;
  ipWindowSeconds: number;
  /** Estimated cost one caller (token subject; an address for public operations) may spend per window. */
  costPoints: number;
  costWindowSeconds: number;
}

/** What one client request may cost the platform; each refusal has its own error code. */
export interface LimitsConfig {
  /** Lexical tokens in one document: the parser stops there, before building anything bigger. */
  maxTokens: number;
  maxDepth: number;
  /** Aliased fields, counted once per use of the fragment they sit in. */
  maxAliases: number;
  /** Directives, counted the same way. */
  maxDirectives: number;
  /** Field selections once every fragment is expanded: what a fragment chain multiplies. */
  maxFields: number;
  maxComplexity: number;
  /** The summed cost of every operation of one batched HTTP request. */
  maxBatchComplexity: number;
  maxBatch: number;
  maxBodyBytes: number;
  rate: RateLimitsConfig;
}

function readPositive(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const value = Number(readString(name, String(fallback), env));
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
  return value;
}

export function readLimitsConfig(env = process.env): LimitsConfig {
  const limits: LimitsConfig = {
    // the biggest documents the consoles send hold ~110 tokens (a ticket page with every department's view), the
    // introspection query ~190
    maxTokens: readPositive('MAX_QUERY_TOKENS', 2000, env),
    // the deepest query the consoles send (tickets → nodes → transit → nearbyStops → stop → routes → code) is 7
    maxDepth: readPositive('MAX_QUERY_DEPTH', 12, env),
    maxAliases: readPositive('MAX_QUERY_ALIASES', 30, env),
    // a client uses @include/@skip a handful of times; 50 leaves room and stops a directive flood
    maxDirectives: readPositive('MAX_QUERY_DIRECTIVES', 50, env),
    // the consoles' ticket page expands to ~60 fields, the introspection query to ~230
    maxFields: readPositive('MAX_QUERY_FIELDS', 1000, env),
    // a 100-ticket page with every department's view (tests/support/operations.ts TICKET_FIELDS) costs ~19,800
    maxComplexity: readPositive('MAX_QUERY_COMPLEXITY', 25_000, env),
    // two such pages in one batch, not ten
    maxBatchComplexity: readPositive('MAX_BATCH_COMPLEXITY', 50_000, env),
    maxBatch: readPositive('MAX_BATCH_OPERATIONS', 10, env),
    maxBodyBytes: readPositive('MAX_BODY_BYTES', 100 * 1024, env),
    rate: {
      // an operator's console sends well under one request a second; 20 a second is a busy office behind one
      // address. Every refused request still costs ~1–2 ms of gateway CPU, and counts ten here: three attackers
      // sending bombs leave normal traffic ~98 % of its throughput (npm run bench:attack). Behind a proxy set
      // TRUST_PROXY, or the whole city is one address; a large call centre behind one NAT raises it
      ipRequests: readPositive('RATE_LIMIT_IP_REQUESTS', 200, env),
      ipWindowSeconds: readPositive('RATE_LIMIT_IP_WINDOW_SECONDS', 10, env),
      // an operator refreshing a 50-ticket page with every department's view (~9,900) every 5 s spends ~120,000 a
      // minute; 300,000 leaves room for opening tickets (~200 each) and an export or two (10,001 each), and holds
      // one account to ~2 % of what two cores serve (~230,000 a second in 50-ticket pages)
      costPoints: readPositive('RATE_LIMIT_COST', 300_000, env),
      costWindowSeconds: readPositive('RATE_LIMIT_COST_WINDOW_SECONDS', 60, env),
    },
  };
  if (limits.maxBatchComplexity < limits.maxComplexity) throw new Error('MAX_BATCH_COMPLEXITY must be at least MAX_QUERY_COMPLEXITY: one operation is a batch of one');
  if (limits.rate.costPoints < limits.maxBatchComplexity) {
    throw new Error('RATE_LIMIT_COST must be at least MAX_BATCH_COMPLEXITY, or the largest request allowed could never be served');
  }
  return limits;
}
