import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase } from '../../schema/database/create-data-source';
import { databaseTarget, type DatabaseSettings } from '../../schema/database/database-target';
import { type Persona, TEST_TOKEN_SECRET, tokenFor } from './personas';
import { FLOOD_TOLERANT_LIMITS } from './flood-tolerant-limits';
import { freePort, ServiceProcess } from './service-process';
import { TEST_MYSQL_URL } from './stack';
import { repositoryRoot } from '../../schema/runtime/repository-root';

const ROOT = repositoryRoot();
export const PROCESS_SUBGRAPHS = ['intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'] as const;
export type ProcessSubgraph = (typeof PROCESS_SUBGRAPHS)[number];

const built = new Set<string>();
/** The compiled entries are what a city runs; `tsc -b` takes half a second when the build is current. */
export function buildOnce(root = ROOT): void {
  if (built.has(root)) return;
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  built.add(root);
}

export interface ProcessStackOptions {
  engine?: 'mysql' | 'embedded';
  /** Which subgraphs run (default all six); the gateway composes exactly these. */
  subgraphs?: readonly ProcessSubgraph[];
  /** Extra environment for every process (e.g. OTEL_EXPORTER_OTLP_ENDPOINT). */
  env?: NodeJS.ProcessEnv;
  /** What one service alone is given besides (its own production key, say). */
  envOf?: (service: string) => NodeJS.ProcessEnv;
  /** Start the gateway too (default true). */
  gateway?: boolean;
  /** Seed the catalogue and departments' data as `npm start` does (default true). */
  seed?: boolean;
  /** Databases (or the SQLite folder) by this name instead of a fresh random one: a benchmark reuses what it generated. */
  name?: string;
  /** Leave the databases in place on close (with `name`: the next run finds them). */
  keep?: boolean;
  /**
   * Run the schema registry too, as `npm start` does: migrated, bootstrapped with the running subgraphs as version 1,
   * and followed by the gateway (REGISTRY_URL), so the console's registry view has something to show.
   */
  registry?: boolean;
  /** Runs after migrate and seed, before any service starts (a benchmark writes its data here, unseen by the feeds). */
  beforeStart?: (settings: DatabaseSettings) => Promise<void>;
  /** Run the services as this checkout built them (default this one): `npm run bench -- --baseline DIR`. */
  root?: string;
}

export interface ProcessStack {
  settings: DatabaseSettings;
  subgraphs: Record<ProcessSubgraph, ServiceProcess>;
  gateway: ServiceProcess | null;
  registry: ServiceProcess | null;
  env: NodeJS.ProcessEnv;
  /** POST an operation to the gateway as a persona. */
  graphql(query: string, variables?: Record<string, unknown>, as?: Persona, timeoutMs?: number): Promise<{ status: number; body: any; ms: number }>;
  close(): Promise<void>;
}

/**
 * The federation as separate processes, as `npm start` and a city run it:
 * each service from its compiled entry on its own port, migrated by its own
 * `migrate` step first, on fresh databases dropped on close.
 */
export async function startProcessStack(options: ProcessStackOptions = {}): Promise<ProcessStack> {
  const root = options.root ?? ROOT;
  buildOnce(root);
  const names = options.subgraphs ?? PROCESS_SUBGRAPHS;
  const id = options.name ?? `p${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const settings: DatabaseSettings =
    options.engine === 'embedded' ? { dataDir: path.join(os.tmpdir(), `hotline-${id}`) } : { databaseUrl: `${TEST_MYSQL_URL}/${id}`, dataDir: os.tmpdir() };
  const ports: Record<string, number> = {};
  for (const name of [...names, 'gateway', ...(options.registry ? ['registry'] : [])]) ports[name] = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    APOLLO_TELEMETRY_DISABLED: 'true',
    ...FLOOD_TOLERANT_LIMITS,
    LOG_LEVEL: 'info',
    DATABASE_URL: settings.databaseUrl ?? '',
    DATA_DIR: settings.dataDir,
    MIGRATE_ON_START: 'false',
    // the deadline clock would mark and urge the tests' tickets at its first minute; its own test runs it
    CLOCK_INTERVAL_MS: '0',
    AUTH_HS256_SECRET: TEST_TOKEN_SECRET,
    GATEWAY_PORT: String(ports.gateway),
    ...Object.fromEntries(names.flatMap((name) => [[`${name.toUpperCase()}_PORT`, String(ports[name])], [`${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}`]])),
    // the relays would post to a port nobody listens on when audit is not part of the stack
    AUDIT_URL: `http://127.0.0.1:${ports.audit ?? 9}`,
    ...(options.registry ? { REGISTRY_PORT: String(ports.registry), REGISTRY_URL: `http://127.0.0.1:${ports.registry}`, REGISTRY_POLL_MS: '500' } : {}),
    ...options.env,
  };
  const own = (service: string): NodeJS.ProcessEnv => (options.envOf ? { ...env, ...options.envOf(service) } : env);
  const subgraphs = {} as Record<ProcessSubgraph, ServiceProcess>;
  let gateway: ServiceProcess | null = null;
  let registry: ServiceProcess | null = null;
  const close = async () => {
    await Promise.all([gateway, registry, ...Object.values(subgraphs)].map((service) => service?.stop()));
    if (!options.keep) for (const name of [...PROCESS_SUBGRAPHS, 'registry']) await dropDatabase(databaseTarget(name, settings)).catch(() => undefined);
  };
  try {
    for (const name of names) {
      const service = new ServiceProcess(name, `dist/subgraphs/${name}/src/main.js`, ports[name], own(name), root);
      const code = await service.runToEnd(['migrate']);
      if (code !== 0) throw new Error(`${name} migrate exited ${code}:\n${service.lines.join('\n')}`);
      subgraphs[name] = service;
    }
    if (options.seed !== false) {
      const seeding = new ServiceProcess('seed', 'dist/seeds/main.js', 0, { ...env, MIGRATE_ON_START: 'true' }, root);
      const code = await seeding.runToEnd([]);
      if (code !== 0) throw new Error(`seeding exited ${code}:\n${seeding.lines.join('\n')}`);
    }
    await options.beforeStart?.(settings);
    // 60 s: six services starting at once on a loaded 2-core machine took more than 30
    await Promise.all(names.map((name) => subgraphs[name].start().waitFor('/readyz', 60_000)));
    if (options.registry) {
      registry = new ServiceProcess('registry', 'dist/registry/src/main.js', ports.registry, own('registry'));
      const code = await registry.runToEnd(['migrate']);
      if (code !== 0) throw new Error(`registry migrate exited ${code}:\n${registry.lines.join('\n')}`);
      await registry.start().waitFor('/readyz', 60_000);
      const bootstrap = new ServiceProcess('bootstrap', 'dist/registry/src/bootstrap-from-running.js', 0, own('registry'));
      if ((await bootstrap.runToEnd([])) !== 0) throw new Error(`registry bootstrap failed:\n${bootstrap.lines.join('\n')}`);
    }
    if (options.gateway !== false) {
      gateway = new ServiceProcess('gateway', 'dist/gateway/src/main.js', ports.gateway, own('gateway'), root).start();
      await gateway.waitFor('/readyz', 60_000);
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    settings,
    subgraphs,
    gateway,
    registry,
    env,
    graphql: async (query, variables = {}, as = 'operator', timeoutMs = 30_000) => {
      const started = Date.now();
      const response = await fetch(`${gateway!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(as)}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: response.status, body: await response.json().catch(() => null), ms: Date.now() - started };
    },
    close,
  };
}
