/**
 * npm run bench:galera: createTicket throughput of the multi-process stack on the single MariaDB server (3306)
 * beside the same stack on the 3-node Galera cluster, in one run: both stacks up at once, the same load client
 * (the gateway benchmark's autocannon process) driving one of them at a time, rounds alternating so that what
 * else loads the machine falls on both. A ticket counts when it is stored (the gateway's totalCount before and
 * after a round), audit on (the outbox relays run).
 *   --seconds 15 --connections 20 --rounds 2
 */
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget } from '../../schema/database/database-target';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { tokenFor } from '../support/personas';
import { PROCESS_SUBGRAPHS, type ProcessStack, startProcessStack } from '../support/process-stack';
import type { LoadResult, LoadSpec } from '../bench/gateway/load-client-main';
import { galeraUrl } from './galera-cluster';

const option = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SECONDS = option('seconds', 15);
const CONNECTIONS = option('connections', 20);
const ROUNDS = option('rounds', 2);
const LOAD_CLIENT = path.join(__dirname, '../bench/gateway/load-client-main.js');

async function stored(stack: ProcessStack): Promise<number> {
  const { body } = await stack.graphql('{ tickets(first: 1) { totalCount } }');
  if (!body?.data?.tickets) throw new Error(`counting tickets failed: ${JSON.stringify(body?.errors)}`);
  return body.data.tickets.totalCount as number;
}

async function round(stack: ProcessStack, seconds: number): Promise<LoadResult & { ticketsPerSecond: number }> {
  const spec: LoadSpec = {
    url: `${stack.gateway!.url}/graphql`,
    body: JSON.stringify({ query: CREATE_TICKET, variables: { input: ticketInput() } }),
    headers: { authorization: `Bearer ${await tokenFor('operator')}` },
    connections: CONNECTIONS,
    durationSeconds: seconds,
  };
  const before = await stored(stack);
  const { stdout } = await promisify(execFile)(process.execPath, [LOAD_CLIENT, JSON.stringify(spec)], { maxBuffer: 1 << 24 });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as LoadResult;
  return { ...result, ticketsPerSecond: ((await stored(stack)) - before) / seconds };
}

async function main() {
  const prefix = `gb${Date.now().toString(36)}`;
  const clusterDatabases = { databaseUrl: `${galeraUrl()}/${prefix}`, dataDir: os.tmpdir() };
  const stacks: Array<[string, ProcessStack]> = [];
  try {
    stacks.push(['single server', await startProcessStack()]);
    stacks.push(['Galera, 3 nodes', await startProcessStack({ env: { DATABASE_URL: clusterDatabases.databaseUrl } })]);
    for (const [, stack] of stacks) await round(stack, 3); // warm-up: JIT, pools, the first number blocks
    const results = new Map<string, Array<Awaited<ReturnType<typeof round>>>>();
    for (let index = 0; index < ROUNDS; index += 1) {
      for (const [name, stack] of stacks) {
        const result = await round(stack, SECONDS);
        results.set(name, [...(results.get(name) ?? []), result]);
        console.log(`[bench:galera] round ${index + 1} ${name}: ${result.ticketsPerSecond.toFixed(1)} tickets/s stored, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.failed} failed`);
      }
    }
    console.log(`\n${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
    console.log('| database | createTicket/s (stored) | p50 ms | p99 ms | failed |\n|---|---|---|---|---|');
    for (const [name, rounds] of results) {
      const mean = (pick: (result: (typeof rounds)[number]) => number) => (rounds.reduce((sum, result) => sum + pick(result), 0) / rounds.length).toFixed(1);
      console.log(`| ${name} | ${rounds.map((result) => result.ticketsPerSecond.toFixed(1)).join(' / ')} | ${mean((r) => r.p50)} | ${mean((r) => r.p99)} | ${rounds.reduce((sum, r) => sum + r.failed, 0)} |`);
    }
  } finally {
    for (const [, stack] of stacks) await stack.close();
    // the cluster stack was pointed there by its environment: its close() dropped same-named databases on 3306
    for (const name of PROCESS_SUBGRAPHS) await dropDatabase(databaseTarget(name, clusterDatabases)).catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
