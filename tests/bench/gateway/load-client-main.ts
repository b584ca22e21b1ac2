/**
 * The benchmark's one load process (autocannon), separate from every gateway
 * so its CPU is not theirs: `node load-client-main.js <json spec>`, prints
 * one JSON line with what came back.
 */
interface AutocannonResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

// autocannon 9 ships no types; this is the part of its API used here
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

export interface LoadSpec {
  url: string;
  body: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  /** When set, exactly this many requests, each answered before the client ends: no request is left half-done at the end of a measured round. */
  amount?: number;
}

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Non-2xx answers, socket errors and timeouts: a round with any is not a measurement. */
  failed: number;
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const result = await autocannon({
    url: spec.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...spec.headers },
    body: spec.body,
    connections: spec.connections,
    duration: spec.durationSeconds,
    ...(spec.amount ? { amount: spec.amount } : {}),
  });
  return {
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

run(JSON.parse(process.argv[2] ?? '{}') as LoadSpec).then(
  (result) => console.log(JSON.stringify(result)),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
