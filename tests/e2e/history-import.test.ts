import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { shiftedCityTime } from '../../seeds/intake/shifted-city-time';
import { readIntakeConfig } from '../../subgraphs/intake/src/config';
import { readColumnMapping } from '../../subgraphs/intake/src/history/column-mapping';
import { importCsvFile } from '../../subgraphs/intake/src/history/import-file';
import { buildOnce } from '../support/process-stack';
import { ServiceProcess } from '../support/service-process';
import { type Stack, startStack } from '../support/stack';

/** Issue 11, item 6: a city that merges old hotlines brings their history in, with its original times. */
const ROOT = path.resolve(__dirname, '../..');
const BOSTON = path.join(ROOT, 'seeds/data/311/boston_Street_Light_Knock_Downs.csv');
const NYC = path.join(ROOT, 'seeds/data/311/nyc_twosix.csv');
const BOSTON_MAPPING = path.join(ROOT, 'seeds/import/boston-311.mapping.json');
const NYC_MAPPING = path.join(ROOT, 'seeds/import/nyc-311.mapping.json');

let stack: Stack;
let dir: string;
beforeAll(async () => {
  stack = await startStack();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-import-'));
});
afterAll(async () => {
  await stack?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const intake = () => stack.subgraphs.intake.data.dataSource;
const config = () => ({ ...readIntakeConfig({}), database: stack.database });
const rows = (file: string): Record<string, string>[] => parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, bom: true });

describe('npm run import', () => {
  it('brings Boston history in with its original times, statuses, assignments and results, once', async () => {
    const source = rows(BOSTON);
    const rejectsFile = path.join(dir, 'boston.rejected.csv');
    const first = await importCsvFile(intake(), config(), { file: BOSTON, mapping: readColumnMapping(BOSTON_MAPPING), rejectsFile });
    expect(first).toMatchObject({ rows: source.length, imported: source.length, already: 0, rejected: 0 });
    expect(fs.existsSync(rejectsFile)).toBe(false);

    const [sample] = source.filter((row) => row.CASE_STATUS === 'Closed');
    const [{ ticketId }] = await intake().query('SELECT ticketId FROM imported_ticket WHERE sourceSystem = ? AND sourceId = ?', ['boston-311', sample.CASE_ENQUIRY_ID]);
    const response = await stack.graphql(
      'query ($id: ID!) { ticket(id: $id) { status channel createdAt closedAt content assignments { status result department { code } } } }',
      { id: ticketId },
      { as: 'operator' },
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.ticket).toMatchObject({
      status: 'CLOSED',
      channel: 'PHONE',
      createdAt: shiftedCityTime(sample.OPEN_DT)!.toISOString(),
      closedAt: shiftedCityTime(sample.CLOSED_DT)!.toISOString(),
      assignments: [{ status: 'RESULT_REPORTED', result: sample.CLOSURE_REASON, department: { code: 'streetlight' } }],
    });
    // the trail a live ticket would have, each step at the time it happened there
    const events = await intake().query('SELECT action, occurredAt FROM audit_event WHERE ticketId = ? ORDER BY occurredAt, action', [ticketId]);
    expect(events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(['ticket.created', 'ticket.dispatched', 'assignment.reportResult', 'ticket.result_reported', 'ticket.closeWithExplanation']),
    );
    const created = events.find((event: { action: string }) => event.action === 'ticket.created');
    expect(new Date(created.occurredAt).toISOString()).toBe(shiftedCityTime(sample.OPEN_DT)!.toISOString());

    const again = await importCsvFile(intake(), config(), { file: BOSTON, mapping: readColumnMapping(BOSTON_MAPPING), rejectsFile });
    expect(again).toMatchObject({ imported: 0, already: source.length, rejected: 0 });
    const [{ n }] = await intake().query("SELECT COUNT(*) AS n FROM imported_ticket WHERE sourceSystem = 'boston-311'");
    expect(Number(n)).toBe(source.length);
  });

  it('writes every row it cannot import to the rejects file with its reasons, and imports the rest', async () => {
    const source = rows(NYC);
    const rejectsFile = path.join(dir, 'nyc.rejected.csv');
    const summary = await importCsvFile(intake(), config(), { file: NYC, mapping: readColumnMapping(NYC_MAPPING), rejectsFile });
    expect(summary.rows).toBe(source.length);
    expect(summary.imported + summary.rejected).toBe(source.length);
    expect(summary.imported).toBeGreaterThan(5);
    const rejected = rows(rejectsFile);
    expect(rejected).toHaveLength(summary.rejected);
    const parking = rejected.find((row) => row['Complaint Type'] === 'Illegal Parking')!;
    expect(parking.rejected_because).toContain('categoryCode: no mapping for "Illegal Parking" in Complaint Type');
    const unknownChannel = source.find((row) => row['Open Data Channel Type'] === 'UNKNOWN')!;
    expect(rejected.find((row) => row['Unique Key'] === unknownChannel['Unique Key'])!.rejected_because).toContain('channel: no mapping for "UNKNOWN"');
    // a borough became the district the figures are filtered by
    const districts = await intake().query("SELECT DISTINCT t.district FROM ticket t JOIN imported_ticket i ON i.ticketId = t.id WHERE i.sourceSystem = 'nyc-311'");
    expect(districts.map((row: { district: string | null }) => row.district)).toEqual(expect.arrayContaining(['brooklyn']));
  });

  it('runs as a command that says what it did and exits 3 when rows were rejected', async () => {
    buildOnce();
    const rejectsFile = path.join(dir, 'cli.rejected.csv');
    const env = { PATH: process.env.PATH, NODE_ENV: 'development', DATABASE_URL: stack.database.databaseUrl, DATA_DIR: stack.database.dataDir, MIGRATE_ON_START: 'false' };
    const cli = new ServiceProcess('import', 'dist/subgraphs/intake/src/history/import-main.js', 0, env);
    const code = await cli.runToEnd(['--format', 'csv', '--mapping', NYC_MAPPING, '--rejects', rejectsFile, NYC]);
    expect(code).toBe(3);
    expect(cli.lines.join('\n')).toMatch(new RegExp(`${rows(NYC).length} rows from .* as nyc-311: 0 imported, \\d+ already there, \\d+ rejected \\(reasons in`));
    expect(await new ServiceProcess('import', 'dist/subgraphs/intake/src/history/import-main.js', 0, env).runToEnd(['--format', 'xml', NYC])).toBe(2);
  });
});

const IMPORT = `mutation ($input: ImportHistoryInput!) {
  importHistory(input: $input) { imported { index sourceId ticketId } already { sourceId } rejected { index sourceId problems } }
}`;

const closedRecord = (sourceId: string, overrides: Record<string, unknown> = {}) => ({
  sourceId,
  channel: 'PHONE',
  categoryCode: 'water_outage',
  content: '小区停水 no water (old water hotline)',
  citizenPhone: '13912345678',
  receivedAt: '2025-03-03T01:00:00.000Z',
  departmentCode: 'water',
  dispatchedAt: '2025-03-03T01:10:00.000Z',
  reportedAt: '2025-03-03T09:00:00.000Z',
  result: '已恢复供水 supply restored',
  callbackResult: 'SATISFIED',
  calledAt: '2025-03-04T02:00:00.000Z',
  ...overrides,
});

describe('importHistory (small batches, system administrators)', () => {
  it('imports the good records, names every problem of the bad ones, and is idempotent', async () => {
    const input = { sourceSystem: 'water-hotline', records: [closedRecord('W-1'), closedRecord('W-2', { categoryCode: 'nope', reportedAt: '2025-03-01T00:00:00.000Z' })] };
    const first = await stack.graphql(IMPORT, { input }, { as: 'systemAdmin' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.importHistory.imported).toEqual([{ index: 0, sourceId: 'W-1', ticketId: expect.any(String) }]);
    expect(first.body.data.importHistory.rejected).toEqual([
      { index: 1, sourceId: 'W-2', problems: expect.arrayContaining(['categoryCode: "nope" is not in the catalogue', 'reportedAt: before receivedAt']) },
    ]);
    const again = await stack.graphql(IMPORT, { input: { ...input, records: [closedRecord('W-1')] } }, { as: 'systemAdmin' });
    expect(again.body.data.importHistory).toMatchObject({ imported: [], already: [{ sourceId: 'W-1' }] });
    const refused = await stack.graphql(IMPORT, { input }, { as: 'operator' });
    expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('rateTicket (评价)', () => {
  const RATE = 'mutation ($id: ID!, $rating: CallbackResult!, $comment: String) { rateTicket(input: { ticketId: $id, rating: $rating, comment: $comment }) { rating { rating comment ratedAt } } }';
  let ticketId: string;
  beforeAll(async () => {
    const input = { sourceSystem: 'rating-test', records: [closedRecord('R-1'), closedRecord('R-2', { callbackResult: null, calledAt: null, reportedAt: null, result: null })] };
    const imported = await stack.graphql(IMPORT, { input }, { as: 'systemAdmin' });
    ticketId = imported.body.data.importHistory.imported[0].ticketId;
  });

  it('lets the citizen rate their own closed ticket, change it, and audits both', async () => {
    const first = await stack.graphql(RATE, { id: ticketId, rating: 'BASICALLY_SATISFIED', comment: '还行 fine' }, { as: 'citizen' });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.rateTicket.rating).toMatchObject({ rating: 'BASICALLY_SATISFIED', comment: '还行 fine' });
    const changed = await stack.graphql(RATE, { id: ticketId, rating: 'SATISFIED' }, { as: 'citizen' });
    expect(changed.body.data.rateTicket.rating.rating).toBe('SATISFIED');
    const seen = await stack.graphql('query ($id: ID!) { ticket(id: $id) { rating { rating } } }', { id: ticketId }, { as: 'citizen' });
    expect(seen.body.data.ticket.rating).toEqual({ rating: 'SATISFIED' });
    const events = await intake().query("SELECT data FROM audit_event WHERE ticketId = ? AND action = 'ticket.rated' ORDER BY occurredAt", [ticketId]);
    const data = events.map((event: { data: unknown }) => (typeof event.data === 'string' ? JSON.parse(event.data) : event.data));
    expect(data).toEqual([{ rating: 'BASICALLY_SATISFIED', previous: null }, { rating: 'SATISFIED', previous: 'BASICALLY_SATISFIED' }]);
  });

  it('refuses another citizen, an open ticket, UNREACHABLE, and a change after the window', async () => {
    expect((await stack.graphql(RATE, { id: ticketId, rating: 'SATISFIED' }, { as: 'otherCitizen' })).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await stack.graphql(RATE, { id: ticketId, rating: 'UNREACHABLE' }, { as: 'citizen' })).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const [{ ticketId: open }] = await intake().query("SELECT ticketId FROM imported_ticket WHERE sourceSystem = 'rating-test' AND sourceId = 'R-2'");
    expect((await stack.graphql(RATE, { id: open, rating: 'SATISFIED' }, { as: 'citizen' })).body.errors[0].extensions.code).toBe('CONFLICT');
    await intake().query('UPDATE ticket_rating SET firstRatedAt = ? WHERE ticketId = ?', [new Date(Date.now() - 8 * 86_400_000), ticketId]);
    const late = await stack.graphql(RATE, { id: ticketId, rating: 'NOT_SATISFIED' }, { as: 'citizen' });
    expect(late.body.errors[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: expect.stringContaining('may be changed for 7 days') });
  });
});
