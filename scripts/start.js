#!/usr/bin/env node
// One command for the whole federation: build, migrate and seed the databases, start the schema registry
// and every subgraph, register them in the registry on a first run, then start the gateway, which follows
// the registry. A service that crashes is restarted with back-off while the others keep serving; Ctrl-C
// (or SIGTERM) stops them all.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ExponentialBackoff } = require('cockatiel');
const { root, DEPARTMENTS, SUBGRAPHS, port, entry, build } = require('./services');

/** A service that stayed up this long is healthy again: its next crash starts the back-off from the beginning. */
const STABLE_MS = 60_000;
const STOP_GRACE_MS = 5_000;
const services = new Map();
let stopping = false;

function log(message) {
  console.log(`[start] ${message}`);
}

/** Runs a one-off step; before any service starts a failure may just exit, afterwards it must stop them first. */
function runToEnd(args, env = process.env) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw Object.assign(new Error(`${args.join(' ')} failed`), { exitCode: result.status || 1 });
}

function migrateAndSeed() {
  log(process.env.DATABASE_URL ? 'migrating and seeding the databases on DATABASE_URL…' : 'migrating and seeding the embedded SQLite databases under ./data …');
  runToEnd(['scripts/migrate.js', '--no-build']);
  runToEnd(['dist/seeds/main.js']);
  for (const name of DEPARTMENTS) if (fs.existsSync(path.join(root, 'dist', 'seeds', `${name}.seed.js`))) runToEnd([`dist/seeds/${name}.seed.js`]);
}

/** A first run finds the registry empty: register what runs now, so the gateway has a supergraph to follow. */
function bootstrapRegistry() {
  const extra = DEPARTMENTS.map((name) => `${name}=${process.env[`${name.toUpperCase()}_URL`] || `http://127.0.0.1:${port(name)}`}`);
  runToEnd(['dist/registry/src/bootstrap-from-running.js', ...extra]);
}

/** Starts a service and keeps it running: a crash is logged and followed by a restart after a growing pause. */
function supervise(name, env) {
  const service = { name, env, child: null, backoff: null, startedAt: 0, restartTimer: null };
  services.set(name, service);
  const launch = () => {
    service.startedAt = Date.now();
    // the migrate step already ran: services start on an account that need not change tables
    const child = spawn(process.execPath, ['--enable-source-maps', entry(name)], { cwd: root, stdio: 'inherit', env: { MIGRATE_ON_START: 'false', ...env } });
    service.child = child;
    child.on('exit', (code, signal) => {
      service.child = null;
      if (stopping) return;
      if (Date.now() - service.startedAt > STABLE_MS) service.backoff = null;
      service.backoff = service.backoff ? service.backoff.next({ attempt: 0 }) : new ExponentialBackoff({ initialDelay: 500, maxDelay: 30_000 }).next({ attempt: 0 });
      const delay = Math.round(service.backoff.duration);
      log(`${name} exited (${signal || `code ${code}`}); restarting in ${delay} ms, the others keep serving`);
      service.restartTimer = setTimeout(launch, delay);
    });
  };
  launch();
}

async function waitReady(name, timeoutMs = 60_000) {
  const url = `http://127.0.0.1:${port(name)}/readyz`;
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
  throw new Error(`${name} did not become ready at ${url}`);
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  for (const service of services.values()) {
    clearTimeout(service.restartTimer);
    service.child?.kill('SIGTERM');
  }
  // every service exits within its own 2 s deadline; this is only for one that is frozen (SIGSTOP) or worse
  const force = setTimeout(() => {
    for (const service of services.values()) service.child?.kill('SIGKILL');
  }, STOP_GRACE_MS);
  const check = setInterval(() => {
    if ([...services.values()].every((service) => !service.child)) {
      clearInterval(check);
      clearTimeout(force);
      process.exit(exitCode);
    }
  }, 50);
}

async function main() {
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
  log('building (only what changed)…');
  build();
  migrateAndSeed();
  supervise('registry', process.env);
  await waitReady('registry');
  for (const name of SUBGRAPHS) supervise(name, process.env);
  await Promise.all(SUBGRAPHS.map((name) => waitReady(name)));
  bootstrapRegistry();
  const registryUrl = process.env.REGISTRY_URL || `http://127.0.0.1:${port('registry')}`;
  supervise('gateway', { ...process.env, REGISTRY_URL: registryUrl });
  await waitReady('gateway');
  log(`ready: open http://127.0.0.1:${port('gateway')}/graphql  (Ctrl-C stops everything)`);
  log('a development token for it: npm run -s token -- --role operator');
  log(`the schema registry: ${registryUrl}/graphql; publish a department with npm run subgraph -- publish …`);
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  if (services.size) stop(error.exitCode || 1);
  else process.exit(error.exitCode || 1);
});
