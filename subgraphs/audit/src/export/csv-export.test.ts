import { parse } from 'csv-parse/sync';
import { TrailEvent } from '../trail/trail-event.entity';
import { neutralisedCell } from '../../../../schema/csv/safe-csv';
import { toCsv } from './csv-export';

const event = (reason: string | null, requestId = 'r1') =>
  Object.assign(new TrailEvent(), { id: 'e1', ticketSeq: 1, reason, requestId, occurredAt: new Date('2025-03-01T08:00:00.000Z') });
const columns = ['id', 'ticketSeq', 'occurredAt', 'requestId', 'reason'] as const;

describe('CSV export', () => {
  it.each(['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(1)', '\t=1', '\r=1', "'quoted"])('neutralises %j', (text) => {
    expect(neutralisedCell(text)).toBe(`'${text}`);
    const [row] = parse(toCsv([event(text, text)], columns), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ reason: `'${text}`, requestId: `'${text}` });
  });

  it('keeps the header, the column order and ordinary cells exactly', () => {
    const awkward = '逗号, "引号" and a\nline break; 1+1=2';
    const csv = toCsv([event(awkward), event(null)], columns);
    expect(csv.startsWith('id,ticketSeq,occurredAt,requestId,reason\r\n')).toBe(true);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toEqual([
      { id: 'e1', ticketSeq: '1', occurredAt: '2025-03-01T08:00:00.000Z', requestId: 'r1', reason: awkward },
      { id: 'e1', ticketSeq: '1', occurredAt: '2025-03-01T08:00:00.000Z', requestId: 'r1', reason: '' },
    ]);
    expect(toCsv([], columns)).toBe('id,ticketSeq,occurredAt,requestId,reason\r\n');
  });
});
