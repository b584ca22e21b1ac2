#!/usr/bin/env node
// One command for the whole federation: build, prepare and seed the databases,
// start every subgraph and then the gateway; Ctrl-C stops them all cleanly.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const SUBGRAPHS = ['intake', 'water', 'streetlight', 'transit', 'audit'];
const DEFAULT_PORTS = { gateway: 4000, intake: 4001, water: 4002, streetlight: 4003, transit: 4004, audit: 4005 };
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

function seed() {
  log(process.env.DATABASE_URL ? 'preparing databases on DATABASE_URL…' : 'preparing embedded SQLite databases under ./data …');
  const result = spawnSync(process.execPath, ['dist/seeds/main.js'], { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status || 1);
}

function startService(name, entry) {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { cwd: root, stdio: 'inherit', env: process.env });
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
  for (const name of SUBGRAPHS) startService(name, `dist/subgraphs/${name}/src/main.js`);
  await Promise.all(SUBGRAPHS.map((name) => waitHealthy(name)));
  startService('gateway', 'dist/gateway/src/main.js');
  await waitHealthy('gateway');
  log(`ready: open http://127.0.0.1:${port('gateway')}/graphql  (Ctrl-C stops everything)`);
  log('a development token for it: npm run -s token -- --role operator');
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  stop(1);
});
