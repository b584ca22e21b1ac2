import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { OutboxRelay } from '../../schema/audit/outbox-relay';
import { dropDatabase, type SubgraphDataSource } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { listen } from '../../schema/http/listen';
import { seedAll } from '../../seeds/main';
import type { GatewayConfig } from '../../gateway/src/config';
import { createGatewayApp } from '../../gateway/src/server';
import { readLimitsConfig } from '../../gateway/src/limits/limits-config';
import { FLOOD_TOLERANT_LIMITS } from './flood-tolerant-limits';
import { readResilienceConfig } from '../../gateway/src/resilience/resilience-config';
import { type Persona, TEST_TOKEN_SECRET, testKeys, tokenFor } from './personas';
import { type RunningRegistry, startRegistry } from './running-registry';
import { listenRestartably, type Restartable } from './restartable-listener';
import { SUBGRAPH_MODULES, type SubgraphName } from './subgraph-modules';

export interface RunningSubgraph extends Restartable {
  data: SubgraphDataSource;
}

export interface Stack {
  gatewayUrl: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** Only with `registry: true`: the schema registry the gateway follows. */
  registry?: RunningRegistry;
  /** What the gateway was started with: a test can start a second gateway like it. */
  gatewayConfig: GatewayConfig;
  /** Where this stack's databases live; a test may open another subgraph's database beside them. */
  database: DatabaseSettings;
  /** POST an operation to the gateway as a persona (the operator unless told; `as: null` sends no token). */
  graphql(query: string, variables?: Record<string, unknown>, options?: CallOptions): Promise<request.Response>;
  close(): Promise<void>;
}

export interface CallOptions {
  as?: Persona | null;
  headers?: Record<string, string>;
}

export const TEST_MYSQL_URL = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';

export interface StackOptions {
  /** 'mysql' (default): fresh databases on the local MariaDB, dropped on close; 'embedded': SQLite files in a temp folder. */
  engine?: 'mysql' | 'embedded';
  sampleTickets?: number;
  /** Run each subgraph's outbox relay to the audit service, as `npm start` does (off by default: it queries in the background). */
  relay?: boolean;
  /**
   * Start the schema registry (fresh database, bootstrapped with the running
   * subgraphs) and have the gateway follow it, polling every 200 ms, instead of
   * introspecting a fixed list of subgraphs.
   */
  registry?: boolean;
  /** The gateway's resilience settings as a city sets them (`SUBGRAPH_TIMEOUT_MS`, `INTAKE_TIMEOUT_MS` …); defaults otherwise. */
  resilienceEnv?: NodeJS.ProcessEnv;
}

/**
 * Starts the whole federation in this process, every service on port 0, each
 * subgraph on its own throwaway database. If any step fails, whatever already
 * started is stopped again before the error is rethrown, so jest never hangs.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const name = `t${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const settings: DatabaseSettings =
    options.engine === 'embedded'
      ? { dataDir: path.join(os.tmpdir(), `hotline-${name}`) }
      : { databaseUrl: `${TEST_MYSQL_URL}/${name}`, dataDir: os.tmpdir() };
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  try {
    const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
    for (const module of SUBGRAPH_MODULES) {
      cleanups.push(() => dropDatabase(databaseTarget(module.name, settings)));
      const data = await module.open(settings);
      cleanups.push(() => data.dataSource.destroy());
      const app = await module.createApp(data.dataSource, settings, () => subgraphs.intake.url);
      cleanups.push(app.stop);
      subgraphs[module.name] = { ...(await listenRestartably(app.app, cleanups)), data };
    }
    await seedAll(
      Object.fromEntries(Object.entries(subgraphs).map(([key, running]) => [key, running.data.dataSource])),
      { sampleTickets: options.sampleTickets ?? 0 },
    );
    const registry = options.registry ? await startRegistry(settings, subgraphs, cleanups) : undefined;
    const gatewayConfig: GatewayConfig = {
      port: 0,
      pollIntervalMs: 0,
      introspection: true,
      subgraphs: SUBGRAPH_MODULES.map(({ name: subgraph }) => ({ name: subgraph, url: subgraphs[subgraph].url })),
      supergraphSource: registry ? { kind: 'registry', url: registry.url, pollMs: 200, usageFlushMs: 500 } : { kind: 'introspect' },
      auth: { kind: 'hs256', secret: TEST_TOKEN_SECRET },
      hopKeys: testKeys('gateway'),
      limits: readLimitsConfig(FLOOD_TOLERANT_LIMITS),
      resilience: readResilienceConfig(options.resilienceEnv ?? {}),
    };
    const gateway = await createGatewayApp(gatewayConfig);
    cleanups.push(gateway.stop);
    if (options.relay) {
      for (const [subgraph, running] of Object.entries(subgraphs)) {
        // audit receives the events, oversight only reads them: neither has an outbox
        if (subgraph === 'audit' || subgraph === 'oversight') continue;
        const relay = new OutboxRelay({
          subgraph,
          dataSource: running.data.dataSource,
          auditUrl: () => (subgraphs as Record<string, RunningSubgraph>).audit?.url,
          hopKeys: testKeys(subgraph),
          intervalMs: 100,
        });
        relay.start();
        cleanups.push(() => relay.stop());
      }
    }
    const listening = await listen(gateway.app, 0);
    cleanups.push(listening.close);
    return {
      gatewayUrl: listening.url,
      subgraphs,
      registry,
      gatewayConfig,
      database: settings,
      graphql: async (query, variables = {}, { as = 'operator', headers = {} } = {}) => {
        const authorization: Record<string, string> = as ? { authorization: `Bearer ${await tokenFor(as)}` } : {};
        return request(listening.url).post('/graphql').set({ ...authorization, ...headers }).send({ query, variables });
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
