import path from 'node:path';
import { repositoryRoot } from '../../schema/runtime/repository-root';
import { BOSTON_CATEGORIES, read311File, type TicketSeed } from './import-311';


/**
 * Where the Boston 311 extracts live: the first 150 rows of each file are
 * vendored in seeds/data/311 so a fresh clone seeds without anything beside it;
 * SEED_311_DIR points at the full files (e.g. ../shared/data/311).
 */
export function boston311Dir(env = process.env): string {
  return env.SEED_311_DIR ? path.resolve(env.SEED_311_DIR) : path.join(repositoryRoot(), 'seeds/data/311');
}

/** Up to `total` real tickets, an even share from each Boston case type, oldest first. */
export function sampleTickets(total: number, dir = boston311Dir()): TicketSeed[] {
  const files = Object.keys(BOSTON_CATEGORIES);
  const perFile = Math.ceil(total / files.length);
  return files
    .flatMap((caseType) => read311File(path.join(dir, `boston_${caseType}.csv`), { limit: perFile }))
    .slice(0, total)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}
