import { registerEnumType } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import type { TrailEvent } from '../trail/trail-event.entity';
import { toCsv } from './csv-export';

export enum ExportFormat {
  CSV = 'CSV',
  JSON = 'JSON',
}
registerEnumType(ExportFormat, {
  name: 'ExportFormat',
  // CSV cells that a spreadsheet would run as formulas get a leading ' (csv-export.ts); JSON is exact
  valuesConfig: { CSV: { description: 'RFC 4180: a header row, CRLF line ends' }, JSON: { description: 'An array of event objects' } },
});

/** One response carries at most this many events; an auditor narrows the filter (by time, say) for more. */
export const EXPORT_LIMIT = 10_000;

/** Every stored field, with the chain fields: an export is enough to re-verify the chain elsewhere. */
export const EXPORT_COLUMNS = [
  'id', 'ticketId', 'ticketSeq', 'occurredAt', 'subgraph', 'department', 'action', 'entityType', 'entityId',
  'fromState', 'toState', 'actorId', 'actorRole', 'requestId', 'reason', 'data', 'prevHash', 'hash',
] as const satisfies readonly (keyof TrailEvent)[];

/** Load exports with `take: EXPORT_LIMIT + 1`: one row too many means too many, without a separate count. */
export function assertExportable(events: TrailEvent[]): TrailEvent[] {
  if (events.length > EXPORT_LIMIT) throw new BadInputError(`more than ${EXPORT_LIMIT} events match; an export holds at most that many: narrow the filter`, 'filter');
  return events;
}

function parsedData(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return text; // not JSON any more (someone edited the row): export what is stored
  }
}

/** `data` becomes an object again; its canonical JSON (keys sorted) is exactly the text the hash covered. */
function toJson(events: TrailEvent[]): string {
  return JSON.stringify(
    events.map((event) => ({
      ...Object.fromEntries(EXPORT_COLUMNS.map((column) => [column, event[column]])),
      occurredAt: event.occurredAt.toISOString(),
      data: parsedData(event.data),
    })),
  );
}

export function formatEvents(events: TrailEvent[], format: ExportFormat): string {
  return format === ExportFormat.CSV ? toCsv(events, EXPORT_COLUMNS) : toJson(events);
}
