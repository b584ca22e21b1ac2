// `npm run import -- --format csv --mapping seeds/import/boston-311.mapping.json FILE [--rejects FILE]`
import 'reflect-metadata';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readIntakeConfig } from '../config';
import { openIntakeDataSource } from '../data-source';
import { readColumnMapping } from './column-mapping';
import { importCsvFile } from './import-file';

const USAGE = 'usage: npm run import -- --format csv --mapping MAPPING.json FILE.csv [--rejects REJECTED.csv] [--no-progress]';

/**
 * Brings an old hotline's history into intake's database, where intake runs
 * (`kubectl exec deploy/intake -- node dist/subgraphs/intake/src/history/import-main.js …`):
 * the events it writes go out through intake's outbox like any other, so the
 * audit trail and the oversight figures get them, at their original times.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { format: { type: 'string', default: 'csv' }, mapping: { type: 'string' }, rejects: { type: 'string' }, 'no-progress': { type: 'boolean' } },
    allowPositionals: true,
  });
  if (values.format !== 'csv') return usage(`--format ${values.format}: only csv is read`);
  if (!values.mapping) return usage('--mapping is required (seeds/import/ has the 311 formats)');
  if (positionals.length !== 1) return usage('give exactly one file to import');
  const file = positionals[0];
  const mapping = readColumnMapping(values.mapping);
  const rejectsFile = values.rejects ?? path.join(path.dirname(file), `${path.basename(file, path.extname(file))}.rejected.csv`);
  const config = readIntakeConfig();
  const { dataSource } = await openIntakeDataSource(config.database);
  try {
    const summary = await importCsvFile(dataSource, config, { file, mapping, rejectsFile, progress: !values['no-progress'] && process.stderr.isTTY });
    console.log(
      `[import] ${summary.rows} rows from ${file} as ${mapping.sourceSystem}: ${summary.imported} imported, ${summary.already} already there, ` +
        `${summary.rejected} rejected${summary.rejected ? ` (reasons in ${rejectsFile})` : ''}; ${summary.seconds.toFixed(1)} s, ${Math.round(summary.rows / Math.max(summary.seconds, 0.001))} rows/s`,
    );
    return summary.rejected ? 3 : 0;
  } finally {
    await dataSource.destroy();
  }
}

function usage(problem: string): number {
  console.error(`[import] ${problem}\n${USAGE}`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[import] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
