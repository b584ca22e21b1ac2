import { stringify } from 'csv-stringify/sync';
import type { TrailEvent } from '../trail/trail-event.entity';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula
 * (OWASP "CSV injection"): `=HYPERLINK(...)` in a citizen's complaint or a
 * request id must reach the auditor as text, never as something Excel runs.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a formula-like cell with a single quote, which spreadsheets show as
 * text and hide. A cell that already starts with a quote gets one more, so
 * removing one leading quote from any cell that starts with one always gives
 * back the stored text (the JSON export is exact without that step).
 */
export function neutralisedCell(text: string): string {
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

const cellText = (value: unknown): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);

/** RFC 4180 (a header row, CRLF line ends, quoting by csv-stringify), every cell neutralised. */
export function toCsv(events: TrailEvent[], columns: readonly (keyof TrailEvent)[]): string {
  return stringify(
    events.map((event) => columns.map((column) => neutralisedCell(cellText(event[column])))),
    { header: true, columns: [...columns], record_delimiter: 'windows', eof: true },
  );
}
