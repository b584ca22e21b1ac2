import 'reflect-metadata';
import { mintDevelopmentToken } from '../../gateway/src/auth/mint-token';
import { Role } from '../../schema/identity/roles';
import { EXPORT_ALIASES, HEAVY_BATCH, SEVENTY_KB_CHAIN } from '../support/bombs';
import { TICKET_EVERYWHERE } from '../support/operations';
import { TEST_TOKEN_SECRET } from '../support/personas';
import { type ProcessStack, startProcessStack } from '../support/process-stack';
import { scrape, total } from '../support/prometheus-text';
import { runSpecProcess } from './spec-process';
import type { TrafficClient, TrafficResult, TrafficSpec } from './traffic-process';

/**
 * Normal traffic alone, then beside three attackers sending the worst bombs
 * of issue 10 as fast as they are answered: how much of its throughput
 * normal traffic keeps (the target: 90 %), and the CPU each service spends
 * per normal request. Every service, the normal load and each attacker run as
 * separate processes on this machine, with the city's default limits.
 *   npm run bench:attack
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
/** Ten operators at their consoles, each from its own address with its own token. */
const USERS = 10;
const ATTACKERS = 3;
const ATTACKER_CONNECTIONS = 8;
const ROUNDS = 3;

const token = (sub: string, roles: Role[]) => mintDevelopmentToken(TEST_TOKEN_SECRET, { sub, roles });
const body = (query: string | object, variables?: object) => JSON.stringify(typeof query === 'string' ? { query, variables } : query);

/** One traffic process run to its end; attackers at the lowest CPU priority (see runSpecProcess). */
const traffic = (spec: TrafficSpec, nice = false) => runSpecProcess<TrafficResult>('traffic-process.js', spec, { nice });

async function cpuSeconds(stack: ProcessStack): Promise<Record<string, number>> {
  const services = { gateway: stack.gateway!, ...stack.subgraphs };
  const entries = await Promise.all(Object.entries(services).map(async ([name, service]) => [name, total(await scrape(service.url), 'process_cpu_seconds_total')] as const));
  return Object.fromEntries(entries);
}

interface Phase {
  normal: TrafficResult;
  attackers: TrafficResult[];
  cpu: Record<string, number>;
}

async function phase(stack: ProcessStack, normal: TrafficSpec, attackers: TrafficSpec[]): Promise<Phase> {
  const before = await cpuSeconds(stack);
  const [normalResult, ...attackerResults] = await Promise.all([traffic(normal), ...attackers.map((spec) => traffic(spec, true))]);
  const after = await cpuSeconds(stack);
  return { normal: normalResult, attackers: attackerResults, cpu: Object.fromEntries(Object.keys(after).map((name) => [name, after[name] - before[name]])) };
}

async function main() {
  console.log('starting the federation as separate processes on MariaDB, with the default limits…');
  // the test stacks raise the rate limits (their suites flood from one address); empty restores the city's defaults
  const stack = await startProcessStack({ env: { RATE_LIMIT_IP_REQUESTS: '', RATE_LIMIT_COST: '', LOG_LEVEL: 'error' } });
  try {
    const listed = await stack.graphql('{ tickets(first: 100) { nodes { id } } }');
    if (!listed.body?.data) throw new Error(`could not list tickets: ${JSON.stringify(listed.body)}`);
    const ids: string[] = listed.body.data.tickets.nodes.map((node: { id: string }) => node.id);
    const operatorBodies = [...ids.slice(0, 20).map((id) => body(TICKET_EVERYWHERE, { id })), body('{ tickets(first: 20) { totalCount nodes { id number status deadline } } }')];
    const users: TrafficClient[] = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => ({ address: `127.0.0.${10 + i}`, token: await token(`operator-${i}`, [Role.OPERATOR]), concurrency: 1, bodies: operatorBodies })),
    );
    const normal: TrafficSpec = { url: stack.gateway!.url, durationMs: SECONDS * 1000, clients: users };
    // each attacker sends every bomb in turn: anonymous 70 KB chain, the same with a token, 30 exports, 10 full pages
    const operator = await token('attacker-operator', [Role.OPERATOR]);
    const auditor = await token('attacker-auditor', [Role.AUDITOR]);
    const bombs: Record<string, (address: string, concurrency: number) => TrafficClient> = {
      'anonymous 70 KB chain': (address, concurrency) => ({ address, token: null, concurrency, bodies: [body(SEVENTY_KB_CHAIN)] }),
      '70 KB chain with a token': (address, concurrency) => ({ address, token: operator, concurrency, bodies: [body(SEVENTY_KB_CHAIN)] }),
      '30 exportAuditEvents aliases': (address, concurrency) => ({ address, token: auditor, concurrency, bodies: [body(EXPORT_ALIASES)] }),
      'batch of 10 full pages': (address, concurrency) => ({ address, token: operator, concurrency, bodies: [body(HEAVY_BATCH)] }),
    };
    const kinds = Object.keys(bombs);
    const attackers = Array.from({ length: ATTACKERS }, (_, i): TrafficSpec => ({
      url: stack.gateway!.url,
      durationMs: SECONDS * 1000,
      clients: kinds.map((kind) => bombs[kind](`127.0.0.${100 + i}`, ATTACKER_CONNECTIONS / kinds.length)),
    }));

    // the services keep getting faster for the first half minute (JIT, pools, caches)
    await phase(stack, { ...normal, durationMs: 20_000 }, []);
    // each attacked phase is held against the phases alone before and after it, so drift and a neighbour's load
    // on this machine skew one round, not the verdict
    let before = await phase(stack, normal, []);
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const attacked = await phase(stack, normal, attackers);
      const after = await phase(stack, normal, []);
      ratios.push(report(round, before, attacked, after));
      before = after;
    }
    const mean = ratios.reduce((a, b) => a + b) / ROUNDS;
    console.log(`\nratio per round: ${ratios.map((r) => r.toFixed(1)).join(', ')} % (mean ${mean.toFixed(1)} %; target ≥ 90 %)`);
    // what one bomb costs the gateway, each kind alone from one attacker (its own address, so past its rate limit too)
    const idleBefore = await cpuSeconds(stack);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const idle = (await cpuSeconds(stack)).gateway - idleBefore.gateway;
    console.log(`\ngateway CPU per bomb, each kind alone (1 process × 8 connections, 5 s; idle CPU of ${(idle * 200).toFixed(1)} ms/s subtracted):`);
    for (const [k, kind] of kinds.entries()) {
      const alone = await phase(stack, { url: stack.gateway!.url, durationMs: 5000, clients: [bombs[kind](`127.0.0.${200 + k}`, ATTACKER_CONNECTIONS)] }, []);
      const sent = alone.normal.sent;
      const perBomb = ((alone.cpu.gateway - idle) * 1000) / Math.max(sent, 1);
      console.log(`  ${kind.padEnd(30)} ${(sent / 5).toFixed(0).padStart(6)}/s  ${perBomb.toFixed(2)} ms  ${JSON.stringify(alone.normal.byStatus)}`);
    }
  } finally {
    await stack.close();
  }
}

/** Prints one round; returns attacked throughput as a percentage of the mean of the phases alone around it. */
function report(round: number, before: Phase, attacked: Phase, after: Phase): number {
  const perSecond = (ok: number) => (ok / SECONDS).toFixed(1);
  const aloneOk = (before.normal.ok + after.normal.ok) / 2;
  const ratio = (100 * attacked.normal.ok) / Math.max(aloneOk, 1);
  const cpuPerRequest = (p: Phase) =>
    Object.entries(p.cpu)
      .map(([name, seconds]) => `${name} ${((seconds * 1000) / Math.max(p.normal.ok, 1)).toFixed(2)}`)
      .join(', ');
  const attackerSent = attacked.attackers.reduce((n, a) => n + a.sent, 0);
  const statuses = attacked.attackers.reduce<Record<string, number>>((all, a) => {
    for (const [status, n] of Object.entries(a.byStatus)) all[status] = (all[status] ?? 0) + n;
    return all;
  }, {});
  console.log(`\nround ${round}: ${USERS} operators, ${SECONDS} s beside the attackers against ${SECONDS} s alone before and after`);
  console.log(`alone:    ${perSecond(aloneOk)} req/s ok (${perSecond(before.normal.ok)} before, ${perSecond(after.normal.ok)} after), p50 ${after.normal.p50} ms, p95 ${after.normal.p95} ms`);
  console.log(`attacked: ${perSecond(attacked.normal.ok)} req/s ok, p50 ${attacked.normal.p50} ms, p95 ${attacked.normal.p95} ms, statuses ${JSON.stringify(attacked.normal.byStatus)}`);
  console.log(`ratio:    ${ratio.toFixed(1)} % of unattacked throughput`);
  const attackerCpu = attacked.attackers.reduce((n, a) => n + a.cpuMs, 0) / 1000;
  console.log(`attackers: ${ATTACKERS} processes × ${ATTACKER_CONNECTIONS} connections sent ${attackerSent} bombs (${(attackerSent / SECONDS).toFixed(0)}/s), answered ${JSON.stringify(statuses)}; their own CPU ${attackerCpu.toFixed(1)} s`);
  console.log(`CPU ms per normal request, alone:    ${cpuPerRequest(after)}`);
  console.log(`CPU ms per normal request, attacked: ${cpuPerRequest(attacked)} (includes refusing the bombs)`);
  return ratio;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
