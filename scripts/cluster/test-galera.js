#!/usr/bin/env node
// npm run test:galera: starts the 3-node cluster if it is not up, runs the Galera subset of the tests with
// TEST_DATABASE_URL naming every node, and stops the cluster again if it started it (so CI leaves nothing running).
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { root } = require('../services');
const { clusterUrl } = require('./galera-nodes');

const cluster = (command) => spawnSync(process.execPath, [path.join(__dirname, 'galera.js'), command], { stdio: 'inherit' }).status;

const wasUp = spawnSync(process.execPath, [path.join(__dirname, 'galera.js'), 'status'], { stdio: 'ignore' }).status === 0;
if (!wasUp && cluster('start') !== 0) process.exit(1);
const jest = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', '-c', 'tests/galera/jest.config.js', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: clusterUrl() },
});
if (!wasUp) cluster('stop');
process.exit(jest.status ?? 1);
