import fs from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from '../../schema/runtime/repository-root';

/** The nodes `npm run cluster:galera` runs, read from its own description so the tests and the script agree. */
export interface GaleraNode {
  name: string;
  sqlPort: number;
  pidFile: string;
}

// from the repository root: this file also runs compiled, from dist/bench
// eslint-disable-next-line @typescript-eslint/no-require-imports
const script = require(path.join(repositoryRoot(), 'scripts/cluster/galera-nodes.js')) as { nodes(): GaleraNode[]; clusterUrl(): string };

export const galeraNodes = (): GaleraNode[] => script.nodes();
export const galeraUrl = (): string => script.clusterUrl();

export function nodePid(node: GaleraNode): number {
  return Number(fs.readFileSync(node.pidFile, 'utf8').trim());
}
