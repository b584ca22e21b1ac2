// A standalone department's package-lock.json, cut from the monorepo's: the same resolved tree (the exact
// stack the platform is tested with), and, since npm then needs no registry metadata, an install that
// works offline from the npm cache the monorepo's own install filled.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Where node would find `name` from the package installed at `from` (a lockfile path), as npm laid it out. */
function resolveIn(packages, from, name) {
  for (let dir = from; ; dir = dir.includes('/node_modules/') ? dir.slice(0, dir.lastIndexOf('/node_modules/')) : '') {
    const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!dir) return undefined;
  }
}

/** Every lockfile path reachable from `roots` (names), following dependencies and the peers the monorepo installed. */
function reachable(packages, roots) {
  const seen = new Set();
  const visit = (from, name, optional) => {
    const found = resolveIn(packages, from, name);
    if (!found) {
      if (optional) return;
      throw new Error(`the monorepo's lockfile has no ${name} (needed from ${from || 'the root'})`);
    }
    if (seen.has(found)) return;
    seen.add(found);
    const entry = packages[found];
    for (const dependency of Object.keys(entry.dependencies ?? {})) visit(found, dependency, false);
    for (const dependency of Object.keys(entry.optionalDependencies ?? {})) visit(found, dependency, true);
    // a peer the monorepo did not install (an optional driver, say) is not installed here either
    for (const peer of Object.keys(entry.peerDependencies ?? {})) visit(found, peer, true);
  };
  for (const name of roots) visit('', name, false);
  return seen;
}

/**
 * The lockfile for `manifest` (the generated package.json): its registry packages from the monorepo's
 * lockfile, and the platform from its tarball (`platformTarball`, relative to the repository).
 */
function standaloneLockfile({ monorepoLock, manifest, platformManifest, repoDir, platformTarball }) {
  const packages = monorepoLock.packages;
  const platformName = platformManifest.name;
  const registryRoots = [
    ...Object.keys(manifest.dependencies),
    ...Object.keys(manifest.devDependencies),
    ...Object.keys(platformManifest.dependencies),
  ].filter((name) => name !== platformName);
  const locked = {};
  for (const at of [...reachable(packages, registryRoots)].sort()) {
    // npm works the dev/optional flags out again for this tree; the monorepo's would be wrong here
    const { dev, devOptional, peer, ...entry } = packages[at];
    locked[at] = entry;
  }
  const tarball = fs.readFileSync(path.join(repoDir, platformTarball));
  locked[`node_modules/${platformName}`] = {
    version: platformManifest.version,
    resolved: `file:${platformTarball}`,
    integrity: `sha512-${crypto.createHash('sha512').update(tarball).digest('base64')}`,
    license: platformManifest.license,
    dependencies: platformManifest.dependencies,
    bin: platformManifest.bin,
    engines: platformManifest.engines,
    peerDependencies: platformManifest.peerDependencies,
    peerDependenciesMeta: platformManifest.peerDependenciesMeta,
  };
  const { name, version, dependencies, devDependencies } = manifest;
  return {
    name,
    version,
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name, version, dependencies, devDependencies }, ...locked },
  };
}

module.exports = { standaloneLockfile };
