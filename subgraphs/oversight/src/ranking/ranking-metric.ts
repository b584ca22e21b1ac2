import { registerEnumType } from 'type-graphql';
import type { OversightFigures } from '../figures/oversight-figures.type';
import type { Rate } from '../figures/rate.type';

/** What departments are ranked by: a count, a rate or a handling time of OversightFigures. */
export enum RankingMetric {
  RECEIVED = 'RECEIVED',
  RETURNED = 'RETURNED',
  RETURN_RATE = 'RETURN_RATE',
  EXTENDED = 'EXTENDED',
  URGED = 'URGED',
  SUPERVISED = 'SUPERVISED',
  RESULT_REPORTED = 'RESULT_REPORTED',
  CLOSED = 'CLOSED',
  COMPLETION_RATE = 'COMPLETION_RATE',
  ON_TIME_RATE = 'ON_TIME_RATE',
  OVERDUE = 'OVERDUE',
  SATISFACTION_RATE = 'SATISFACTION_RATE',
  REOPENED = 'REOPENED',
  REPEATED = 'REPEATED',
  AVERAGE_HANDLING_HOURS = 'AVERAGE_HANDLING_HOURS',
  P90_HANDLING_HOURS = 'P90_HANDLING_HOURS',
}
registerEnumType(RankingMetric, { name: 'RankingMetric', description: 'The OversightFigures field departments are ranked by (a rate by its value)' });

export enum RankingDirection {
  DESC = 'DESC',
  ASC = 'ASC',
}
registerEnumType(RankingDirection, {
  name: 'RankingDirection',
  valuesConfig: { DESC: { description: 'the highest value ranks first (rates, counts of work done)' }, ASC: { description: 'the lowest value ranks first (overdue, handling time)' } },
});

type Reading = { value: number | null; rate: Rate | null };
type RankedField = { [K in keyof OversightFigures]: OversightFigures[K] extends number | Rate | null ? K : never }[keyof OversightFigures];

/** The OversightFigures field each metric reads: one table for the ranking and for the reports' headings. */
export const METRIC_FIELDS: Record<RankingMetric, RankedField> = {
  RECEIVED: 'received',
  RETURNED: 'returned',
  REPEATED: 'repeated',
  RETURN_RATE: 'returnRate',
  EXTENDED: 'extended',
  URGED: 'urged',
  SUPERVISED: 'supervised',
  RESULT_REPORTED: 'resultReported',
  CLOSED: 'closed',
  COMPLETION_RATE: 'completionRate',
  ON_TIME_RATE: 'onTimeRate',
  OVERDUE: 'overdue',
  SATISFACTION_RATE: 'satisfactionRate',
  REOPENED: 'reopened',
  AVERAGE_HANDLING_HOURS: 'averageHandlingHours',
  P90_HANDLING_HOURS: 'p90HandlingHours',
};

/** A department's value for `metric`; null when it has nothing to measure (a rate without a denominator). */
export function readMetric(metric: RankingMetric, figures: OversightFigures): Reading {
  const value = figures[METRIC_FIELDS[metric]];
  // a rate ranks by its value and keeps its numerator and denominator; a count or an hour figure is its own value
  return typeof value === 'object' && value !== null ? { value: value.value, rate: value } : { value, rate: null };
}
