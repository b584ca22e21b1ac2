import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { fetchSubgraphSdl } from '../../schema/federation/fetch-subgraph-sdl';
import { bootstrapRegistry } from '../../registry/src/bootstrap';
import { runSubgraphCli } from '../../registry/src/cli/subgraph-cli';
import type { DatabaseSettings } from '../../schema/database/database-target';
import { GATEWAY_IDENTITY } from '../../schema/identity/roles';
import { tokenFor, type Persona, signedAsGateway, testKeys } from '../support/personas';
import { openRegistry, serveSdlStandIn } from '../support/running-registry';
import { type Stack, startStack, TEST_MYSQL_URL } from '../support/stack';

interface Registry {
  url: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/** A registry on its own throwaway MariaDB database, port 0, trusting the test token and signing secrets, reading the stack's intake catalogue. */
async function startRegistry(): Promise<Registry> {
  const settings: DatabaseSettings = { databaseUrl: `${TEST_MYSQL_URL}/r${Date.now().toString(36)}${randomBytes(3).toString('hex')}`, dataDir: os.tmpdir() };
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const registry = await openRegistry(settings, cleanups, () => stack.subgraphs.intake.url);
    return { url: registry.url, dataSource: registry.data.dataSource, close };
  } catch (error) {
    await close();
    throw error;
  }
}

let stack: Stack;
let registry: Registry;
let sdl: Record<string, string>;
let routingUrl: Record<string, string>;
let schemaDir: string;
const standIns: Array<() => Promise<void>> = [];

beforeAll(async () => {
  stack = await startStack();
  registry = await startRegistry();
  const fetched = await Promise.all(Object.entries(stack.subgraphs).map(([name, running]) => fetchSubgraphSdl(name, running.url, testKeys('registry'))));
  sdl = Object.fromEntries(fetched.map((subgraph) => [subgraph.name, subgraph.sdl]));
  routingUrl = Object.fromEntries(fetched.map((subgraph) => [subgraph.name, `${subgraph.url}/graphql`]));
  const result = await bootstrapRegistry(registry.dataSource, fetched.map((subgraph) => ({ ...subgraph, department: subgraph.name })), 'test-bootstrap');
  expect(result).toEqual({ kind: 'bootstrapped', supergraphVersion: 1, subgraphs: ['intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'] });
  schemaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'registry-checks-'));
});
afterAll(async () => {
  for (const close of standIns) await close();
  await registry?.close();
  await stack?.close();
  if (schemaDir) fs.rmSync(schemaDir, { recursive: true, force: true });
});

/** Runs `npm run subgraph -- …` in-process as a persona; the SDL (if any) goes through a file, as in a pipeline. */
async function cli(persona: Persona, args: string[], schema?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const file = path.join(schemaDir, `${randomBytes(4).toString('hex')}.graphql`);
  if (schema !== undefined) fs.writeFileSync(file, schema);
  const env = { REGISTRY_URL: registry.url, REGISTRY_TOKEN: await tokenFor(persona) };
  const code = await runSubgraphCli([...args, ...(schema === undefined ? [] : ['--schema', file])], { out: (line) => out.push(line), err: (line) => err.push(line), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function admin(persona: Persona | null, query: string, variables: Record<string, unknown> = {}) {
  const authorization = persona ? { authorization: `Bearer ${await tokenFor(persona)}` } : {};
  return request(registry.url).post('/graphql').set(authorization).send({ query, variables });
}

const SUBGRAPH_INPUT = 'ok compositionErrors breakingChanges { message path usedBy } warnings contractViolations';
const publish = (persona: Persona | null, input: Record<string, unknown>) =>
  admin(persona, `mutation ($input: SubgraphInput!) { publishSubgraph(input: $input) { ok version supergraphVersion check { ${SUBGRAPH_INPUT} } } }`, { input });
const supergraphVersion = async () => (await admin('operator', '{ supergraph { version } }')).body.data.supergraph.version as number;

async function signedGet(urlPath: string) {
  return request(registry.url).get(urlPath).set(await signedAsGateway(GATEWAY_IDENTITY, 'registry', { method: 'GET', query: urlPath }));
}

async function recordUsage(operations: unknown[]) {
  const body = JSON.stringify({ operations });
  return request(registry.url)
    .post('/usage')
    .set({ 'content-type': 'application/json', ...(await signedAsGateway(GATEWAY_IDENTITY, 'registry', body)) })
    .send(body);
}

/** Water SDL variants are the real SDL with one edit, so every other line is what the running subgraph serves. */
const edit = (text: string, from: string | RegExp, to: string) => {
  if (typeof from === 'string') expect(text).toContain(from);
  else expect(text).toMatch(from);
  return text.replace(from, to);
};
/** Printers differ in where they break lines around directives: match the key however it is laid out. */
const TICKET_KEYED_BY_ID = /type Ticket\s*@key\(fields: "id"\)\s*\{/;
const OUTAGES_FIELD = `  """Outages under way or due within 48 hours in the ticket's zone"""\n  outages: [WaterOutage!]!\n`;
const NAME_EN_FIELD = '  nameZh: String!\n  nameEn: String!\n';
/** A publish is applied only if the service at its URL serves the SDL: a variant that goes through is served by a stand-in. */
const servedAt = (variant: string) => serveSdlStandIn(variant, standIns);

describe('the schema registry', () => {
  it('serves the bootstrapped supergraph to signed callers only, and reports its health', async () => {
    const served = await signedGet('/supergraph');
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ version: 1, subgraphs: expect.arrayContaining([{ name: 'water', url: routingUrl.water }]) });
    expect(served.body.supergraphSdl).toContain('type WaterTicketInfo');
    await request(registry.url).get('/supergraph').expect(401);
    await request(registry.url).get('/health').expect(200, { status: 'up', registry: 'up', database: 'up' });
    await request(registry.url).get('/readyz').expect(200);
    await request(registry.url).get('/livez').expect(200);
    expect((await bootstrapRegistry(registry.dataSource, [], 'again')).kind).toBe('skipped');
    expect(await cli('waterAdmin', ['publish', '--name', 'water'])).toMatchObject({ code: 2, err: expect.stringContaining('give exactly one of --schema FILE (or - for standard input) or --introspect URL') });
  });

  it('refuses an SDL that does not compose, listing every composition error, and changes nothing', async () => {
    const before = await supergraphVersion();
    const broken = edit(edit(sdl.water, 'latitude: Float @external', 'latitude: String @external'), 'longitude: Float @external', 'longitude: Boolean @external');
    const run = await cli('waterAdmin', ['publish', '--name', 'water', '--url', routingUrl.water], broken);
    expect(run.code).toBe(1);
    expect(run.err).toContain('REFUSED publish water');
    expect(run.err).toMatch(/Type of field "Ticket\.latitude" is incompatible across subgraphs[^\n]*"String" in subgraph "water"/);
    expect(run.err).toMatch(/Type of field "Ticket\.longitude" is incompatible across subgraphs[^\n]*"Boolean" in subgraph "water"/);
    expect(await supergraphVersion()).toBe(before);
    expect((await signedGet('/supergraph')).body.version).toBe(before);
  });

  it('refuses a breaking change that a recorded operation uses, lets an unused one through with a warning, and records a forced one', async () => {
    const usage = [{ name: 'OperatorConsole', client: 'operator-console', coordinates: ['Query.ticket', 'Ticket.water', 'WaterTicketInfo.outages'], count: 3 }];
    const recorded = await recordUsage(usage);
    expect([recorded.status, recorded.body]).toEqual([200, { recorded: 1 }]);
    await request(registry.url).post('/usage').set('content-type', 'application/json').send(JSON.stringify({ operations: usage })).expect(401);

    const withoutOutages = edit(sdl.water, OUTAGES_FIELD, '');
    const refused = await cli('waterAdmin', ['publish', '--name', 'water', '--url', routingUrl.water], withoutOutages);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("Field 'outages' was removed from object type 'WaterTicketInfo' — used by OperatorConsole");
    const viaApi = await publish('waterAdmin', { name: 'water', department: 'water', routingUrl: routingUrl.water, sdl: withoutOutages });
    expect(viaApi.body.data.publishSubgraph).toMatchObject({ ok: false, version: null, check: { breakingChanges: [{ path: 'WaterTicketInfo.outages', usedBy: ['OperatorConsole'] }] } });

    const withoutNameEn = edit(sdl.water, NAME_EN_FIELD, '  nameZh: String!\n');
    const unused = await cli('waterAdmin', ['publish', '--name', 'water', '--url', await servedAt(withoutNameEn)], withoutNameEn);
    expect(unused.code).toBe(0);
    expect(unused.out).toMatch(/OK publish water: version 2, supergraph version 2/);
    expect(unused.out).toMatch(/warnings:\n\s+- Field 'nameEn' was removed from object type 'SupplyZone' \(no operation used SupplyZone\.nameEn in the last 7 days\)/);

    const noReason = await cli('waterAdmin', ['publish', '--name', 'water', '--url', routingUrl.water, '--force'], edit(withoutNameEn, OUTAGES_FIELD, ''));
    expect(noReason.code).toBe(1);
    expect(noReason.err).toContain('BAD_USER_INPUT: a forced publish needs a reason');

    const reason = 'outages move to the new water-outage service next week; console team agreed';
    const forcedSdl = edit(withoutNameEn, OUTAGES_FIELD, '');
    const forced = await cli('waterAdmin', ['publish', '--name', 'water', '--url', await servedAt(forcedSdl), '--force', '--reason', reason], forcedSdl);
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('OK publish water: version 3, supergraph version 3');
    expect(forced.out).toContain('forced past a breaking change of WaterTicketInfo.outages used by OperatorConsole');
    const records = await admin('auditor', '{ subgraphHistory(name: "water") { version forced reason action publishedBy } registryEvents(first: 1) { action subgraph version forced reason actor } }');
    expect(records.body.data.subgraphHistory[0]).toEqual({ version: 3, forced: true, reason, action: 'PUBLISH', publishedBy: 'water-admin-1' });
    expect(records.body.data.registryEvents).toEqual([{ action: 'PUBLISH', subgraph: 'water', version: 3, forced: true, reason, actor: 'water-admin-1' }]);
  });

  it("lets a department's admin change only their own department's subgraph; a system admin any", async () => {
    const input = { name: 'streetlight', department: 'streetlight', routingUrl: routingUrl.streetlight, sdl: sdl.streetlight };
    const refused = await publish('waterAdmin', input);
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const renamed = await publish('waterAdmin', { ...input, department: 'water' });
    expect(renamed.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await publish('operator', input)).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await publish(null, input)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const viaCli = await cli('waterAdmin', ['check', '--name', 'streetlight', '--url', routingUrl.streetlight], sdl.streetlight);
    expect(viaCli).toMatchObject({ code: 1, err: expect.stringContaining('FORBIDDEN') });

    const byAdmin = await cli('systemAdmin', ['publish', '--name', 'streetlight', '--introspect', stack.subgraphs.streetlight.url]);
    expect(byAdmin).toMatchObject({ code: 0, out: expect.stringContaining('OK publish streetlight: version 2') });
  });

  it('lists history and rolls back to an earlier version, which the gateway is then served', async () => {
    const history = await cli('observer', ['history', '--name', 'water']);
    expect(history.code).toBe(0);
    expect(history.out.split('\n').map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['VERSION', 'ACTION'],
      ['v3', 'PUBLISH (forced)'],
      ['v2', 'PUBLISH'],
      ['v1', 'PUBLISH'],
    ]);
    const first = (await signedGet('/supergraph')).body;
    expect(first.version).toEqual(expect.any(Number));
    const rolledBack = await cli('waterAdmin', ['rollback', '--name', 'water', '--version', '1', '--reason', 'restore outages for the console']);
    expect(rolledBack).toMatchObject({ code: 0, out: expect.stringContaining('OK rollback to version 1 of water: version 4') });

    const current = (await admin('observer', '{ subgraphs { name version sdl } }')).body.data.subgraphs.find((s: { name: string }) => s.name === 'water');
    expect(current).toEqual({ name: 'water', version: 4, sdl: sdl.water });
    const served = (await signedGet('/supergraph')).body;
    expect(served.version).toBe(first.version + 1);
    expect(served.supergraphSdl).toContain(OUTAGES_FIELD.split('\n')[1]);
    expect(served.supergraphSdl).toMatch(/type SupplyZone[^}]*nameEn: String!/);
    const list = await cli('observer', ['list']);
    expect(list.out).toMatch(/^supergraph version \d+/);
    expect(list.out).toMatch(/\nwater\s+water\s+v4\s+/);
  });

  it('holds department subgraphs to the contract: Ticket keyed by id, and a field named after the department', async () => {
    const unkeyed = await cli('waterAdmin', ['check', '--name', 'water', '--url', routingUrl.water], edit(sdl.water, TICKET_KEYED_BY_ID, 'type Ticket {'));
    expect(unkeyed.code).toBe(1);
    expect(unkeyed.err).toContain('contract violations:\n    - a department subgraph must define `type Ticket @key(fields: "id")`; water does not');

    const renamed = edit(sdl.water, '  water: WaterTicketInfo @requires', '  waterInfo: WaterTicketInfo @requires');
    const result = await publish('waterAdmin', { name: 'water', department: 'water', routingUrl: routingUrl.water, sdl: renamed });
    expect(result.body.data.publishSubgraph).toMatchObject({
      ok: false,
      check: { compositionErrors: [], contractViolations: ['Ticket must have a field named after the department, `Ticket.water`; water has none'] },
    });
  });
});
