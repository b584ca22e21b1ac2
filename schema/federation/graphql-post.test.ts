import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { listen, type Listening } from '../http/listen';
import { developmentHopKeys } from '../identity/hop-keys';
import { GATEWAY_IDENTITY } from '../identity/roles';
import { IDENTITY_HEADER, signIdentity } from '../identity/signed-identity';
import { REQUEST_ID_HEADER } from '../request-context';
import { createSubgraphApp, type SubgraphApp } from './subgraph-app';

const QUERY = '{ hello }';
let subgraph: SubgraphApp;
let listening: Listening;

beforeAll(async () => {
  const schema = buildSubgraphSchema({ typeDefs: parse('type Query { hello: String }'), resolvers: { Query: { hello: () => 'world' } } });
  subgraph = await createSubgraphApp({ name: 'water', schema, createContext: (base) => base, isHealthy: async () => true, hopKeys: developmentHopKeys('water'), schemaReadTokens: [] });
  listening = await listen(subgraph.app, 0);
});
afterAll(async () => {
  await listening?.close();
  await subgraph?.stop();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const signed = await signIdentity(GATEWAY_IDENTITY, developmentHopKeys('gateway'), 'water', { query: QUERY });
  return fetch(`${listening.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signed[IDENTITY_HEADER], ...headers }, body });
}

describe("a subgraph's /graphql", () => {
  it("serves the gateway's signed POST without Express, with the request id it was given", async () => {
    const response = await post(JSON.stringify({ query: QUERY }), { [REQUEST_ID_HEADER]: 'req-fast-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { hello: 'world' } });
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe('req-fast-1');
    // Express's res.send would have added an ETag
    expect(response.headers.get('etag')).toBeNull();
  });

  it('refuses an unsigned POST as before (401)', async () => {
    const response = await fetch(`${listening.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: QUERY }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a body that is not JSON with 400, and one over 1 MB with 413 (through Express)', async () => {
    expect((await post('{"query": ')).status).toBe(400);
    expect((await post('"a string"')).status).toBe(400);
    expect((await post(JSON.stringify({ query: QUERY, padding: 'x'.repeat(1024 * 1024) }))).status).toBe(413);
  });

  it('still serves what is not a JSON POST through Express (GET, another charset) and the probes', async () => {
    const signed = await signIdentity(GATEWAY_IDENTITY, developmentHopKeys('gateway'), 'water', { method: 'GET', query: QUERY });
    const get = await fetch(`${listening.url}/graphql?query=${encodeURIComponent(QUERY)}`, { headers: { [IDENTITY_HEADER]: signed[IDENTITY_HEADER], 'apollo-require-preflight': 'true' } });
    expect(await get.json()).toEqual({ data: { hello: 'world' } });
    const unknown = await post(JSON.stringify({ query: QUERY }), { 'content-type': 'application/json; charset=x-unknown' });
    // body-parser's answer to a charset it cannot read
    expect(unknown.status).toBe(415);
    expect((await fetch(`${listening.url}/livez`)).status).toBe(200);
  });
});
