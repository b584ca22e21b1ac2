import { BadInputError } from '../../../../schema/errors';
import { PeriodKind, type PeriodInput } from './period.input';

const DAY_MS = 24 * 3600 * 1000;
/** A custom range may not cover more than this: five years of daily rows is already a report of its own. */
const MAX_CUSTOM_DAYS = 5 * 366;

/** Local days, both included, as YYYY-MM-DD. */
export interface DayRange {
  from: string;
  to: string;
}

export interface ResolvedPeriod {
  kind: PeriodKind;
  current: DayRange;
  previous: DayRange;
}

// calendar arithmetic on dates alone: a local date is a UTC midnight here, never an instant
const parse = (date: string, field: string): Date => {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T00:00:00Z`) : new Date(NaN);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) throw new BadInputError(`${field} must be a date YYYY-MM-DD, not "${date}"`, field);
  return parsed;
};
const format = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);
const monthStart = (year: number, month: number) => new Date(Date.UTC(year, month, 1));
const range = (from: Date, to: Date): DayRange => ({ from: format(from), to: format(to) });
/** Whole months from `start` (a 1st), `count` of them. */
const months = (start: Date, count: number): DayRange => range(start, plusDays(monthStart(start.getUTCFullYear(), start.getUTCMonth() + count), -1));
const shiftMonths = (date: Date, by: number) => monthStart(date.getUTCFullYear(), date.getUTCMonth() + by);

function weeks(date: Date): ResolvedPeriod {
  const monday = plusDays(date, -((date.getUTCDay() + 6) % 7));
  return { kind: PeriodKind.WEEK, current: range(monday, plusDays(monday, 6)), previous: range(plusDays(monday, -7), plusDays(monday, -1)) };
}

function custom(date: Date, until: Date): ResolvedPeriod {
  const days = Math.round((until.getTime() - date.getTime()) / DAY_MS) + 1;
  if (days < 1) throw new BadInputError('until must not be before date', 'until');
  if (days > MAX_CUSTOM_DAYS) throw new BadInputError(`a custom period covers at most ${MAX_CUSTOM_DAYS} days`, 'until');
  if (date.getUTCDay() === 1 && until.getUTCDay() === 0) {
    return { kind: PeriodKind.CUSTOM, current: range(date, until), previous: range(plusDays(date, -days), plusDays(date, -1)) };
  }
  if (date.getUTCDate() === 1 && plusDays(until, 1).getUTCDate() === 1) {
    const count = (until.getUTCFullYear() - date.getUTCFullYear()) * 12 + until.getUTCMonth() - date.getUTCMonth() + 1;
    return { kind: PeriodKind.CUSTOM, current: months(date, count), previous: months(shiftMonths(date, -count), count) };
  }
  throw new BadInputError('a custom period runs from a Monday to a Sunday, or from the 1st of a month to the last day of a month', 'date');
}

/** The days of a period and of the one before it, aligned to local weeks (Monday first) and months. */
export function resolvePeriod(input: PeriodInput): ResolvedPeriod {
  const date = parse(input.date, 'date');
  if (input.kind !== PeriodKind.CUSTOM && input.until) throw new BadInputError('until goes with CUSTOM periods only', 'until');
  const year = date.getUTCFullYear();
  switch (input.kind) {
    case PeriodKind.WEEK:
      return weeks(date);
    case PeriodKind.MONTH:
      return { kind: input.kind, current: months(monthStart(year, date.getUTCMonth()), 1), previous: months(monthStart(year, date.getUTCMonth() - 1), 1) };
    case PeriodKind.QUARTER: {
      const first = monthStart(year, date.getUTCMonth() - (date.getUTCMonth() % 3));
      return { kind: input.kind, current: months(first, 3), previous: months(shiftMonths(first, -3), 3) };
    }
    case PeriodKind.YEAR:
      return { kind: input.kind, current: months(monthStart(year, 0), 12), previous: months(monthStart(year - 1, 0), 12) };
    case PeriodKind.CUSTOM:
      if (!input.until) throw new BadInputError('a CUSTOM period needs until', 'until');
      return custom(date, parse(input.until, 'until'));
  }
}

/** YYYYMMDD, the rollups' day key, of a YYYY-MM-DD date. */
export const dayKey = (date: string) => date.replaceAll('-', '');
