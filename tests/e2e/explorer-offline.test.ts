import { execFileSync } from 'node:child_process';
import path from 'node:path';
import request from 'supertest';
import { readExplorerSwitch } from '../../schema/http/explorer/explorer-config';
import { listen, type Listening } from '../../schema/http/listen';
import { createGatewayApp, type GatewayApp } from '../../gateway/src/server';
import { createRegistryApp, type RegistryApp } from '../../registry/src/server';
import { runInExplorer } from '../support/explorer/run-in-explorer';
import { TEST_TOKEN_SECRET, testKeys, tokenFor } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

const root = path.resolve(__dirname, '../..');

let stack: Stack;
let gateway: GatewayApp;
let gatewayListening: Listening;
let registry: RegistryApp;
let registryListening: Listening;
beforeAll(async () => {
  // what `npm run build` does for the explorer; a no-op when the bundle is current
  execFileSync(process.execPath, ['scripts/build-explorer.js'], { cwd: root, stdio: 'inherit' });
  stack = await startStack({ registry: true });
  gateway = await createGatewayApp({ ...stack.gatewayConfig, explorer: true });
  gatewayListening = await listen(gateway.app, 0);
  registry = await createRegistryApp(stack.registry!.data.dataSource, {
    port: 0,
    database: stack.database,
    auth: { kind: 'hs256', secret: TEST_TOKEN_SECRET },
    hopKeys: testKeys('registry'),
    usageWindowDays: 7,
    intakeUrl: () => stack.subgraphs.intake.url,
    explorer: true,
  });
  registryListening = await listen(registry.app, 0);
}, 120_000);
afterAll(async () => {
  await registryListening?.close();
  await registry?.stop();
  await gatewayListening?.close();
  await gateway?.stop();
  await stack?.close();
});

describe('the explorer with the network closed', () => {
  it("runs a query on the gateway with the console session's token, asking nothing of any other origin", async () => {
    const token = await tokenFor('operator');
    const run = await runInExplorer(`${gatewayListening.url}/graphql`, token, '{ departments { code nameEn } }');
    expect(run.authorization).toBe(`Bearer ${token}`);
    expect(run.result.errors).toBeUndefined();
    expect(run.result.data?.departments).toEqual(expect.arrayContaining([{ code: 'water', nameEn: expect.any(String) }]));
    expect(run.blocked).toEqual([]);
    expect(run.requests.every((url) => url.startsWith(gatewayListening.url))).toBe(true);
  }, 60_000);

  it("runs a query on the registry's admin API the same way", async () => {
    const token = await tokenFor('systemAdmin');
    const run = await runInExplorer(`${registryListening.url}/graphql`, token, '{ subgraphs { name } }');
    expect(run.authorization).toBe(`Bearer ${token}`);
    expect(run.result.errors).toBeUndefined();
    expect(run.result.data?.subgraphs).toEqual(expect.arrayContaining([{ name: 'intake' }]));
    expect(run.blocked).toEqual([]);
    expect(run.requests.every((url) => url.startsWith(registryListening.url))).toBe(true);
  }, 60_000);
});

describe('the explorer switch', () => {
  it('is on while developing and off in production unless the operator turns it on', () => {
    expect(readExplorerSwitch({})).toBe(true);
    expect(readExplorerSwitch({ NODE_ENV: 'production' })).toBe(false);
    expect(readExplorerSwitch({ NODE_ENV: 'production', GRAPHQL_EXPLORER: 'true' })).toBe(true);
  });

  it('switched off, a browser gets no page and no Sandbox: the gateway asks for a token', async () => {
    const page = await request(stack.gatewayUrl).get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(401);
    expect(page.text).not.toMatch(/<html|sandbox|apollographql/i);
  });
});
