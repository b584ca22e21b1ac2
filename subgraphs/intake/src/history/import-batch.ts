import type { DataSource } from 'typeorm';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { Department } from '../department/department.entity';
import { type Catalogue, type HistoryRecord, recordProblems } from './history-record';
import { importRecord } from './import-record';

export interface CatalogueWithOwners extends Catalogue {
  departmentOf(categoryCode: string): string | null | undefined;
}

/** The catalogue as it stands, read once per import: records are checked against it. */
export async function readCatalogue(dataSource: DataSource): Promise<CatalogueWithOwners> {
  const categories = await dataSource.getRepository(Category).find();
  const departments = await dataSource.getRepository(Department).find();
  const owners = new Map(categories.map((category) => [category.code, category.departmentCode]));
  return { categories: new Set(owners.keys()), departments: new Set(departments.map((department) => department.code)), departmentOf: (code) => owners.get(code) };
}

export interface BatchOutcome {
  imported: Array<{ index: number; sourceId: string; ticketId: string; number: string }>;
  already: Array<{ index: number; sourceId: string; ticketId: string }>;
  rejected: Array<{ index: number; sourceId: string | null; problems: string[] }>;
}

/**
 * Imports what passes the checks, each record in its own transaction (one bad
 * record never undoes the others), and names every problem of the rest.
 * `extraProblems` are the mapping's own findings per record (words no mapping translates).
 */
export async function importBatch(
  context: IntakeContext,
  sourceSystem: string,
  records: HistoryRecord[],
  catalogue: Catalogue,
  extraProblems: string[][] = [],
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { imported: [], already: [], rejected: [] };
  for (const [index, record] of records.entries()) {
    const problems = [...(extraProblems[index] ?? []), ...recordProblems(record, catalogue)];
    if (problems.length) {
      outcome.rejected.push({ index, sourceId: record.sourceId || null, problems });
      continue;
    }
    const done = await importRecord(context, sourceSystem, record);
    if (done.kind === 'imported') outcome.imported.push({ index, sourceId: record.sourceId, ticketId: done.ticketId, number: done.number });
    else outcome.already.push({ index, sourceId: record.sourceId, ticketId: done.ticketId });
  }
  return outcome;
}
