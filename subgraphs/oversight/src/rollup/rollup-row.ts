import { Column, PrimaryColumn } from 'typeorm';
import { type Counts, COUNTERS } from './counters';

/**
 * The columns both rollup tables share: one row per local day and unit (a
 * department, or CENTRE for the whole centre) and, in the fine table, per
 * category, channel and district. Counts only ever change by what an event adds.
 */
export abstract class RollupRow {
  /** The row's dimensions joined by '|': one key to find and upsert it by */
  @PrimaryColumn('varchar', { length: 160 })
  key: string;

  /** Local day, YYYYMMDD (the month, YYYYMM, in department_month) */
  @Column('varchar', { length: 8 })
  day: string;

  @Column('varchar', { length: 40 })
  departmentCode: string;

  /** Working milliseconds of the handled assignments, summed: the average's numerator. Whole numbers in a
   * double, exact to 2^53 ms: sums come out the same whichever pages they were added in (a rebuild's are one) */
  @Column('double', { default: 0 })
  handlingMs: number;

  /** Handled assignments per handling-time bucket (see handling-buckets.ts), as "bucket:count,…" */
  @Column('text', { nullable: true })
  handlingHistogram: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RollupRow extends Counts {}

for (const counter of COUNTERS) Column('int', { default: 0 })(RollupRow.prototype, counter);
