// The services of a local federation: which run, on which ports, from which compiled entries.
// start.js and migrate.js both read it, so they can never disagree about what exists.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const PLATFORM_SUBGRAPHS = ['intake', 'water', 'streetlight', 'transit', 'audit', 'oversight'];
const DEFAULT_PORTS = { gateway: 4000, intake: 4001, water: 4002, streetlight: 4003, transit: 4004, audit: 4005, oversight: 4006, registry: 4010 };

/**
 * Departments scaffolded with `npm run new-department` run too; their config holds their default port. A
 * source checkout has subgraphs/<name>/src/main.ts; a production image only dist/, so look in both.
 */
function newDepartments() {
  const found = new Map();
  for (const [dir, main, config] of [
    ['subgraphs', 'main.ts', 'config.ts'],
    ['dist/subgraphs', 'main.js', 'config.js'],
  ]) {
    if (!fs.existsSync(path.join(root, dir))) continue;
    for (const name of fs.readdirSync(path.join(root, dir))) {
      if (PLATFORM_SUBGRAPHS.includes(name) || found.has(name) || !fs.existsSync(path.join(root, dir, name, 'src', main))) continue;
      found.set(name, path.join(root, dir, name, 'src', config));
    }
  }
  return [...found].map(([name, configFile]) => {
    const match = fs.existsSync(configFile) && /readDepartmentConfig\)?\('[^']+',\s*(\d+)/.exec(fs.readFileSync(configFile, 'utf8'));
    if (match) DEFAULT_PORTS[name] = Number(match[1]);
    return name;
  });
}

const DEPARTMENTS = newDepartments();
const SUBGRAPHS = [...PLATFORM_SUBGRAPHS, ...DEPARTMENTS];

const port = (name) => Number(process.env[`${name.toUpperCase()}_PORT`] || DEFAULT_PORTS[name]);

/** The compiled entry of a service (tsc -p tsconfig.build.json writes dist/). */
function entry(name) {
  if (name === 'gateway') return 'dist/gateway/src/main.js';
  if (name === 'registry') return 'dist/registry/src/main.js';
  return `dist/subgraphs/${name}/src/main.js`;
}

/** `tsc -b` checks timestamps first: half a second when nothing changed, a full build when something did. */
function build() {
  const { spawnSync } = require('node:child_process');
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status || 1);
  // the console the gateway serves at / (a no-op when its build is current)
  if (spawnSync(process.execPath, [path.join(__dirname, 'build-console.js')], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
  require('./build-explorer').buildExplorer();
}

module.exports = { root, PLATFORM_SUBGRAPHS, DEPARTMENTS, SUBGRAPHS, port, entry, build };
