#!/usr/bin/env node
// Builds the web console (console/ → console/dist/, served by the gateway at /) when its sources, the
// client schema or the lockfile are newer than the last build: npm start and the browser tests call it;
// a current build costs one directory walk.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'console/dist/index.html');
const inputs = ['console/src', 'console/index.html', 'console/vite.config.mts', 'schema/client/client-schema.graphql', 'package-lock.json'];

function newest(file) {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(file).filter((name) => name !== 'generated').map((name) => newest(path.join(file, name))));
}

async function buildConsole({ force = false } = {}) {
  const built = newest(dist);
  if (!force && built > 0 && inputs.every((input) => newest(path.join(root, input)) < built)) return;
  await require('./console-codegen').generate();
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin/vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'console/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`console build failed (exit ${result.status})`);
}

module.exports = { buildConsole };
if (require.main === module) {
  buildConsole({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(error.message ?? error);
    process.exit(1);
  });
}
