import { type Counts, zeroCounts } from '../rollup/counters';
import type { Histogram } from '../rollup/handling-buckets';

/** What the rollups hold for one unit (a department, or the centre) over a period, before it is shown. */
export interface UnitFigures {
  counts: Counts;
  handlingMs: number;
  histogram: Histogram;
  /** Open assignments whose deadline (in the period) has passed: overdue, counted live until they are reported */
  overdueOpen: number;
}

export const emptyFigures = (): UnitFigures => ({ counts: zeroCounts(), handlingMs: 0, histogram: new Map(), overdueOpen: 0 });
