#!/usr/bin/env node
// npm run migrate: every service's migrations, each by its own entry (`main.js migrate`), so the step a
// deployment runs as a job is exactly what runs here. Each holds a database lock while it migrates.
'use strict';
const { spawn } = require('node:child_process');
const { root, SUBGRAPHS, entry, build } = require('./services');

function migrate(name) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry(name), 'migrate'], { cwd: root, stdio: 'inherit', env: process.env });
    child.on('exit', (code) => resolve({ name, code }));
  });
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const results = await Promise.all(['registry', ...SUBGRAPHS].map(migrate));
  const failed = results.filter((result) => result.code !== 0);
  for (const { name, code } of failed) console.error(`[migrate] ${name} failed (exit ${code})`);
  process.exit(failed.length ? 1 : 0);
}

main();
