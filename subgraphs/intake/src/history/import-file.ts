import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import type { DataSource } from 'typeorm';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeConfig } from '../config';
import { createIntakeContext } from '../context';
import { type ColumnMapping, mapRow } from './column-mapping';
import type { HistoryRecord } from './history-record';
import { importBatch, readCatalogue } from './import-batch';

export interface ImportSummary {
  rows: number;
  imported: number;
  already: number;
  rejected: number;
  seconds: number;
}

const BATCH = 200;

/**
 * Reads a source's CSV export row by row (an archive of millions does not fit
 * in memory), maps each row (column-mapping.ts), imports what passes the checks
 * and writes the rest to `rejectsFile` with the row's own cells and every reason,
 * showing progress by bytes read. Safe to run again: rows already imported are skipped.
 */
export async function importCsvFile(
  dataSource: DataSource,
  config: IntakeConfig,
  options: { file: string; mapping: ColumnMapping; rejectsFile: string; progress?: boolean; log?: (line: string) => void },
): Promise<ImportSummary> {
  const started = Date.now();
  const catalogue = await readCatalogue(dataSource);
  const context = createIntakeContext(
    { requestId: `import-${randomUUID()}`, actor: { id: `import:${options.mapping.sourceSystem}`, roles: [Role.SYSTEM_ADMIN] } },
    dataSource,
    config,
  );
  const size = fs.statSync(options.file).size;
  const bar = options.progress ? new SingleBar({ format: 'importing {bar} {percentage}% | {rows} rows | {imported} new, {already} already, {rejected} rejected', hideCursor: true }) : null;
  bar?.start(size, 0, { rows: 0, imported: 0, already: 0, rejected: 0 });
  const rejects = fs.openSync(options.rejectsFile, 'w');
  const summary: ImportSummary = { rows: 0, imported: 0, already: 0, rejected: 0, seconds: 0 };
  let header: string[] | null = null;
  let pending: Array<{ row: Record<string, string>; record: HistoryRecord; problems: string[] }> = [];

  const flush = async (bytes: number) => {
    const batch = pending;
    pending = [];
    const outcome = await importBatch(context, options.mapping.sourceSystem, batch.map((item) => item.record), catalogue, batch.map((item) => item.problems));
    summary.imported += outcome.imported.length;
    summary.already += outcome.already.length;
    summary.rejected += outcome.rejected.length;
    for (const refusal of outcome.rejected) {
      const { row } = batch[refusal.index];
      if (!header) {
        header = [...Object.keys(row), 'rejected_because'];
        fs.writeSync(rejects, stringify([header]));
      }
      fs.writeSync(rejects, stringify([[...Object.values(row), refusal.problems.join('; ')]]));
    }
    bar?.update(bytes, { rows: summary.rows, imported: summary.imported, already: summary.already, rejected: summary.rejected });
  };

  try {
    const parser = fs.createReadStream(options.file).pipe(parse({ columns: true, skip_empty_lines: true, bom: true, relax_column_count: true, info: true }));
    for await (const { record: row, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { bytes: number } }>) {
      summary.rows += 1;
      const mapped = mapRow(row, options.mapping, { timeZone: config.timeZone, departmentOf: catalogue.departmentOf });
      pending.push({ row, ...mapped });
      if (pending.length >= BATCH) await flush(info.bytes);
    }
    if (pending.length) await flush(size);
  } finally {
    fs.closeSync(rejects);
    bar?.stop();
  }
  summary.seconds = (Date.now() - started) / 1000;
  if (summary.rejected === 0) fs.rmSync(options.rejectsFile, { force: true });
  return summary;
}
