#!/usr/bin/env node
// npm run platform:pack [-- DIR]: compiles the platform contract (schema/tsconfig.build.json) and packs it
// with npm pack, as a department outside this repository installs it; prints the tarball's path.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const schemaDir = path.join(root, 'schema');

/** Builds schema/dist afresh (a stale file of an earlier build would be packed too) and packs it into `destination`. */
function packPlatform(destination = path.join(root, 'dist', 'platform')) {
  fs.rmSync(path.join(schemaDir, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(schemaDir, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
  fs.mkdirSync(destination, { recursive: true });
  const packed = JSON.parse(execFileSync('npm', ['pack', schemaDir, '--pack-destination', destination, '--json', '--silent'], { cwd: root, encoding: 'utf8' }));
  return path.join(destination, packed[0].filename);
}

module.exports = { packPlatform };

if (require.main === module) console.log(packPlatform(process.argv[2] && path.resolve(process.argv[2])));
