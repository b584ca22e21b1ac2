import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { shiftedCityTime } from '../../seeds/intake/shifted-city-time';
import type { FeedFollower } from '../../subgraphs/oversight/src/feed/feed-follower';
import { readIntakeConfig } from '../../subgraphs/intake/src/config';
import { readColumnMapping } from '../../subgraphs/intake/src/history/column-mapping';
import { importCsvFile } from '../../subgraphs/intake/src/history/import-file';
import { drainIntoOversight, followerFor } from '../support/oversight/follow-feed';
import { type Stack, startStack } from '../support/stack';

/**
 * Issue 11's acceptance: Boston's real 311 rows, imported with the shipped
 * mapping (`npm run import`'s code), give per-department counts and on-time
 * shares that equal a recomputation straight from the CSV rows. The CSV side
 * reads only the rows and the centre's category catalogue (through the API):
 * a department receives each row of the categories it owns; a closed row is
 * on time when closed by its target date, late otherwise; an open row whose
 * target date has passed is overdue. The Watermain file is left out: its rows
 * carry no target date, so intake computes one from the working calendar,
 * which a recomputation from the rows cannot.
 */
const ROOT = path.resolve(__dirname, '../..');
const DATA = path.join(ROOT, 'seeds/data/311');
const FILES = fs.readdirSync(DATA).filter((name) => /^boston_.*\.csv$/.test(name) && name !== 'boston_Watermain_Break.csv');
const MAPPING_FILE = path.join(ROOT, 'seeds/import/boston-311.mapping.json');
const PERIOD = { kind: 'CUSTOM', date: '2025-01-01', until: '2027-12-31' };

let stack: Stack;
let follower: FeedFollower;
let dir: string;
beforeAll(async () => {
  stack = await startStack({ relay: true });
  follower = followerFor(stack, 500);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-311-'));
  const mapping = readColumnMapping(MAPPING_FILE);
  for (const file of FILES) {
    const summary = await importCsvFile(stack.subgraphs.intake.data.dataSource, { ...readIntakeConfig({}), database: stack.database }, { file: path.join(DATA, file), mapping, rejectsFile: path.join(dir, `${file}.rejected.csv`) });
    expect(summary.rejected).toBe(0);
  }
  await drainIntoOversight(stack, follower, 120);
}, 180_000);
afterAll(async () => {
  await stack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Expected {
  received: number;
  onTime: number;
  overdue: number;
}

/** The figures, from the rows alone. */
async function fromCsv(): Promise<Map<string, Expected>> {
  const mapping = JSON.parse(fs.readFileSync(MAPPING_FILE, 'utf8')) as { fields: { categoryCode: { values: Record<string, string> } } };
  const categories = (await stack.graphql('{ categories { code departmentCode } }', {}, { as: 'operator' })).body.data.categories as Array<{ code: string; departmentCode: string }>;
  const departmentOf = (type: string) => categories.find((category) => category.code === mapping.fields.categoryCode.values[type])!.departmentCode;
  const now = Date.now();
  const expected = new Map<string, Expected>();
  for (const file of FILES) {
    for (const row of parse(fs.readFileSync(path.join(DATA, file)), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[]) {
      const figures = expected.get(departmentOf(row.TYPE)) ?? { received: 0, onTime: 0, overdue: 0 };
      figures.received += 1;
      const target = shiftedCityTime(row.TARGET_DT)!.getTime();
      if (row.CASE_STATUS === 'Closed') figures[shiftedCityTime(row.CLOSED_DT)!.getTime() <= target ? 'onTime' : 'overdue'] += 1;
      else if (target < now) figures.overdue += 1;
      expected.set(departmentOf(row.TYPE), figures);
    }
  }
  return expected;
}

describe("Boston's 311 rows, imported with the shipped mapping", () => {
  it('give per-department counts and on-time shares equal to a recomputation from the rows', async () => {
    const expected = await fromCsv();
    // lamps, trees and dead animals belong to three departments of the catalogue
    expect([...expected.keys()].sort()).toEqual(['construction', 'parks', 'streetlight']);
    for (const [departmentCode, figures] of expected) {
      const response = await stack.graphql(
        'query ($code: String!, $period: PeriodInput!) { departmentPerformance(departmentCode: $code, period: $period) { figures { received onTime overdue onTimeRate { numerator denominator value } } } }',
        { code: departmentCode, period: PERIOD },
        { as: 'supervisor' },
      );
      expect(response.body.errors).toBeUndefined();
      const { figures: actual } = response.body.data.departmentPerformance;
      expect({ departmentCode, received: actual.received, onTime: actual.onTime, overdue: actual.overdue }).toEqual({ departmentCode, ...figures });
      expect(actual.onTimeRate).toEqual({ numerator: figures.onTime, denominator: figures.onTime + figures.overdue, value: figures.onTime / (figures.onTime + figures.overdue) });
    }
  });
});
