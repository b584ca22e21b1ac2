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
const count = (value: number): Reading => ({ value, rate: null });
const share = (rate: Rate): Reading => ({ value: rate.value, rate });

const READINGS: Record<RankingMetric, (figures: OversightFigures) => Reading> = {
  RECEIVED: (f) => count(f.received),
  RETURNED: (f) => count(f.returned),
  REPEATED: (f) => count(f.repeated),
  RETURN_RATE: (f) => share(f.returnRate),
  EXTENDED: (f) => count(f.extended),
  URGED: (f) => count(f.urged),
  SUPERVISED: (f) => count(f.supervised),
  RESULT_REPORTED: (f) => count(f.resultReported),
  CLOSED: (f) => count(f.closed),
  COMPLETION_RATE: (f) => share(f.completionRate),
  ON_TIME_RATE: (f) => share(f.onTimeRate),
  OVERDUE: (f) => count(f.overdue),
  SATISFACTION_RATE: (f) => share(f.satisfactionRate),
  REOPENED: (f) => count(f.reopened),
  AVERAGE_HANDLING_HOURS: (f) => ({ value: f.averageHandlingHours, rate: null }),
  P90_HANDLING_HOURS: (f) => ({ value: f.p90HandlingHours, rate: null }),
};

/** A department's value for `metric`; null when it has nothing to measure (a rate without a denominator). */
export const readMetric = (metric: RankingMetric, figures: OversightFigures): Reading => READINGS[metric](figures);
