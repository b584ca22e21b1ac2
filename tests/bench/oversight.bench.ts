import 'reflect-metadata';
import http from 'node:http';
import path from 'node:path';
import { mintDevelopmentToken } from '../../gateway/src/auth/mint-token';
import { Role } from '../../schema/identity/roles';
import { openOversightDataSource } from '../../subgraphs/oversight/src/data-source';
import { TEST_TOKEN_SECRET } from '../support/personas';
import { startProcessStack } from '../support/process-stack';
import { type Sample, scrape, series } from '../support/prometheus-text';
import type { LoadResult, LoadSpec } from './oversight/lifecycle-load';
import { generateQuarter } from './oversight/quarter-generator';
import { runSpecProcess } from './spec-process';

/**
 * Issue 11, item 7: a quarterly ranking over 550,000 tickets through the
 * gateway (target: under 200 ms), and how far the rollups lag behind 50 state
 * changes a second (target: under 5 s). Every service runs as its own process
 * on MariaDB; the load is a process of its own; the quarter's rollups are made
 * by oversight's projection from generated events (a quarter of traffic through
 * the API would take a quarter).
 *   npm run bench:oversight   (BENCH_TICKETS_PER_DAY, BENCH_LOAD_SECONDS, BENCH_RATE to change the defaults)
 */
const PER_DAY = Number(process.env.BENCH_TICKETS_PER_DAY ?? 6000);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.BENCH_RATE ?? 50);
const QUERIES = 200;

const RANKING = `query QuarterlyRanking($period: PeriodInput!, $metric: RankingMetric!) {
  departmentRanking(period: $period, metric: $metric) { entries { rank department { code nameZh } value rate { numerator denominator } previousRank previousValue change } } }`;
const SUMMARY = `query QuarterSummary($period: PeriodInput!) { oversightSummary(period: $period) { figures { received dispatched onTime overdue
  onTimeRate { numerator denominator value } satisfactionRate { value } averageHandlingHours p90HandlingHours } } }`;
const FILTERED = `query FilteredPerformance($period: PeriodInput!) { departmentPerformance(departmentCode: "streetlight", period: $period, filter: { channels: [PHONE], districts: ["langya"] }) {
  figures { received onTime overdue onTimeRate { value } } } }`;
const QUARTER = { kind: 'QUARTER', date: '2026-08-15' };

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function timed(url: string, token: string, query: string, variables: object): Promise<number> {
  const body = JSON.stringify({ query, variables });
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(new URL('/graphql', url), { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const answer = JSON.parse(text);
        if (answer.errors || !answer.data) return reject(new Error(text.slice(0, 500)));
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

async function latencies(url: string, token: string, query: string, variables: object) {
  for (let i = 0; i < 20; i += 1) await timed(url, token, query, variables);
  const ms: number[] = [];
  for (let i = 0; i < QUERIES; i += 1) ms.push(await timed(url, token, query, variables));
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))].toFixed(1);
  return `p50 ${at(0.5)} / p95 ${at(0.95)} / max ${ms[ms.length - 1].toFixed(1)} ms (${QUERIES} sequential, after 20 to warm up)`;
}

const load = (spec: LoadSpec) => runSpecProcess<LoadResult>(path.join('oversight', 'lifecycle-load.js'), spec);

/** The lag histogram's buckets between two scrapes: how many events had their count committed within each bound. */
function lagBuckets(before: Sample[], after: Sample[]): Array<[bound: string, count: number]> {
  const of = (samples: Sample[]) => new Map(series(samples, 'oversight_rollup_lag_seconds_bucket').map((sample) => [sample.labels.le, sample.value]));
  const [a, b] = [of(before), of(after)];
  return [...b].map(([bound, count]) => [bound, count - (a.get(bound) ?? 0)]);
}

/** Waits until MariaDB has written out most of what the generator left dirty in its buffer pool (at most 3 minutes). */
async function settled(dataSource: { query(sql: string): Promise<Array<{ Value: string }>> }): Promise<void> {
  const started = Date.now();
  for (;;) {
    const [{ Value }] = await dataSource.query("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_dirty'");
    if (Number(Value) < 1000 || Date.now() - started > 180_000) return console.log(`  (waited ${((Date.now() - started) / 1000).toFixed(0)} s for the database to flush; then 10 s of the load to warm up)`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

async function main() {
  console.log('starting the federation as separate processes on MariaDB…');
  // one client from one address: the per-address and per-caller limits would be what is measured
  const stack = await startProcessStack({ env: { RATE_LIMIT_IP_REQUESTS: '1000000', RATE_LIMIT_COST: '1000000000', LOG_LEVEL: 'error', SEED_SAMPLE_TICKETS: '0' } });
  const { dataSource } = await openOversightDataSource({ ...stack.settings, migrate: false });
  try {
    const log = (line: string) => console.log(`  ${line}`);
    console.log(`generating the previous quarter (Q2 2026, rollups only) and the measured one (Q3 2026, with facts), ${PER_DAY} tickets a day…`);
    const previous = await generateQuarter(dataSource, '2026-04-01', 91, PER_DAY, { seed: 2, withFacts: false, log });
    const measured = await generateQuarter(dataSource, '2026-07-01', 92, PER_DAY, { seed: 3, withFacts: true, log });
    for (const [name, quarter] of [['Q2', previous], ['Q3', measured]] as const) {
      console.log(`  ${name}: ${quarter.tickets} tickets, ${quarter.events} events → ${quarter.coarseRows} department-day rows, ${quarter.fineRows} fine rows (${quarter.seconds.toFixed(0)} s)`);
    }

    const operator = await mintDevelopmentToken(TEST_TOKEN_SECRET, { sub: 'bench-operator', roles: [Role.OPERATOR] });
    const gateway = stack.gateway!.url;
    console.log(`\nthrough the gateway, Q3 2026 against Q2 (${measured.tickets} tickets):`);
    console.log(`  departmentRanking ON_TIME_RATE:       ${await latencies(gateway, operator, RANKING, { period: QUARTER, metric: 'ON_TIME_RATE' })}`);
    console.log(`  departmentRanking P90_HANDLING_HOURS: ${await latencies(gateway, operator, RANKING, { period: QUARTER, metric: 'P90_HANDLING_HOURS' })}`);
    console.log(`  oversightSummary:                     ${await latencies(gateway, operator, SUMMARY, { period: QUARTER })}`);
    console.log(`  departmentPerformance with a filter:  ${await latencies(gateway, operator, FILTERED, { period: QUARTER })}`);

    console.log(`\nrollup lag at ${RATE} state changes a second for ${LOAD_SECONDS} s (create, dispatch, accept, report; default poll intervals)…`);
    const staff = await mintDevelopmentToken(TEST_TOKEN_SECRET, { sub: 'bench-staff', roles: [Role.DEPARTMENT_STAFF], dept: 'streetlight' });
    // the quarters' writes are still being flushed to disk: intake's commits would wait for it (5 s timeouts, measured)
    await settled(dataSource);
    const spec = { url: gateway, operatorToken: operator, staffToken: staff, changesPerSecond: RATE };
    await load({ ...spec, durationMs: 10_000 });
    const before = await scrape(stack.subgraphs.oversight.url);
    const result = await load({ ...spec, durationMs: LOAD_SECONDS * 1000 });
    const loadEnded = Date.now();
    const head = async () => Number((await dataSource.query('SELECT seq FROM feed_cursor'))[0].seq);
    // caught up: the cursor has not moved for 2.5 s
    let caughtUp = await head();
    for (let idle = 0; idle < 10; ) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const now = await head();
      idle = now === caughtUp ? idle + 1 : 0;
      caughtUp = now;
    }
    const after = await scrape(stack.subgraphs.oversight.url);
    console.log(`  load: ${result.changes} changes in ${result.seconds.toFixed(1)} s (${(result.changes / result.seconds).toFixed(1)}/s), ${result.failures} failed; p50 ${result.p50} / p95 ${result.p95} ms`);
    const buckets = lagBuckets(before, after);
    const all = buckets.find(([bound]) => bound === '+Inf')?.[1] ?? 0;
    const within = (bound: string) => buckets.find(([b]) => b === bound)?.[1] ?? 0;
    console.log(`  events applied: ${all}; lag ≤ 1 s: ${((100 * within('1')) / all).toFixed(1)} %, ≤ 2 s: ${((100 * within('2')) / all).toFixed(1)} %, ≤ 5 s: ${((100 * within('5')) / all).toFixed(1)} %`);
    const p = (q: number) => buckets.find(([, count]) => count >= q * all)?.[0];
    console.log(`  lag p50 ≤ ${p(0.5)} s, p95 ≤ ${p(0.95)} s, p99 ≤ ${p(0.99)} s (histogram bounds); caught up ${((Date.now() - loadEnded) / 1000 - 2.5).toFixed(1)} s after the load stopped`);
  } finally {
    await dataSource.destroy();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
