import { parse } from 'csv-parse/sync';
import { neutralisedCell, safeCsv } from './safe-csv';

describe('safeCsv', () => {
  it('neutralises formula-like text in cells and headers, and keeps numbers numbers', () => {
    const csv = safeCsv(['=head', 'n'], [['=HYPERLINK("http://evil","x")', -0.125], [null, 3], [new Date('2026-11-01T00:00:00Z'), '-2+3']]);
    expect(parse(csv)).toEqual([
      ["'=head", 'n'],
      [`'=HYPERLINK("http://evil","x")`, '-0.125'],
      ['', '3'],
      ['2026-11-01T00:00:00.000Z', "'-2+3"],
    ]);
    expect(neutralisedCell('plain')).toBe('plain');
  });
});
