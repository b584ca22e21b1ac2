import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { type Started, runProcess, startProcess, stopAll } from './bench-processes';
import { BENCHMARK_QUERY } from './workload/benchmark-query';
import { STUB_SUBGRAPHS } from './workload/stub-subgraph';
import type { LoadResult, LoadSpec } from './load-client-main';
import { processCpuMs } from './process-cpu';
import { Role } from '../../../schema/identity/roles';
import { productionCredentials } from '../production-credentials';

/**
 * `npm run bench:gateway`: the gateway engine alone. Four stub subgraphs
 * (the public gateway benchmark's accounts, inventory, products, reviews),
 * each its own process answering from memory; four gateways, each its own
 * process, over the same supergraph: ours (gateway/ as it serves clients, in
 * production mode), vanilla @apollo/gateway with @apollo/server, Hive Gateway
 * with its JavaScript planner and with the Rust one. One load process drives
 * one gateway at a time with the benchmark's query; rounds alternate, the
 * order turning each round, so a neighbour's load on the machine falls on
 * every gateway alike. CPU per request is read from each gateway process's
 * own kernel counters over its measured interval.
 */
/** Hive Gateway's own package folder (in the source tree: its script is plain JavaScript, not compiled). */
const HIVE_DIR = path.resolve(__dirname, '../../../../../tests/bench/gateway/hive');
const ENGINES: Record<string, { script: string; args: string[]; env?: Record<string, string> }> = {
  ours: { script: 'engines/ours-main.js', args: [] as string[] },
  /** Ours merging the reads of one subgraph planned side by side into one request (GATEWAY_BATCH_FETCHES, off by default): what that buys. */
  'ours-batched': { script: 'engines/ours-main.js', args: [], env: { GATEWAY_BATCH_FETCHES: 'true' } },
  /** Ours with the heap cap docker-compose.yml and the Kubernetes manifests give every service: what that cap costs in CPU. */
  'ours-capped': { script: 'engines/ours-main.js', args: [], env: { NODE_OPTIONS: '--max-old-space-size=512' } },
  /** Ours as an earlier commit built it (--baseline DIR: that checkout, compiled with tsconfig.bench.json): a change measured against what it replaces, in the same run. */
  'ours-before': { script: 'engines/ours-main.js', args: [] as string[] },
  apollo: { script: 'engines/apollo-main.js', args: [] as string[] },
  hive: { script: path.join(HIVE_DIR, 'hive-main.cjs'), args: [] as string[] },
  'hive-rust': { script: path.join(HIVE_DIR, 'hive-main.cjs'), args: ['--rust'] },
  /** Hive without its default sharing of identical fetches in flight: with 10 identical queries at once it otherwise sends less than one fetch per request, so these two compare fetch for fetch. */
  'hive-nodedupe': { script: path.join(HIVE_DIR, 'hive-main.cjs'), args: ['--no-dedupe'] },
  'hive-rust-nodedupe': { script: path.join(HIVE_DIR, 'hive-main.cjs'), args: ['--rust', '--no-dedupe'] },
};
type EngineName = keyof typeof ENGINES;
/** The fewest requests a measured round makes, however slow the machine. */
const MIN_REQUESTS = 50;

const { values: options } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    connections: { type: 'string', default: '10' },
    engines: { type: 'string', default: Object.keys(ENGINES).filter((name) => name !== 'ours-before' && name !== 'ours-capped').join(',') },
    /** A folder: each gateway runs with node --cpu-prof and writes its profile there when the benchmark ends. */
    profile: { type: 'string' },
    baseline: { type: 'string' },
  },
});
const rounds = Number(options.rounds);
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const engineNames = (options.baseline ? `${options.engines},ours-before` : options.engines!).split(',') as EngineName[];

interface Measured extends LoadResult {
  engine: EngineName;
  round: number;
  cpuMsPerRequest: number;
  /** The stubs' CPU per request, summed: a check that they are not what limits the gateway. */
  stubCpuMsPerRequest: number;
  /** Subgraph fetches the gateway sent per client request (its query plan), and how many different bodies the stubs saw so far. */
  fetchesPerRequest: number;
  distinctBodies: number;
}

async function stubFetches(stubs: Started[]): Promise<{ fetches: number; distinct: number }> {
  const counts = await Promise.all(stubs.map(async (stub) => (await (await fetch(stub.url)).json()) as { fetches: number; distinct: number }));
  return counts.reduce((sum, count) => ({ fetches: sum.fetches + count.fetches, distinct: sum.distinct + count.distinct }), { fetches: 0, distinct: 0 });
}

/**
 * Hive Gateway is installed beside its script on first use, from its own lockfile: its dependencies declare
 * Node >= 22, and the project's own install stays free of their engine warnings.
 */
function installHive() {
  if (fs.existsSync(path.join(HIVE_DIR, 'node_modules/@graphql-hive/gateway/package.json'))) return;
  console.log(`installing Hive Gateway into ${HIVE_DIR} (once; its dependencies warn that they want Node >= 22, and run on ${process.version})`);
  const installed = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: HIVE_DIR, stdio: 'inherit' });
  if (installed.status !== 0) throw new Error(`npm ci in ${HIVE_DIR} exited ${installed.status}`);
}

async function main() {
  if (engineNames.some((name) => name.startsWith('hive'))) installHive();
  const started: Started[] = [];
  process.on('exit', () => started.forEach(({ child }) => child.kill('SIGTERM')));
  const profiling = (name: string) => (options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profile)}`, `--cpu-prof-name=${name}.cpuprofile`] : []);
  const stubs = await Promise.all(STUB_SUBGRAPHS.map((subgraph) => startProcess(subgraph.name, 'stub-subgraph-main.js', [subgraph.name], {})));
  started.push(...stubs);
  const supergraphFile = writeSupergraph(stubs);
  const credentials = await productionCredentials();
  const common = { NODE_ENV: 'production', SUPERGRAPH_FILE: supergraphFile };
  const ours = {
    ...credentials.env,
    ...credentials.envOf('gateway'),
    BENCH_SUBGRAPHS: JSON.stringify(stubs.map(({ name, url }) => ({ name, url }))),
    // one client address sends everything: the per-address and per-identity rate limits would refuse it, so they are
    // set out of reach (they are still counted per request)
    RATE_LIMIT_IP_REQUESTS: '1000000000',
    RATE_LIMIT_COST: '1000000000000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const engines = new Map<EngineName, Started>();
  for (const name of engineNames) {
    const script = name === 'ours-before' ? path.resolve(options.baseline!, 'dist/bench/tests/bench/gateway', ENGINES[name].script) : ENGINES[name].script;
    const engine = await startProcess(name, script, ENGINES[name].args, { ...common, ...(name.startsWith('ours') ? ours : {}), ...ENGINES[name].env }, profiling(name));
    started.push(engine);
    engines.set(name, engine);
  }
  const headers = { authorization: `Bearer ${await credentials.tokenFor({ sub: 'bench-operator', roles: [Role.OPERATOR] })}` };
  const body = JSON.stringify({ query: BENCHMARK_QUERY, operationName: 'TestQuery' });
  await checkSameAnswers(engines, body, headers);

  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; load average before: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`${rounds} rounds of about ${seconds} s per gateway (a fixed number of requests each, from its warm-up's pace), ${connections} connections, after ${options.warmup} s of warm-up each`);
  // a measured round is a fixed number of requests, about `seconds` at the warm-up's pace: a round cut off by time
  // would leave up to `connections` requests half-done, their CPU counted and they not
  const amounts = new Map<EngineName, number>();
  for (const [name, engine] of engines) amounts.set(name, Math.max(MIN_REQUESTS, Math.round((await load(engine, body, headers, Number(options.warmup))).rps * seconds)));
  const results: Measured[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = [...engines.keys()];
    for (let turn = 0; turn < round % order.length; turn++) order.push(order.shift()!);
    for (const name of order) {
      const engine = engines.get(name)!;
      const fetchesBefore = await stubFetches(stubs);
      const stubsBefore = stubs.map((stub) => processCpuMs(stub.child.pid!));
      const before = processCpuMs(engine.child.pid!);
      const result = await load(engine, body, headers, seconds * 10, amounts.get(name));
      const cpuMs = processCpuMs(engine.child.pid!) - before;
      const stubCpuMs = stubs.reduce((sum, stub, index) => sum + processCpuMs(stub.child.pid!) - stubsBefore[index], 0);
      const fetchesAfter = await stubFetches(stubs);
      const measured = {
        ...result,
        engine: name,
        round: round + 1,
        cpuMsPerRequest: cpuMs / result.requests,
        stubCpuMsPerRequest: stubCpuMs / result.requests,
        fetchesPerRequest: (fetchesAfter.fetches - fetchesBefore.fetches) / result.requests,
        distinctBodies: fetchesAfter.distinct,
      };
      results.push(measured);
      console.log(`round ${measured.round} ${name.padEnd(18)} ${measured.rps.toFixed(0).padStart(5)} req/s  p50 ${measured.p50} ms  p99 ${measured.p99} ms  gateway CPU ${measured.cpuMsPerRequest.toFixed(2)} ms/req  stubs ${measured.stubCpuMsPerRequest.toFixed(2)} ms/req  ${measured.fetchesPerRequest.toFixed(1)} fetches/req (${measured.distinctBodies} distinct so far)${measured.failed ? `  FAILED ${measured.failed}` : ''}`);
    }
  }
  console.log(`load average after: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  printSummary(results);
  await stopAll(started);
}

function writeSupergraph(stubs: Started[]): string {
  const composed = composeServices(STUB_SUBGRAPHS.map((subgraph) => ({ name: subgraph.name, typeDefs: parse(subgraph.typeDefs), url: `${stubs.find((stub) => stub.name === subgraph.name)!.url}/graphql` })));
  if (!composed.supergraphSdl) throw new Error(`the stub subgraphs do not compose: ${composed.errors?.map((error) => error.message).join('; ')}`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-gateway-')), 'supergraph.graphql');
  fs.writeFileSync(file, composed.supergraphSdl);
  return file;
}

/** Every gateway must give the same answer, without errors, before any is timed. */
async function checkSameAnswers(engines: Map<EngineName, Started>, body: string, headers: Record<string, string>) {
  let reference: { name: string; data: unknown } | null = null;
  for (const [name, engine] of engines) {
    const response = await fetch(`${engine.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    const answer = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
    if (response.status !== 200 || answer.errors || !answer.data) throw new Error(`${name} answered ${response.status}: ${text.slice(0, 500)}`);
    if (!reference) reference = { name, data: answer.data };
    else if (!isDeepStrictEqual(answer.data, reference.data)) throw new Error(`${name}'s answer differs from ${reference.name}'s`);
    console.log(`${name}: the benchmark query answers ${text.length} bytes${reference.name === name ? '' : `, the same data as ${reference.name}`}`);
  }
}

function load(engine: Started, body: string, headers: Record<string, string>, durationSeconds: number, amount?: number): Promise<LoadResult> {
  return runProcess<LoadResult>('load-client-main.js', { url: `${engine.url}/graphql`, body, headers, connections, durationSeconds, amount } satisfies LoadSpec);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function printSummary(results: Measured[]) {
  console.log('\nmedian over the rounds:');
  console.log(`${'gateway'.padEnd(18)} | req/s | p50 ms | p99 ms | gateway CPU ms/req | stubs CPU ms/req | fetches/req`);
  for (const name of engineNames) {
    const mine = results.filter((result) => result.engine === name);
    const m = (pick: (result: Measured) => number) => median(mine.map(pick));
    console.log(`${name.padEnd(18)} | ${m((r) => r.rps).toFixed(0).padStart(5)} | ${m((r) => r.p50).toFixed(0).padStart(6)} | ${m((r) => r.p99).toFixed(0).padStart(6)} | ${m((r) => r.cpuMsPerRequest).toFixed(2).padStart(18)} | ${m((r) => r.stubCpuMsPerRequest).toFixed(2).padStart(16)} | ${m((r) => r.fetchesPerRequest).toFixed(1)}`);
  }
  if (!engineNames.includes('ours')) return;
  console.log('\nours ÷ other, CPU per request (each round\'s own pair; median):');
  for (const other of engineNames.filter((name) => name !== 'ours')) {
    const ratios = results
      .filter((result) => result.engine === 'ours')
      .map((ours) => ours.cpuMsPerRequest / results.find((result) => result.engine === other && result.round === ours.round)!.cpuMsPerRequest);
    console.log(`ours / ${other.padEnd(18)} ${median(ratios).toFixed(2)}  (rounds: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`);
  }
  if (results.some((result) => result.failed)) console.log('\nsome rounds had failed requests: see FAILED above');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
