#!/usr/bin/env node
// npm test: the whole suite in two phases. First everything else on TEST_WORKERS jest workers (default 2, the CI
// machine's cores): most suites wait on services starting, migrations and MariaDB, so two run side by side in
// little more than the time of one. Then, one at a time, the suites that time things or kill processes against
// deadlines (SIGSTOP/SIGKILL faults, clean stops within 2 s, rate windows, the browser), where a neighbour's load
// would be measured with them. The compiled services are built once before either phase, so no two workers
// rebuild dist/ under each other's child processes. `npm test -- <pattern…>` runs the matching suites in band.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const SERIAL = [
  'tests/browser/',
  'tests/e2e/clean-stop',
  'tests/e2e/gateway-isolation',
  'tests/e2e/database-outage',
  'tests/e2e/oversight-fault',
  'tests/e2e/observability-tracing',
  'tests/e2e/audit-delivery',
  'tests/e2e/ticket-number-blocks',
  'tests/e2e/security-rate-limits',
  'tests/e2e/abuse-limits',
];
const jest = require.resolve('jest/bin/jest');
const run = (args) => spawnSync(process.execPath, [jest, ...args], { cwd: root, stdio: 'inherit' }).status ?? 1;

const given = process.argv.slice(2);
if (given.length > 0) process.exit(run(['--runInBand', ...given]));

const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const workers = process.env.TEST_WORKERS || '2';
const started = Date.now();
const parallel = run([`--maxWorkers=${workers}`, '--testPathIgnorePatterns', '/node_modules/', ...SERIAL]);
const serial = run(['--runInBand', ...SERIAL]);
console.log(`npm test: ${Math.round((Date.now() - started) / 1000)} s (${workers} workers, then ${SERIAL.length} serial patterns); ${parallel === 0 && serial === 0 ? 'all passed' : 'FAILED'}`);
process.exit(parallel || serial);
