#!/usr/bin/env node
// One command for the whole federation: build, prepare and seed the databases, start the schema registry and
// every subgraph, register them in the registry on a first run, then start the gateway, which follows the
// registry; Ctrl-C stops them all cleanly.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const PLATFORM_SUBGRAPHS = ['intake', 'water', 'streetlight', 'transit', 'audit'];
const DEFAULT_PORTS = { gateway: 4000, intake: 4001, water: 4002, streetlight: 4003, transit: 4004, audit: 4005, registry: 4010 };

/** Departments scaffolded with `npm run new-department` run too; their config.ts holds their default port. */
function newDepartments() {
  return fs
    .readdirSync(path.join(root, 'subgraphs'))
    .filter((name) => !PLATFORM_SUBGRAPHS.includes(name) && fs.existsSync(path.join(root, 'subgraphs', name, 'src', 'main.ts')))
    .map((name) => {
      const config = fs.readFileSync(path.join(root, 'subgraphs', name, 'src', 'config.ts'), 'utf8');
      const match = /readDepartmentConfig\('[^']+',\s*(\d+)/.exec(config);
      if (match) DEFAULT_PORTS[name] = Number(match[1]);
      return name;
    });
}

const DEPARTMENTS = newDepartments();
const SUBGRAPHS = [...PLATFORM_SUBGRAPHS, ...DEPARTMENTS];
const port = (name) => Number(process.env[`${name.toUpperCase()}_PORT`] || DEFAULT_PORTS[name]);
const children = new Map();
let stopping = false;

function log(message) {
  console.log(`[start] ${message}`);
}

function build() {
  log('building (incremental)…');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status || 1);
}

/** Runs a one-off step; before any service starts a failure may just exit, afterwards it must stop them first. */
function runToEnd(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw Object.assign(new Error(`${args[0]} failed`), { exitCode: result.status || 1 });
}

function seed() {
  log(process.env.DATABASE_URL ? 'preparing databases on DATABASE_URL…' : 'preparing embedded SQLite databases under ./data …');
  runToEnd(['dist/seeds/main.js']);
  for (const name of DEPARTMENTS) if (fs.existsSync(path.join(root, 'dist', 'seeds', `${name}.seed.js`))) runToEnd([`dist/seeds/${name}.seed.js`]);
}

/** A first run finds the registry empty: register what runs now, so the gateway has a supergraph to follow. */
function bootstrapRegistry() {
  const extra = DEPARTMENTS.map((name) => `${name}=${process.env[`${name.toUpperCase()}_URL`] || `http://127.0.0.1:${port(name)}`}`);
  runToEnd(['dist/gateway/src/supergraph/bootstrap-from-running.js', ...extra]);
}

function startService(name, entry, env = process.env) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { cwd: root, stdio: 'inherit', env });
  children.set(name, child);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      log(`${name} exited unexpectedly (${signal || code}); stopping everything`);
      stop(1);
    }
  });
}

async function waitHealthy(name, timeoutMs = 60000) {
  const url = `http://127.0.0.1:${port(name)}/health`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const child of children.values()) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
  }, 10000);
  const check = setInterval(() => {
    if (children.size === 0) {
      clearInterval(check);
      clearTimeout(force);
      process.exit(exitCode);
    }
  }, 100);
}

async function main() {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  build();
  seed();
  startService('registry', 'dist/registry/src/main.js');
  await waitHealthy('registry');
  for (const name of SUBGRAPHS) startService(name, `dist/subgraphs/${name}/src/main.js`);
  await Promise.all(SUBGRAPHS.map((name) => waitHealthy(name)));
  bootstrapRegistry();
  const registryUrl = process.env.REGISTRY_URL || `http://127.0.0.1:${port('registry')}`;
  startService('gateway', 'dist/gateway/src/main.js', { ...process.env, REGISTRY_URL: registryUrl });
  await waitHealthy('gateway');
  log(`ready: open http://127.0.0.1:${port('gateway')}/graphql  (Ctrl-C stops everything)`);
  log('a development token for it: npm run -s token -- --role operator');
  log(`the schema registry: ${registryUrl}/graphql; publish a department with npm run subgraph -- publish …`);
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  if (children.size) stop(error.exitCode || 1);
  else process.exit(error.exitCode || 1);
});
