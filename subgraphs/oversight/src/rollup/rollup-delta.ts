import { type Counter, type Counts } from './counters';
import { departmentDayKey } from './department-day.entity';
import { departmentMonthKey } from './department-month.entity';
import { bucketOf, type Histogram } from './handling-buckets';
import { rollupDayKey } from './rollup-day.entity';

/** The dimensions a ticket's counts are cut by. */
export interface TicketDimensions {
  categoryCode: string;
  channel: string;
  district: string;
}

/** What a batch of events adds to one rollup row. */
export interface PendingRow {
  day: string;
  unit: string;
  dimensions: TicketDimensions | null;
  counts: Partial<Counts>;
  handlingMs: number;
  histogram: Histogram;
}

/**
 * What a page of events (or a whole rebuild) adds to the rollups, kept in
 * memory until it is written: each row is then read and written once however
 * many of the events touched it.
 */
export class RollupDelta {
  readonly coarse = new Map<string, PendingRow>();
  readonly monthly = new Map<string, PendingRow>();
  readonly fine = new Map<string, PendingRow>();

  /** Adds `by` (negative takes away) to `counter` on `day`, for each unit (CENTRE and/or departments). */
  count(day: string, units: readonly string[], dimensions: TicketDimensions, counter: Counter, by = 1): void {
    for (const row of this.rows(day, units, dimensions)) row.counts[counter] = (row.counts[counter] ?? 0) + by;
  }

  /** One assignment handled in `seconds` working seconds, counted on `day`. */
  handled(day: string, units: readonly string[], dimensions: TicketDimensions, seconds: number): void {
    const bucket = bucketOf(seconds);
    const ms = Math.round(seconds * 1000);
    for (const row of this.rows(day, units, dimensions)) {
      row.counts.handled = (row.counts.handled ?? 0) + 1;
      row.handlingMs += ms;
      row.histogram.set(bucket, (row.histogram.get(bucket) ?? 0) + 1);
    }
  }

  private *rows(day: string, units: readonly string[], dimensions: TicketDimensions): Generator<PendingRow> {
    for (const unit of units) {
      yield pending(this.coarse, departmentDayKey(day, unit), day, unit, null);
      yield pending(this.monthly, departmentMonthKey(day, unit), day.slice(0, 6), unit, null);
      yield pending(this.fine, rollupDayKey(day, unit, dimensions), day, unit, dimensions);
    }
  }
}

function pending(rows: Map<string, PendingRow>, key: string, day: string, unit: string, dimensions: TicketDimensions | null): PendingRow {
  let row = rows.get(key);
  if (!row) {
    row = { day, unit, dimensions: dimensions && { ...dimensions }, counts: {}, handlingMs: 0, histogram: new Map() };
    rows.set(key, row);
  }
  return row;
}
