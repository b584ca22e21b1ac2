#!/usr/bin/env node
// Bundles the offline explorer (GraphiQL and React from node_modules) into dist/explorer/explorer.{js,css},
// which the gateway and the registry serve at /explorer-assets. Part of `npm run build` and `npm start`;
// skipped when the bundle is newer than its source and the lockfile.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const ENTRY = path.join(root, 'schema/http/explorer/explorer-app.jsx');
const OUT_DIR = path.join(root, 'dist/explorer');
const OUTPUTS = ['explorer.js', 'explorer.css'].map((file) => path.join(OUT_DIR, file));
const INPUTS = [ENTRY, path.join(root, 'package-lock.json'), __filename];

function upToDate() {
  if (!OUTPUTS.every((file) => fs.existsSync(file))) return false;
  const built = Math.min(...OUTPUTS.map((file) => fs.statSync(file).mtimeMs));
  return INPUTS.every((file) => fs.statSync(file).mtimeMs <= built);
}

function buildExplorer({ force = false } = {}) {
  if (!force && upToDate()) return;
  // a dev dependency: the production image copies dist/ from the build stage
  require('esbuild').buildSync({
    entryPoints: { explorer: ENTRY },
    outdir: OUT_DIR,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    // fonts and icons inside the stylesheet, so the page asks for nothing but its two files
    loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    legalComments: 'eof',
    logLevel: 'warning',
  });
}

if (require.main === module) buildExplorer({ force: process.argv.includes('--force') });

module.exports = { buildExplorer };
