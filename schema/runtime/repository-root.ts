import fs from 'node:fs';
import path from 'node:path';

/** schema/ is also this package; its package.json marks the contract, not the repository that uses it. */
const PLATFORM_PACKAGE = '@hotline-12345/platform';

function isRepositoryManifest(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  try {
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string }).name !== PLATFORM_PACKAGE;
  } catch {
    return true;
  }
}

/**
 * The repository root, from source or from a build (dist/…, dist/bench/…) alike,
 * and from the platform package installed in a department's own repository: the
 * nearest folder holding a package.json other than the platform's.
 */
export function repositoryRoot(from = __dirname): string {
  let dir = from;
  while (!isRepositoryManifest(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
