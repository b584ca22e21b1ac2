import { safeCsv } from '../../../../schema/csv/safe-csv';
import type { TrailEvent } from '../trail/trail-event.entity';

/** The trail as CSV, every text cell neutralised against formulas (the platform's rule, schema/csv/safe-csv.ts). */
export function toCsv(events: TrailEvent[], columns: readonly (keyof TrailEvent)[]): string {
  return safeCsv(columns, events.map((event) => columns.map((column) => event[column])));
}
