// `npm run report -- --kind monthly --period 2026-11 [--format html|csv] [--out FILE]`
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BadInputError } from '../../../../schema/errors';
import { readOversightConfig } from '../config';
import { openOversightDataSource } from '../data-source';
import { exportReport } from './export-report';
import { ReportFormat, ReportKind } from './report-kind';
import { CENTRE_SCOPE } from './report-scope';

const USAGE = 'usage: npm run report -- --kind weekly|monthly|quarterly --period 2026-W47|2026-11|2026-Q4 [--format html|csv] [--out FILE]';
/** Exit codes: 0 the file is written; 2 the command or its period is wrong (nothing read); 1 anything else (the database, the file). */
const BAD_USAGE = 2;

const usage = (problem: string) => {
  console.error(`[report] ${problem}\n${USAGE}`);
  return BAD_USAGE;
};

/**
 * Writes a report from oversight's own database, as the centre sees it: whoever
 * holds the database settings holds every figure anyway. The same code as
 * `exportOversightReport`, run where oversight runs
 * (`kubectl exec deploy/oversight -- node dist/subgraphs/oversight/src/report/report-main.js …`).
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { kind: { type: 'string' }, period: { type: 'string' }, format: { type: 'string', default: 'html' }, out: { type: 'string' } } });
  const kind = values.kind?.toUpperCase() as ReportKind | undefined;
  const format = values.format?.toUpperCase() as ReportFormat;
  if (!kind || !Object.values(ReportKind).includes(kind)) return usage(`--kind must be weekly, monthly or quarterly, not ${values.kind ?? 'nothing'}`);
  if (!Object.values(ReportFormat).includes(format)) return usage(`--format must be html or csv, not ${values.format}`);
  if (!values.period) return usage('--period is required');
  const config = readOversightConfig();
  const { dataSource } = await openOversightDataSource({ ...config.database, migrate: false });
  try {
    const file = await exportReport(dataSource, { kind, period: values.period, format, scope: CENTRE_SCOPE, timeZone: config.timeZone });
    const out = path.resolve(values.out ?? file.filename);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, file.content);
    console.log(`[report] wrote ${out} (${Buffer.byteLength(file.content)} bytes, ${file.contentType})`);
    return 0;
  } catch (error) {
    if (error instanceof BadInputError) return usage(error.message);
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('[report] failed:', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
