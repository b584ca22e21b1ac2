import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { shiftedCityTime } from '../../seeds/intake/shifted-city-time';
import { type Stack, startStack } from '../support/stack';

/**
 * Issue 12's acceptance: Boston's own "Duplicate of Existing Case" rows,
 * imported through the API, are proposed against their originals. The
 * originals are what the city's closure note names (its CRM number) or, when
 * it names none, an earlier case of the same type at the same address within
 * the finder's 30 days: the address string is not what the finder compares
 * (it reads coordinates and wording), so the answer key is not the finder's
 * own rule.
 */
const FIXTURES = path.resolve(__dirname, '../fixtures/boston-311');
const FILES: Record<string, string> = { 'boston_Tree_Emergencies.csv': 'tree_emergency', 'boston_New_Tree_Requests.csv': 'tree_request' };
const CHANNELS: Record<string, string> = { 'Constituent Call': 'PHONE', 'Employee Generated': 'PHONE', 'Self Service': 'WEB', Twitter: 'WEB', 'Citizens Connect App': 'APP', 'City Worker App': 'APP' };
const WINDOW_MS = 30 * 86_400_000;
const DUPLICATE = /Duplicate of Existing Case/i;
const REFERENCE = /(?:CRM|case|#)\s*#?\s*(\d{6,})/i;

interface Row {
  csv: Record<string, string>;
  category: string;
  at: number;
  /** Location with its runs of spaces folded */
  address: string;
}

const rows: Row[] = Object.entries(FILES).flatMap(([file, category]) =>
  (parse(fs.readFileSync(path.join(FIXTURES, file)), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[])
    .filter((row) => row.LATITUDE && row.LONGITUDE)
    .map((csv) => ({ csv, category, at: shiftedCityTime(csv.OPEN_DT)!.getTime(), address: csv.Location.replace(/\s+/g, ' ').trim() })),
);

/** What an operator would have typed: the case type and where. */
const record = (row: Row) => ({
  sourceId: row.csv.CASE_ENQUIRY_ID,
  channel: CHANNELS[row.csv.Source] ?? 'PHONE',
  categoryCode: row.category,
  content: `${row.csv.TYPE}: ${row.address}`,
  latitude: Number(row.csv.LATITUDE),
  longitude: Number(row.csv.LONGITUDE),
  receivedAt: new Date(row.at).toISOString(),
});

const sameAddress = (a: Row, b: Row) => a.address.toLowerCase() === b.address.toLowerCase();

const inWindowBefore = (original: Row, duplicate: Row) => original.at <= duplicate.at && duplicate.at - original.at <= WINDOW_MS;

/**
 * The answer key: the case the closure note names, else earlier same-type
 * cases at the same address. `outside` when the original was received more
 * than the finder's 30 days before the duplicate, or after it (the city's
 * notes do that too): not findable by design, and counted apart.
 */
function originalsOf(duplicate: Row): { originals: Row[]; outside: boolean } {
  const named = REFERENCE.exec(duplicate.csv.CLOSURE_REASON)?.[1];
  const byReference = named ? rows.filter((row) => row !== duplicate && row.csv.CASE_ENQUIRY_ID.endsWith(named)) : [];
  const candidates = byReference.length ? byReference : rows.filter((row) => row !== duplicate && row.category === duplicate.category && sameAddress(row, duplicate) && row.at <= duplicate.at);
  const originals = candidates.filter((original) => inWindowBefore(original, duplicate));
  return { originals, outside: originals.length === 0 && candidates.length > 0 };
}

const IMPORT = 'mutation ($input: ImportHistoryInput!) { importHistory(input: $input) { imported { sourceId ticketId } rejected { sourceId problems } } }';
const PROPOSALS = 'query ($id: ID!) { ticket(id: $id) { possibleRepeats { score ticket { id } } } }';

let stack: Stack;
const ticketOf = new Map<string, string>();
beforeAll(async () => {
  // a batch of 100 imported records is the heaviest call the API takes; on a loaded 2-core CI machine it took more
  // than the default 5 s, so the test gives intake what a city running an import would give it
  stack = await startStack({ resilienceEnv: { INTAKE_TIMEOUT_MS: '30000' } });
  const ordered = [...rows].sort((a, b) => a.at - b.at);
  for (let start = 0; start < ordered.length; start += 100) {
    const response = await stack.graphql(IMPORT, { input: { sourceSystem: 'boston-311', records: ordered.slice(start, start + 100).map(record) } }, { as: 'systemAdmin' });
    if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
    expect(response.body.data.importHistory.rejected).toEqual([]);
    for (const imported of response.body.data.importHistory.imported) ticketOf.set(imported.sourceId, imported.ticketId);
  }
}, 300_000);
afterAll(async () => {
  await stack?.close();
});

async function proposed(row: Row): Promise<Array<{ id: string; score: number }>> {
  const response = await stack.graphql(PROPOSALS, { id: ticketOf.get(row.csv.CASE_ENQUIRY_ID) }, { as: 'operator' });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data.ticket.possibleRepeats.map((candidate: { score: number; ticket: { id: string } }) => ({ id: candidate.ticket.id, score: candidate.score }));
}

describe("Boston's duplicates, imported through the API", () => {
  it('are proposed against their originals: recall ≥ 80 %, with the false-proposal rate beside it', async () => {
    const duplicates = rows.filter((row) => DUPLICATE.test(row.csv.CLOSURE_REASON));
    const keyed = duplicates.map((row) => ({ row, ...originalsOf(row) }));
    const judged = keyed.filter((entry) => entry.originals.length > 0);
    const outside = keyed.filter((entry) => entry.outside).length;
    let found = 0;
    let first = 0;
    for (const { row, originals } of judged) {
      const ids = (await proposed(row)).map((candidate) => candidate.id);
      const originalIds = new Set(originals.map((original) => ticketOf.get(original.csv.CASE_ENQUIRY_ID)));
      if (ids.some((id) => originalIds.has(id))) found += 1;
      if (originalIds.has(ids[0])) first += 1;
    }
    // requests that are nobody's repeat: no duplicate note, and no same-type case at their address within 30 days either side
    const firsts = rows.filter((row) => !DUPLICATE.test(row.csv.CLOSURE_REASON) && !rows.some((other) => other !== row && other.category === row.category && sameAddress(other, row) && Math.abs(row.at - other.at) <= WINDOW_MS));
    const sample = firsts.filter((_, index) => index % 4 === 0);
    let alarmed = 0;
    for (const row of sample) if ((await proposed(row)).some((candidate) => candidate.score >= 0.5)) alarmed += 1;

    const recall = found / judged.length;
    const falseProposals = alarmed / sample.length;
    process.stdout.write(
      `repeat finder on Boston 311: ${duplicates.length} duplicates, ${judged.length} with their original in the extract within the 30 days before, ${outside} with it outside them; ` +
        `recall ${(recall * 100).toFixed(1)} % (${found}/${judged.length}), original ranked first ${first}/${judged.length}; ` +
        `requests that repeat nothing with a proposal scored ≥ 0.5: ${(falseProposals * 100).toFixed(1)} % (${alarmed}/${sample.length})\n`,
    );
    expect(judged.length).toBeGreaterThanOrEqual(26);
    expect(recall).toBeGreaterThanOrEqual(0.8);
    expect(falseProposals).toBeLessThan(0.5);
  }, 180_000);
});
