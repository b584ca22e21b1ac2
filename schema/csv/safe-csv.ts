import { stringify } from 'csv-stringify/sync';

/**
 * A spreadsheet runs a cell that starts with one of these as a formula
 * (OWASP "CSV injection", CWE-1236): `=HYPERLINK(...)` in a citizen's
 * complaint or a request id must reach the reader as text, never as something
 * Excel runs.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Prefixes a formula-like cell with a single quote, which spreadsheets show as
 * text and hide. A cell that already starts with a quote gets one more, so
 * removing one leading quote from any cell that starts with one always gives
 * back the stored text.
 */
export function neutralisedCell(text: string): string {
  return FORMULA_START.test(text) || text.startsWith("'") ? `'${text}` : text;
}

const cellText = (value: unknown): string =>
  value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);

// a number is never a formula: -0.05 stays a number a spreadsheet can add up, not the text '-0.05
const safeCell = (value: unknown): string | number => (typeof value === 'number' && Number.isFinite(value) ? value : neutralisedCell(cellText(value)));

/** RFC 4180 (a header row, CRLF line ends, quoting by csv-stringify), every text cell neutralised. */
export function safeCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify(
    rows.map((row) => row.map(safeCell)),
    { header: true, columns: header.map(neutralisedCell), record_delimiter: 'windows', eof: true },
  );
}
