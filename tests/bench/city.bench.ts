import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DatabaseSettings } from '../../schema/database/database-target';
import { openAuditDataSource } from '../../subgraphs/audit/src/data-source';
import { openIntakeDataSource } from '../../subgraphs/intake/src/data-source';
import { openOversightDataSource } from '../../subgraphs/oversight/src/data-source';
import { type Persona, PERSONAS, tokenFor } from '../support/personas';
import { PROCESS_SUBGRAPHS, type ProcessStack, startProcessStack } from '../support/process-stack';
import { productionCredentials } from './production-credentials';
import { readBenchOptions } from './city/bench-options';
import { type BenchOperation, benchOperations } from './city/bench-operations';
import type { LoadResult, LoadSpec } from './city/load-client';
import { machine } from './city/machine';
import { printResults, type OperationResult } from './city/print-results';
import { databaseSizes } from './city/database-sizes';
import { perRequest, read } from './city/service-counters';
import { generateCity } from './generate/generate-city';
import { runSpecProcess } from './spec-process';

/**
 * Issue 14, item 1: the deployment a city runs, measured. Every service is a
 * process of its own from its compiled entry, on MariaDB (or `--embedded`
 * SQLite), with `--tickets` tickets generated straight into their databases;
 * a separate client process drives the gateway with keep-alive connections.
 * Per operation it prints throughput, latency percentiles, and per request
 * each service's CPU (its own kernel counters), SQL statements (its /metrics)
 * and the gateway's subgraph fetches.
 *   npm run bench -- --tickets 1000000 --reuse city1m
 *   npm run bench -- --reuse city1m --baseline ../before --rounds 2 --only ticket
 */
const load = (spec: LoadSpec) => runSpecProcess<LoadResult>(path.join('city', 'load-client.js'), spec);

async function generateIfEmpty(settings: DatabaseSettings, tickets: number, perDay: number): Promise<void> {
  const open = { ...settings, migrate: false };
  const [intake, audit, oversight] = await Promise.all([openIntakeDataSource(open), openAuditDataSource(open), openOversightDataSource(open)]);
  // the bulk INSERTs take longer than the services' slow-query threshold, by design
  for (const source of [intake, audit, oversight]) source.queries.slowQueryWarn = () => undefined;
  try {
    const [{ count }] = await intake.dataSource.query('SELECT COUNT(*) AS count FROM ticket');
    const have = Number(count);
    if (have >= tickets) return console.log(`  reusing the ${have} tickets already there`);
    // a smaller city under this name (or a generation cut short) grows to the size asked for: the missing tickets
    // become older history, days before its first, so no ticket number of a day already there is made again
    const [{ first }] = await intake.dataSource.query('SELECT MIN(createdAt) AS first FROM ticket');
    const options = have > 0 ? { seed: 14 + have, endBefore: new Date(first) } : {};
    console.log(have > 0 ? `growing ${have} tickets to ${tickets}: ${tickets - have} more, before ${new Date(first).toISOString()} (${perDay} a day)…` : `generating ${tickets} tickets (${perDay} a day)…`);
    const city = await generateCity({ intake: intake.dataSource, audit: audit.dataSource, oversight: oversight.dataSource }, tickets - have, perDay, options);
    const rate = (city.tickets / city.seconds).toFixed(0);
    console.log(`  ${city.tickets} tickets over ${city.days} days, ${city.assignments} assignments, ${city.events} audit events (in intake's outbox and audit's trail) in ${city.seconds.toFixed(0)} s (${rate} tickets/s)`);
  } finally {
    await Promise.all([intake, audit, oversight].map((source) => source.dataSource.destroy()));
  }
}

type Tokens = (persona: Persona) => Promise<string>;

async function measure(stack: ProcessStack, operation: BenchOperation, seconds: number, warmupSeconds: number, tokens: Tokens): Promise<OperationResult> {
  const services = [stack.gateway!, ...Object.values(stack.subgraphs)];
  const spec = { url: stack.gateway!.url, token: await tokens(operation.as), bodies: operation.bodies, concurrency: operation.concurrency, once: operation.once };
  // a mutation that may run once per target gets no warm-up of its own: the reads before it warmed the services
  if (!operation.once && warmupSeconds > 0) await load({ ...spec, durationMs: warmupSeconds * 1000 });
  const before = await read(services);
  const result = await load({ ...spec, durationMs: seconds * 1000 });
  const after = await read(services);
  return { name: operation.name, concurrency: operation.concurrency, load: result, perRequest: perRequest(before, after, result.requests) };
}

/**
 * What each service burns with no request at all (the outbox relays', oversight's and the clock's polls, timers,
 * metrics): at one client's pace this is part of every request's CPU, so it is printed beside the operations.
 */
async function idleCpu(stack: ProcessStack, seconds: number): Promise<string> {
  const services = [stack.gateway!, ...Object.values(stack.subgraphs)];
  const before = await read(services);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const after = await read(services);
  const perSecond = perRequest(before, after, seconds).cpuMs;
  const total = Object.values(perSecond).reduce((sum, value) => sum + value, 0);
  return `${Object.entries(perSecond).map(([name, ms]) => `${name} ${ms}`).join(', ')} (all ${total.toFixed(1)}) CPU ms a second`;
}

// one client from one address: the per-address and per-caller limits would be what is measured
const SERVICE_ENV = { LOG_LEVEL: 'error', SEED_SAMPLE_TICKETS: '0', RATE_LIMIT_IP_REQUESTS: '1000000000', RATE_LIMIT_COST: '1000000000000' };

async function main() {
  const options = readBenchOptions(process.argv.slice(2));
  if (options.profile) fs.mkdirSync(path.join(options.profile, 'before'), { recursive: true });
  const where = options.embedded ? 'embedded SQLite' : 'MariaDB';
  const box = machine();
  console.log(`${box.date} · ${box.cpu} · ${box.cores} cores · ${box.memoryGiB} GiB · Node ${box.node} · load average ${box.loadAverage.join(' ')} · /work free ${box.diskFree}`);
  console.log(`starting the federation as separate processes on ${where}${options.reuse ? ` (databases "${options.reuse}", kept)` : ''}…`);
  // production, as a city runs it (its own keys for every service, RS256 tokens, graphql-js's production checks),
  // unless --development asks for the development defaults the tests run with
  const credentials = options.development ? null : await productionCredentials(['gateway', ...PROCESS_SUBGRAPHS], PROCESS_SUBGRAPHS);
  const tokens: Tokens = credentials ? (persona) => credentials.tokenFor(PERSONAS[persona]) : (persona) => tokenFor(persona);
  const serviceEnv = { ...SERVICE_ENV, ...credentials?.env, ...(credentials ? { SCHEMA_READ_TOKEN_SHA256: randomBytes(32).toString('hex') } : {}) };
  console.log(`mode: ${credentials ? 'production (NODE_ENV=production, keys made for this run)' : 'development (--development)'}`);
  const stack = await startProcessStack({
    engine: options.embedded ? 'embedded' : 'mysql',
    name: options.reuse ?? undefined,
    keep: options.reuse !== null,
    env: { ...serviceEnv, ...(options.profile ? { CPU_PROFILE_DIR: options.profile } : {}) },
    envOf: credentials?.envOf,
    beforeStart: (settings) => generateIfEmpty(settings, options.tickets, options.perDay),
  });
  // the earlier checkout's services on the same databases, idle while ours are measured and the other way round
  const before = options.baseline
    ? await startProcessStack({ engine: options.embedded ? 'embedded' : 'mysql', name: options.reuse!, keep: true, env: { ...serviceEnv, ...(options.profile ? { CPU_PROFILE_DIR: path.join(options.profile, 'before') } : {}) }, envOf: credentials?.envOf, root: path.resolve(options.baseline) }).catch(async (error: unknown) => {
        await stack.close();
        throw error;
      })
    : null;
  let intake: DataSource | null = null;
  try {
    intake = (await openIntakeDataSource({ ...stack.settings, migrate: false })).dataSource;
    const sizes = await databaseSizes(stack, intake);
    console.log(`sizes: ${sizes.summary}`);
    if (options.idleSeconds > 0) console.log(`idle over ${options.idleSeconds} s: ${await idleCpu(stack, options.idleSeconds)}`);
    const operations = (await benchOperations(intake, options.createConcurrency)).filter((operation) => !options.only || operation.name.includes(options.only));
    const stacks = before ? [{ stack, label: '' }, { stack: before, label: ' · before' }] : [{ stack, label: '' }];
    const results: OperationResult[] = [];
    for (let round = 0; round < options.rounds; round += 1) {
      for (const [index, operation] of operations.entries()) {
        // the order turns every operation and round, so neither side always runs on the warmer machine
        const order = (round + index) % 2 === 0 ? stacks : [...stacks].reverse();
        for (const side of order) {
          const slot = round * stacks.length + stacks.indexOf(side);
          // a mutation that may run once per target: each side and round gets its own share of the targets
          const share = operation.once ? { ...operation, bodies: operation.bodies.filter((_, i) => i % (options.rounds * stacks.length) === slot) } : operation;
          const name = `${operation.name}${side.label}${options.rounds > 1 ? ` r${round + 1}` : ''}`;
          process.stdout.write(`  ${name} at c=${operation.concurrency}… `);
          const result = { ...(await measure(side.stack, share, options.seconds, options.warmupSeconds, tokens)), name };
          console.log(`${result.load.ok} ok of ${result.load.requests}${result.load.firstError ? `; first error: ${result.load.firstError}` : ''}`);
          results.push(result);
        }
      }
    }
    const end = machine();
    printResults(results, `${where}, ${sizes.tickets} tickets; ${options.seconds} s per operation after ${options.warmupSeconds} s of warm-up; load average before ${box.loadAverage.join(' ')}, after ${end.loadAverage.join(' ')}`);
    if (options.out) {
      fs.writeFileSync(options.out, JSON.stringify({ machine: box, engine: where, sizes, options, results }, null, 2));
      console.log(`\nwritten to ${options.out}`);
    }
    if (options.profile) console.log(`\nprofiles (written as the services stop) in ${options.profile}: node dist/bench/tests/bench/gateway/profile-summary-main.js ${options.profile}/water.cpuprofile 20`);
  } finally {
    await intake?.destroy();
    await before?.close();
    await stack.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
