import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { parse } from 'graphql';
import request from 'supertest';
import { fetchSubgraphSdl } from '../../schema/federation/fetch-subgraph-sdl';
import { runSubgraphCli } from '../../registry/src/cli/subgraph-cli';
import { UsageRecord } from '../../registry/src/usage/usage-record.entity';
import { IDENTITY_HEADER } from '../../schema/identity/signed-identity';
import { listen, type Listening } from '../../schema/http/listen';
import { Department } from '../../subgraphs/intake/src/department/department.entity';
import { CREATE_TICKET, ticketInput } from '../support/operations';
import { tokenFor, type Persona, testKeys } from '../support/personas';
import { openRegistry } from '../support/running-registry';
import { type Stack, startStack, TEST_MYSQL_URL } from '../support/stack';

/** The attacks of tracker issue 10, item 5, each made against a registry the running gateway follows. */
let stack: Stack;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  stack = await startStack({ registry: true });
});
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  await stack?.close();
});

const CHECK = 'ok compositionErrors breakingChanges { path usedBy } warnings contractViolations catalogueViolations serviceViolations';
async function admin(persona: Persona, query: string, variables: Record<string, unknown> = {}, url = stack.registry!.url) {
  return request(url).post('/graphql').set({ authorization: `Bearer ${await tokenFor(persona)}` }).send({ query, variables });
}
const publish = (persona: Persona, input: Record<string, unknown>) =>
  admin(persona, `mutation ($input: SubgraphInput!) { publishSubgraph(input: $input) { ok version check { ${CHECK} } } }`, { input });
const check = (persona: Persona, input: Record<string, unknown>, url?: string) =>
  admin(persona, `mutation ($input: SubgraphInput!) { checkSubgraph(input: $input) { check { ${CHECK} } } }`, { input }, url);
const supergraphVersion = async () => (await admin('observer', '{ supergraph { version } }')).body.data.supergraph.version as number;

async function cli(persona: Persona, args: string[]) {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), env: { REGISTRY_URL: stack.registry!.url } };
  const code = await runSubgraphCli([...args, '--token', await tokenFor(persona)], io);
  return { code, out: lines.join('\n') };
}

/** A department subgraph that keeps the contract and composes; `code` names it, its department and its ticket view. */
const departmentSdl = (code: string) => `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
type Ticket @key(fields: "id") { id: ID! ${code}: ${code[0].toUpperCase()}${code.slice(1)}TicketInfo }
type ${code[0].toUpperCase()}${code.slice(1)}TicketInfo { trees: Int! }`;

/**
 * A foreign subgraph, built as any Apollo subgraph is, that ignores the
 * platform's signed identity (`headerOnly`: it only looks for the header).
 */
async function startForeignSubgraph(code: string, headerOnly: boolean): Promise<Listening> {
  const schema = buildSubgraphSchema({ typeDefs: parse(departmentSdl(code)), resolvers: { Ticket: { [code]: () => ({ trees: 3 }) } } });
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  await apollo.start();
  const app = express();
  // the lazy variant looks for the header and never checks the signature in it
  if (headerOnly) app.use((req, res, next) => (req.headers[IDENTITY_HEADER] ? next() : res.status(401).json({ errors: [{ message: 'no' }] })));
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const listening = await listen(app, 0);
  closers.push(() => apollo.stop(), () => listening.close());
  return listening;
}

describe('a registry that protects every department', () => {
  it('refuses a department code that is not in intake\'s catalogue, or was retired from it', async () => {
    const unknown = { name: 'orchards', department: 'orchards', routingUrl: 'http://127.0.0.1:9/graphql', sdl: departmentSdl('orchards') };
    const refused = await publish('systemAdmin', unknown);
    expect(refused.body.data.publishSubgraph).toMatchObject({ ok: false, version: null });
    expect(refused.body.data.publishSubgraph.check.catalogueViolations).toEqual([expect.stringContaining('department "orchards" is not an active department in intake\'s catalogue')]);

    const catalogue = stack.subgraphs.intake.data.dataSource.getRepository(Department);
    await catalogue.save({ code: 'orchards', nameZh: '果园站', nameEn: 'Orchards Station', federated: true, subgraph: 'orchards' });
    expect((await check('systemAdmin', unknown)).body.data.checkSubgraph.check).toMatchObject({ ok: true, catalogueViolations: [] });
    await catalogue.delete({ code: 'orchards' }); // retired: the centre no longer lists it
    expect((await check('systemAdmin', unknown)).body.data.checkSubgraph.check).toMatchObject({
      ok: false,
      catalogueViolations: [expect.stringContaining('"orchards" is not an active department')],
    });
  });

  it('refuses, as retryable, when intake cannot be asked, rather than accepting blindly', async () => {
    const settings = { databaseUrl: `${TEST_MYSQL_URL}/rsec${randomBytes(4).toString('hex')}`, dataDir: os.tmpdir() };
    const cleanups: Array<() => Promise<void>> = [];
    closers.push(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    });
    const blind = await openRegistry(settings, cleanups, () => 'http://127.0.0.1:9'); // nothing listens there
    const result = await check('systemAdmin', { name: 'parks', department: 'parks', routingUrl: 'http://127.0.0.1:9/graphql', sdl: departmentSdl('parks') }, blind.url);
    expect(result.body.data.checkSubgraph.check).toMatchObject({ ok: false, catalogueViolations: [expect.stringMatching(/could not read the department catalogue .* try again/)] });
  });

  it('refuses a subgraph that answers unsigned or wrongly signed requests', async () => {
    const before = await supergraphVersion();
    for (const headerOnly of [false, true]) {
      const foreign = await startForeignSubgraph('parks', headerOnly);
      // the attack: it answers whoever reaches its port
      const plain = await request(foreign.url).post('/graphql').set(headerOnly ? { [IDENTITY_HEADER]: 'anything' } : {}).send({ query: '{ __typename }' });
      expect(plain.body).toEqual({ data: { __typename: 'Query' } });
      const { sdl } = await fetchSubgraphSdl('parks', foreign.url, testKeys('registry'));
      const result = await publish('systemAdmin', { name: 'parks', department: 'parks', routingUrl: `${foreign.url}/graphql`, sdl });
      expect(result.body.data.publishSubgraph).toMatchObject({ ok: false, version: null, check: { compositionErrors: [], contractViolations: [], catalogueViolations: [] } });
      expect(result.body.data.publishSubgraph.check.serviceViolations).toEqual([
        expect.stringContaining(headerOnly ? 'answers requests signed with a forged key' : 'answers unsigned requests'),
      ]);
    }
    expect(await supergraphVersion()).toBe(before);
  });

  it('refuses an SDL the running service does not serve; the SDL it serves (documented differently) goes through', async () => {
    const { sdl } = await fetchSubgraphSdl('water', stack.subgraphs.water.url, testKeys('registry'));
    const routingUrl = `${stack.subgraphs.water.url}/graphql`;
    const withNewField = sdl.replace('type WaterTicketInfo {', 'type WaterTicketInfo {\n  pressureBar: Float');
    expect(withNewField).not.toBe(sdl);
    const before = await supergraphVersion();
    const refused = await publish('waterAdmin', { name: 'water', department: 'water', routingUrl, sdl: withNewField });
    expect(refused.body.data.publishSubgraph).toMatchObject({ ok: false, check: { compositionErrors: [], serviceViolations: [expect.stringContaining('does not serve the published SDL')] } });
    expect(await supergraphVersion()).toBe(before);
    // a check does not probe: CI checks the next version before it is deployed
    expect((await check('waterAdmin', { name: 'water', department: 'water', routingUrl, sdl: withNewField })).body.data.checkSubgraph.check).toMatchObject({ ok: true, serviceViolations: [] });

    const redocumented = sdl.replace(`"The water company's knowledge about a ticket's place"`, '"what the water company knows"');
    expect(redocumented).not.toBe(sdl);
    expect((await publish('waterAdmin', { name: 'water', department: 'water', routingUrl, sdl: redocumented })).body.data.publishSubgraph).toMatchObject({ ok: true });
  });

  it('refuses to remove a subgraph whose fields a recorded operation used, unless forced with a reason, which is recorded', async () => {
    const created = await stack.graphql(CREATE_TICKET, { input: ticketInput({ categoryCode: 'other' }) });
    const id = created.body.data.createTicket.ticket.id;
    expect((await stack.graphql('query IntakeWaterDesk($id: ID!) { ticket(id: $id) { id water { located } } }', { id })).body.errors).toBeUndefined();
    // the gateway reports usage every 500 ms in the stack
    const usage = stack.registry!.data.dataSource.getRepository(UsageRecord);
    const deadline = Date.now() + 10_000;
    while (!(await usage.countBy({ operationName: 'IntakeWaterDesk', coordinate: 'Ticket.water' })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    const before = await supergraphVersion();
    const refused = await cli('waterAdmin', ['remove', '--name', 'water', '--reason', 'moving house']);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('REFUSED remove water: nothing changed');
    expect(refused.out).toMatch(/Field 'water' was removed from object type 'Ticket' — used by [^\n]*IntakeWaterDesk/);
    expect(await supergraphVersion()).toBe(before);
    expect((await cli('waterAdmin', ['remove', '--name', 'water', '--force'])).code).toBe(2); // a reason is required

    const reason = 'water moves to the new utilities subgraph tonight; the intake desk agreed';
    const forced = await cli('waterAdmin', ['remove', '--name', 'water', '--force', '--reason', reason]);
    expect(forced).toMatchObject({ code: 0, out: expect.stringContaining('forced past a breaking change of Ticket.water used by') });
    const history = await admin('auditor', '{ subgraphHistory(name: "water") { action forced reason publishedBy } registryEvents(first: 1) { action subgraph forced reason } }');
    expect(history.body.data.subgraphHistory[0]).toEqual({ action: 'REMOVE', forced: true, reason, publishedBy: 'water-admin-1' });
    expect(history.body.data.registryEvents).toEqual([{ action: 'REMOVE', subgraph: 'water', forced: true, reason }]);
  });
});
