import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fetchSubgraphSdl } from '../../schema/federation/fetch-subgraph-sdl';
import { createGatewayApp, type GatewayApp } from '../../gateway/src/server';
import { UsageRecord } from '../../registry/src/usage/usage-record.entity';
import { runSubgraphCli } from '../../registry/src/cli/subgraph-cli';
import { listen, type Listening } from '../../schema/http/listen';
import { tokenFor, testKeys } from '../support/personas';
import { type Stack, startStack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ registry: true });
});
afterAll(async () => {
  await stack?.close();
});

const health = async (url = stack.gatewayUrl) => {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: (await response.json()) as { status: string; supergraph: Record<string, unknown> } };
};

/** Polls until `check` passes, or fails with its last error after `ms`. */
async function eventually(check: () => Promise<void>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const ZONES = 'query Zones { supplyZones { code } }';

describe('a gateway that follows the registry', () => {
  it('serves the supergraph the registry holds, and says so on /health', async () => {
    const response = await stack.graphql(ZONES);
    expect(response.body.errors).toBeUndefined();
    const { status, body } = await health();
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'ok',
      subgraphs: { intake: 'up', water: 'up', streetlight: 'up', transit: 'up', audit: 'up' },
      supergraph: { source: 'registry', version: 1, registry: 'up', lastError: null },
    });
  });

  it('reports which operations use which fields to the registry, by client', async () => {
    await stack.graphql(ZONES, {}, { headers: { 'apollographql-client-name': 'water-dashboard' } });
    const usage = stack.registry!.data.dataSource.getRepository(UsageRecord);
    await eventually(async () => {
      const rows = await usage.findBy({ operationName: 'Zones', clientName: 'water-dashboard' });
      expect(rows.map((row) => row.coordinate).sort()).toEqual(['Query.supplyZones', 'SupplyZone.code']);
    });
  });

  it('keeps answering with the last good supergraph while the registry is down, and says the registry is unreachable', async () => {
    const registry = stack.registry!;
    await registry.data.dataSource.destroy(); // the registry's database goes away
    try {
      await eventually(async () => expect((await health()).body.supergraph).toMatchObject({ version: 1, registry: 'unreachable' }));
      const { status, body } = await health();
      // the data plane is fine: a control-plane outage must not take the gateway out of rotation
      expect(status).toBe(200);
      expect(String(body.supergraph.lastError)).toMatch(/registry unreachable/);
      for (let i = 0; i < 5; i += 1) expect((await stack.graphql(ZONES)).body.errors).toBeUndefined();
    } finally {
      await registry.data.dataSource.initialize();
    }
    await eventually(async () => expect((await health()).body.supergraph).toMatchObject({ version: 1, registry: 'up', lastError: null }));

    await registry.stop(); // and now the whole service
    try {
      await eventually(async () => expect((await health()).body.supergraph).toMatchObject({ registry: 'unreachable' }));
      expect((await stack.graphql(ZONES)).body.errors).toBeUndefined();
    } finally {
      await registry.restart();
    }
    await eventually(async () => expect((await health()).body.supergraph).toMatchObject({ registry: 'up', lastError: null }));
  });

  it('moves two gateways on one registry to the same new version after a publish and a rollback, without a restart', async () => {
    const second: GatewayApp = await createGatewayApp(stack.gatewayConfig);
    const listening: Listening = await listen(second.app, 0);
    try {
      expect((await health(listening.url)).body.supergraph).toMatchObject({ version: 1 });
      // a documentation change: a real publish (new supergraph) that the running water service already serves
      const { sdl } = await fetchSubgraphSdl('water', stack.subgraphs.water.url, testKeys('registry'));
      const edited = sdl.replace(`"The water company's knowledge about a ticket's place"`, '"市自来水公司: what the water company knows about a ticket"');
      expect(edited).not.toBe(sdl);
      const file = path.join(os.tmpdir(), `water-${process.pid}.graphql`);
      fs.writeFileSync(file, edited);
      const lines: string[] = [];
      const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line), env: { REGISTRY_URL: stack.registry!.url } };
      const url = `${stack.subgraphs.water.url}/graphql`;
      const token = await tokenFor('waterAdmin');
      const code = await runSubgraphCli(['publish', '--name', 'water', '--url', url, '--schema', file, '--reason', 'describe the ticket view', '--token', token], io);
      fs.rmSync(file, { force: true });
      expect({ code, lines }).toMatchObject({ code: 0 });

      await eventually(async () => {
        const [first, other] = await Promise.all([health(), health(listening.url)]);
        expect(first.body.supergraph).toMatchObject({ version: 2, lastError: null });
        expect(other.body.supergraph).toEqual(first.body.supergraph);
      });
      const described = `{ __type(name: "WaterTicketInfo") { description } }`;
      for (const gatewayUrl of [stack.gatewayUrl, listening.url]) {
        const response = await fetch(`${gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}` },
          body: JSON.stringify({ query: described }),
        });
        expect(((await response.json()) as { data: { __type: { description: string } } }).data.__type.description).toMatch(/^市自来水公司/);
      }

      // history and rollback: version 1 of water comes back, as a new supergraph the gateways serve
      const rolledBack = await runSubgraphCli(['rollback', '--name', 'water', '--version', '1', '--reason', 'back to the first wording', '--token', token], io);
      expect({ rolledBack, lines }).toMatchObject({ rolledBack: 0 });
      await eventually(async () => {
        const [first, other] = await Promise.all([health(), health(listening.url)]);
        expect(first.body.supergraph).toMatchObject({ version: 3, lastError: null });
        expect(other.body.supergraph).toEqual(first.body.supergraph);
      });
      const served = await fetch(`${stack.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor('operator')}` },
        body: JSON.stringify({ query: described }),
      });
      expect(((await served.json()) as { data: { __type: { description: string } } }).data.__type.description).toBe("The water company's knowledge about a ticket's place");
    } finally {
      await listening.close();
      await second.stop();
    }
  });
});
