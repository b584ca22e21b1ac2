import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { DEVELOPMENT_SECRETS, MIGRATING, ROOT, SERVICES, SUBGRAPHS, distPathsIn, readText, sourceOfDistEntry } from './deploy-files';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Service = Record<string, any>;
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const ONE_SHOTS = ['migrate', 'registry-bootstrap'];
/** Whose hop key a one-shot holds: the bootstrap reads SDLs as the registry does. */
const KEY_OF: Record<string, string> = { 'registry-bootstrap': 'registry' };
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|PRIVATE|SIGNING_KEY|DATABASE_URL/;
const SECONDS = /^(\d+)s$/;

/** `<<: *app` merge keys are part of compose's YAML; the yaml package applies them when asked. */
function parseCompose(text: string): Compose {
  return parse(text, { merge: true }) as Compose;
}

/** What compose does with `${VAR:-default}` when VAR is unset: the operator's defaults are what is checked. */
function withDefaults(value: string): string {
  return value.replace(/\$\{(\w+):?-([^}]*)\}/g, (_all, _name, fallback: string) => fallback);
}

const list = (value: unknown): string[] => (value === undefined ? [] : Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : item.path)) : [String(value)]);

function environmentOf(service: Service): Record<string, string> {
  const environment = service.environment ?? {};
  if (!Array.isArray(environment)) return Object.fromEntries(Object.entries(environment).map(([key, value]) => [key, String(value)]));
  return Object.fromEntries(environment.map((entry: string) => [entry.split('=')[0], entry.slice(entry.indexOf('=') + 1)]));
}

const dependsOn = (service: Service): Record<string, string> =>
  Array.isArray(service.depends_on)
    ? Object.fromEntries(service.depends_on.map((name: string) => [name, 'service_started']))
    : Object.fromEntries(Object.entries(service.depends_on ?? {}).map(([name, spec]: [string, any]) => [name, spec?.condition ?? 'service_started']));

/** `[host-ip:]host-port:container-port` of the short syntax; long syntax has the same fields by name. */
function publishedPorts(service: Service): Array<{ hostIp: string | null; hostPort: string; containerPort: number }> {
  return (service.ports ?? []).map((entry: any) => {
    if (typeof entry === 'object') return { hostIp: entry.host_ip ?? null, hostPort: String(entry.published), containerPort: Number(entry.target) };
    const parts = withDefaults(String(entry)).split(':');
    if (parts.length === 3) return { hostIp: parts[0], hostPort: parts[1], containerPort: Number(parts[2]) };
    if (parts.length === 2) return { hostIp: null, hostPort: parts[0], containerPort: Number(parts[1]) };
    return { hostIp: null, hostPort: '(random)', containerPort: Number(parts[0]) };
  });
}

/** What a reviewer of docker-compose.yml would object to; empty when it is right. */
function composeProblems(text: string): string[] {
  const problems: string[] = [];
  const { services } = parseCompose(text);
  const names = Object.keys(services);
  for (const needed of ['db', ...ONE_SHOTS, ...Object.keys(SERVICES)]) if (!services[needed]) problems.push(`no service ${needed}`);
  if (problems.length) return problems;
  const image = services.gateway.image;
  const app = names.filter((name) => services[name].image === image);

  for (const secret of DEVELOPMENT_SECRETS) if (text.includes(secret)) problems.push('a development secret is written in the compose file');
  if (/\w+:\/\/[^\s:/@]+:[^\s@]+@/.test(text)) problems.push('a URL with a password is written in the compose file');

  for (const name of names) {
    const service = services[name];
    const at = `service ${name}`;
    const oneShot = service.restart === 'no';
    if (oneShot !== ONE_SHOTS.includes(name)) problems.push(`${at}: restart ${service.restart ?? '(none)'}; ${ONE_SHOTS.includes(name) ? 'a one-shot must not restart' : 'a long-running service needs a restart policy'}`);
    if (!oneShot && !['unless-stopped', 'always'].includes(service.restart)) problems.push(`${at}: restart ${service.restart ?? '(none)'} does not bring it back after a crash or reboot`);
    for (const [key, value] of Object.entries(environmentOf(service))) {
      if (SECRET_NAME.test(key) && !/^\$\{\w+(:?[?-][^}]*)?\}$/.test(value)) problems.push(`${at}: ${key} is written in the compose file; secrets come from the env files`);
    }
    for (const port of publishedPorts(service)) {
      if (!['gateway', 'registry'].includes(name)) problems.push(`${at}: publishes ${port.containerPort}; only the gateway (and the registry on loopback) may`);
      if (port.hostIp === null || port.hostIp === '0.0.0.0' || port.hostIp === '::') problems.push(`${at}: publishes ${port.containerPort} on every interface`);
    }
    if (!oneShot && !service.healthcheck?.test) problems.push(`${at}: no healthcheck`);
  }

  for (const name of app) {
    const service = services[name];
    const at = `service ${name}`;
    const environment = environmentOf(service);
    if (environment.NODE_ENV !== 'production') problems.push(`${at}: NODE_ENV is ${environment.NODE_ENV}, not production`);
    if (environment.HOST !== '0.0.0.0') problems.push(`${at}: HOST is ${environment.HOST}; other containers could not reach it`);
    if (environment.APOLLO_TELEMETRY_DISABLED !== 'true') problems.push(`${at}: APOLLO_TELEMETRY_DISABLED is not true`);
    if (name !== 'migrate' && environment.MIGRATE_ON_START !== 'false') problems.push(`${at}: MIGRATE_ON_START is not false; it would need DDL rights`);
    const files = list(service.env_file);
    if (files[0] !== '.env.production') problems.push(`${at}: does not read .env.production first`);
    // a service reads the shared file and its own hop key, nothing of another service's nor the DDL account
    const own = [`.env.production`, `.env.production.key.${KEY_OF[name] ?? name}`];
    if (name !== 'migrate' && files.join() !== own.join()) problems.push(`${at}: reads ${files.join(', ')}; a service gets only ${own.join(', ')}`);
    for (const entry of [...distPathsIn(service.entrypoint), ...distPathsIn(service.command)]) {
      const source = sourceOfDistEntry(entry);
      if ('problem' in source) problems.push(`${at}: ${source.problem}`);
    }
    if (ONE_SHOTS.includes(name)) continue;
    const contract = SERVICES[name];
    if (!contract) {
      problems.push(`${at}: not a service of the runtime contract`);
      continue;
    }
    if (list(service.command)[0] !== contract.entry) problems.push(`${at}: runs ${list(service.command)[0]}, expected ${contract.entry}`);
    const probe = list(service.healthcheck?.test).join(' ');
    if (!probe.includes(`127.0.0.1:${contract.port}/readyz`)) problems.push(`${at}: healthcheck does not ask /readyz on its port ${contract.port}`);
    if (/curl|wget/.test(probe)) problems.push(`${at}: the slim image has neither curl nor wget`);
    const grace = SECONDS.exec(String(service.stop_grace_period ?? ''));
    if (!grace || Number(grace[1]) < 3 || Number(grace[1]) > 30) problems.push(`${at}: stop_grace_period ${service.stop_grace_period} should be a few seconds (the service stops within 2 s)`);
  }

  const migrate = services.migrate;
  const migrateFiles = list(migrate.env_file);
  if (migrateFiles[migrateFiles.length - 1] !== '.env.production.migrate') problems.push('migrate: the DDL account (.env.production.migrate) must be read last, over the services\' account');
  const script = [...list(migrate.entrypoint), ...list(migrate.command)].join('\n');
  for (const name of MIGRATING) if (!script.includes(`${SERVICES[name].entry} migrate`)) problems.push(`migrate: does not migrate ${name}`);
  if (dependsOn(migrate).db !== 'service_healthy') problems.push('migrate: must wait for a healthy db');
  const db = services.db;
  if (!list(db.env_file).includes('.env.production.db') || list(db.env_file).includes('.env.production')) problems.push('db: reads its passwords from .env.production.db, and nothing of the services\'');
  if (!(db.volumes ?? []).some((volume: string) => /:\/var\/lib\/mysql$/.test(volume) && !volume.startsWith('.') && !volume.startsWith('/'))) problems.push('db: its data needs a named volume');
  const init = (db.volumes ?? []).find((volume: string) => volume.includes('/docker-entrypoint-initdb.d'));
  const initDir = init?.split(':')[0];
  if (!initDir || !fs.existsSync(path.join(ROOT, initDir)) || fs.readdirSync(path.join(ROOT, initDir)).length === 0) problems.push('db: no init scripts create the accounts');

  // every long-running service of the image starts only after the migrations completed
  const reaches = (name: string, target: string, seen = new Set<string>()): boolean => {
    if (seen.has(name)) return false;
    seen.add(name);
    return Object.keys(dependsOn(services[name] ?? {})).some((next) => next === target || reaches(next, target, seen));
  };
  for (const name of app.filter((candidate) => candidate !== 'migrate')) {
    if (!reaches(name, 'migrate')) problems.push(`${name}: does not wait for migrate`);
    const direct = dependsOn(services[name]).migrate;
    if (direct && direct !== 'service_completed_successfully') problems.push(`${name}: waits for migrate to start (${direct}), not to complete`);
  }
  const bootstrap = dependsOn(services['registry-bootstrap']);
  for (const name of ['registry', ...SUBGRAPHS]) if (bootstrap[name] !== 'service_healthy') problems.push(`registry-bootstrap: must wait for a healthy ${name}`);
  if (!distPathsIn(services['registry-bootstrap'].command).some((entry) => entry.endsWith('bootstrap-from-running.js'))) problems.push('registry-bootstrap: does not run bootstrap-from-running.js');
  if (dependsOn(services.gateway)['registry-bootstrap'] !== 'service_completed_successfully') problems.push('gateway: must start after the first-run bootstrap completed');

  const registryPorts = publishedPorts(services.registry);
  if (registryPorts.some((port) => port.hostIp !== '127.0.0.1')) problems.push('registry: its admin API may be published on loopback only');
  const gatewayPorts = publishedPorts(services.gateway);
  if (gatewayPorts.length !== 1 || gatewayPorts[0].containerPort !== SERVICES.gateway.port) problems.push('gateway: must publish its port 4000, once');
  else if (gatewayPorts[0].hostIp !== '127.0.0.1') problems.push(`gateway: by default published on ${gatewayPorts[0].hostIp}, not 127.0.0.1`);
  return problems;
}

describe('docker-compose.yml (production mode)', () => {
  const text = readText('docker-compose.yml');
  const { services } = parseCompose(text);

  it('passes every check a reviewer would make', () => {
    expect(composeProblems(text)).toEqual([]);
  });

  it('runs every service from the one image, built from the Dockerfile', () => {
    const images = new Set(Object.entries(services).filter(([name]) => name !== 'db').map(([, service]) => service.image));
    expect(images.size).toBe(1);
    for (const [name, service] of Object.entries(services)) if (name !== 'db') expect(service.build).toEqual({ context: '.' });
  });

  it('creates both accounts on a first start, with grants on the hotline_ databases only', () => {
    const file = path.join(ROOT, 'deploy/compose/mariadb-init/10-hotline-accounts.sh');
    // sourced, not executed: only a sourced script has the entrypoint's docker_process_sql
    expect(fs.statSync(file).mode & 0o111).toBe(0);
    // run it as the MariaDB entrypoint would, with its two helpers standing in, and read the SQL it sends
    const entrypoint = [
      'set -eo pipefail',
      'docker_process_sql() { cat; }',
      // the image's own escaping of a string literal: backslash, newline and quote
      `docker_sql_escape_string_literal() { local newline=$'\\n'; local escaped=\${1//\\\\/\\\\\\\\}; escaped="\${escaped//$newline/\\\\n}"; echo "\${escaped//\\'/\\\\\\'}"; }`,
      `. '${file}'`,
    ].join('\n');
    const run = spawnSync('bash', ['--norc', '--noprofile', '-c', entrypoint], { encoding: 'utf8', env: { PATH: process.env.PATH, HOTLINE_DDL_PASSWORD: "ddl'pass", HOTLINE_DML_PASSWORD: 'dml-pass' } });
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    const sql = run.stdout;
    expect(sql).toContain("CREATE USER IF NOT EXISTS 'hotline_migrate'@'%' IDENTIFIED BY 'ddl\\'pass';");
    expect(sql).toContain("CREATE USER IF NOT EXISTS 'hotline_app'@'%' IDENTIFIED BY 'dml-pass';");
    expect(sql).toContain("GRANT ALL PRIVILEGES ON `hotline\\_%`.* TO 'hotline_migrate'@'%';");
    expect(sql).toContain("GRANT SELECT, INSERT, UPDATE, DELETE ON `hotline\\_%`.* TO 'hotline_app'@'%';");
    const grants = sql.split('\n').filter((line) => line.startsWith('GRANT'));
    expect(grants).toHaveLength(2);
    expect(grants.some((line) => /WITH GRANT OPTION|ON \*\.\*/.test(line))).toBe(false);
    // without its passwords it refuses, rather than creating accounts with empty ones
    const missing = spawnSync('bash', ['--norc', '--noprofile', '-c', entrypoint], { encoding: 'utf8', env: { PATH: process.env.PATH } });
    expect(missing.status).not.toBe(0);
    expect(missing.stdout).toBe('');
  });

  // the checks must be able to fail: each broken compose file is reported, with the reason
  const mutations: Array<[string, (text: string) => string, RegExp]> = [
    ['a service loses its restart policy', (t) => t.replace('  restart: unless-stopped\n  # services stop', '  # services stop'), /service gateway: restart \(none\) does not bring it back/],
    ['a healthcheck asks /health', (t) => t.replace("127.0.0.1:4003/readyz", '127.0.0.1:4003/health'), /streetlight: healthcheck does not ask \/readyz/],
    ['NODE_ENV is development', (t) => t.replace('NODE_ENV: production', 'NODE_ENV: development'), /NODE_ENV is development/],
    ['a secret is written inline', (t) => t.replace('    HOST: 0.0.0.0\n', '    HOST: 0.0.0.0\n    HOP_SIGNING_KEY: abcdefabcdefabcdefabcdefabcdefabcdef\n'), /HOP_SIGNING_KEY is written in the compose file/],
    ['a database URL with its password is inline', (t) => t.replace('    HOST: 0.0.0.0\n', '    HOST: 0.0.0.0\n    DATABASE_URL: mysql://root:hotline@db:3306/hotline\n'), /a URL with a password/],
    ['the registry is published on every interface', (t) => t.replace('ports: ["127.0.0.1:4010:4010"]', 'ports: ["4010:4010"]'), /registry: publishes 4010 on every interface/],
    ['the gateway defaults to every interface', (t) => t.replace('${GATEWAY_PUBLISH:-127.0.0.1:4000}', '${GATEWAY_PUBLISH:-0.0.0.0:4000}'), /gateway: publishes 4000 on every interface/],
    ['the database is published', (t) => t.replace('    image: mariadb:11.4\n', '    image: mariadb:11.4\n    ports: ["3306:3306"]\n'), /service db: publishes 3306/],
    ['services wait only for migrate to start', (t) => t.replace('migrate: { condition: service_completed_successfully }', 'migrate: { condition: service_started }'), /waits for migrate to start/],
    ['migrate forgets a service', (t) => t.replace('        node --enable-source-maps dist/subgraphs/water/src/main.js migrate\n', ''), /migrate: does not migrate water/],
    ['migrate uses the services\' account', (t) => t.replace('env_file: [.env.production, .env.production.migrate]', 'env_file: [.env.production]'), /DDL account/],
    ['a service gets the DDL account', (t) => t.replace('env_file: [.env.production, .env.production.key.transit]', 'env_file: [.env.production, .env.production.migrate]'), /transit: reads .env.production, .env.production.migrate/],
    ['a service gets another service\'s hop key', (t) => t.replace('env_file: [.env.production, .env.production.key.water]', 'env_file: [.env.production, .env.production.key.gateway]'), /water: reads .env.production, .env.production.key.gateway; a service gets only .env.production, .env.production.key.water/],
    ['the bootstrap does not wait for a subgraph', (t) => t.replace('      audit: { condition: service_healthy }\n', ''), /registry-bootstrap: must wait for a healthy audit/],
    ['an entry has no source', (t) => t.replace('command: ["dist/subgraphs/intake/src/main.js"]', 'command: ["dist/subgraphs/intake/main.js"]'), /intake\/main.ts does not exist/],
    ['the healthcheck uses curl', (t) => t.replace(`["CMD", "node", "-e", "fetch('http://127.0.0.1:4005/readyz')`, `["CMD", "curl", "-f", "http://127.0.0.1:4005/readyz", "-e", "fetch('x')`), /neither curl nor wget/],
    ['the gateway does not wait for the bootstrap', (t) => t.replace('registry-bootstrap: { condition: service_completed_successfully }', 'registry: { condition: service_healthy }'), /gateway: must start after the first-run bootstrap/],
  ];

  it.each(mutations)('reports it when %s', (_name, mutate, expected) => {
    const broken = mutate(text);
    expect(broken).not.toBe(text);
    expect(composeProblems(broken).join('\n')).toMatch(expected);
  });
});
