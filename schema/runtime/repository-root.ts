import fs from 'node:fs';
import path from 'node:path';

/** The repository root, from source or from a build (dist/…, dist/bench/…) alike: the nearest folder holding package.json. */
export function repositoryRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}
