import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { CLIENT_SCHEMA_FILE, clientSchemaSdl } from '../../schema/client/client-schema';
import { listen, type Listening } from '../../schema/http/listen';
import { createGatewayApp, type GatewayApp } from '../../gateway/src/server';
import { tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

const SUPERGRAPH = path.resolve(__dirname, '../../schema/supergraph.graphql');

describe('the published client schema file', () => {
  const derived = clientSchemaSdl(fs.readFileSync(SUPERGRAPH, 'utf8'));

  // regenerate with UPDATE_SUPERGRAPH=1, right after the supergraph itself (tests/e2e/supergraph.test.ts)
  it('is the API schema of the checked-in supergraph', () => {
    if (process.env.UPDATE_SUPERGRAPH === '1') fs.writeFileSync(CLIENT_SCHEMA_FILE, derived);
    expect(fs.readFileSync(CLIENT_SCHEMA_FILE, 'utf8')).toBe(derived);
  });

  it('lists in its ErrorCode enum every code the services answer with, each described with its detail fields', () => {
    const published = enumValues(derived, 'ErrorCode');
    const answered = codesInSource(['gateway', 'registry', 'subgraphs', 'schema']);
    expect(answered.size).toBeGreaterThan(15);
    expect([...answered].filter((code) => !published.has(code))).toEqual([]);
    expect(derived).toMatch(/"""An argument or input field is wrong[^"]*Carries `field: [^"]*"""\n {2}BAD_USER_INPUT/);
    expect(derived).toMatch(/Carries `service: the subgraph`, `timeoutMs: the limit it missed`, `retryable: true`\."""\n {2}UPSTREAM_TIMEOUT/);
  });

  it('shows clients no federation internals', () => {
    expect(derived).not.toMatch(/join__|link__|_entities|_service|@link/);
    expect(derived).toMatch(/^type Query \{/m);
    expect(derived).toMatch(/^\s+tickets\(/m);
  });
});

/** The values of an enum in printed SDL, descriptions left out. */
function enumValues(sdl: string, name: string): Set<string> {
  const body = sdl.split(`enum ${name} {`)[1]?.split('\n}')[0] ?? '';
  return new Set(body.replace(/"""[\s\S]*?"""/g, '').match(/[A-Z_]{3,}/g) ?? []);
}

/** Every `extensions.code` the code base sends: ErrorCode.X, and literal codes in error bodies written by hand. */
function codesInSource(folders: string[]): Set<string> {
  const codes = new Set<string>();
  const root = path.resolve(__dirname, '../..');
  for (const folder of folders) {
    for (const file of fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('node_modules') || file.startsWith('dist')) continue;
      const text = fs.readFileSync(path.join(root, folder, file), 'utf8');
      for (const [, code] of text.matchAll(/ErrorCode\.([A-Z_]+)/g)) codes.add(code);
      for (const [, code] of text.matchAll(/(?:extensions: \{|error: \{|sendRefusal\(res, \{[^}]*?) code: '([A-Z_]+)'/g)) codes.add(code);
    }
  }
  return codes;
}

describe('GET /schema.graphql on a gateway with introspection off', () => {
  let stack: Stack;
  let gateway: GatewayApp;
  let listening: Listening;
  beforeAll(async () => {
    stack = await startStack();
    gateway = await createGatewayApp({ ...stack.gatewayConfig, introspection: false });
    listening = await listen(gateway.app, 0);
  });
  afterAll(async () => {
    await listening?.close();
    await gateway?.stop();
    await stack?.close();
  });

  it('gives a signed-in caller the published file, while introspection is refused', async () => {
    const token = await tokenFor('waterStaff');
    const schema = await request(listening.url).get('/schema.graphql').set('authorization', `Bearer ${token}`);
    expect(schema.status).toBe(200);
    expect(schema.headers['content-type']).toMatch(/^text\/plain/);
    expect(schema.text).toBe(fs.readFileSync(CLIENT_SCHEMA_FILE, 'utf8'));

    const introspection = await request(listening.url)
      .post('/graphql')
      .set('authorization', `Bearer ${token}`)
      .send({ query: '{ __schema { queryType { name } } }' });
    expect(introspection.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('tells an anonymous or wrongly signed caller to sign in', async () => {
    const anonymous = await request(listening.url).get('/schema.graphql');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.text).not.toMatch(/type Query/);

    const forged = await request(listening.url).get('/schema.graphql').set('authorization', 'Bearer not.a.token');
    expect(forged.status).toBe(401);
    expect(forged.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
