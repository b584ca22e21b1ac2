import { BadInputError } from '../../../../schema/errors';
import type { PeriodInput } from '../period/period.input';
import { type DayRange, resolvePeriod, type ResolvedPeriod } from '../period/resolve-period';
import { REPORTS, ReportKind } from './report-kind';

const DAY_MS = 86_400_000;
const utc = (date: string) => new Date(`${date}T00:00:00Z`);
const day = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: string, days: number) => day(new Date(utc(date).getTime() + days * DAY_MS));

/** The ISO week (Monday first, week 1 holds the year's first Thursday) a Monday starts. */
function isoWeek(monday: string): { year: number; week: number } {
  const thursday = utc(plusDays(monday, 3));
  const year = thursday.getUTCFullYear();
  return { year, week: Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1 };
}

function mondayOfIsoWeek(year: number, week: number): string {
  const fourth = utc(`${year}-01-04`);
  return plusDays(day(fourth), -((fourth.getUTCDay() + 6) % 7) + (week - 1) * 7);
}

const SHAPES: Record<ReportKind, { example: string; date: (label: string) => string | null }> = {
  WEEKLY: {
    example: '2026-W47',
    date: (label) => {
      const match = /^(\d{4})-W(\d{2})$/.exec(label);
      if (!match) return null;
      const monday = mondayOfIsoWeek(Number(match[1]), Number(match[2]));
      const week = isoWeek(monday);
      return week.year === Number(match[1]) && week.week === Number(match[2]) ? monday : null;
    },
  },
  MONTHLY: {
    example: '2026-11',
    date: (label) => (/^\d{4}-(0[1-9]|1[0-2])$/.test(label) ? `${label}-01` : null),
  },
  QUARTERLY: {
    example: '2026-Q4',
    date: (label) => {
      const match = /^(\d{4})-Q([1-4])$/.exec(label);
      return match ? `${match[1]}-${String(Number(match[2]) * 3 - 2).padStart(2, '0')}-01` : null;
    },
  },
};

/**
 * The period a report's label names ("2026-W47", "2026-11", "2026-Q4"), or any
 * local date inside it; the period resolver aligns it like every other figure.
 */
export function reportPeriod(kind: ReportKind, label: string): PeriodInput {
  const shape = SHAPES[kind];
  const date = /^\d{4}-\d{2}-\d{2}$/.test(label) ? label : shape.date(label.trim());
  if (!date) throw new BadInputError(`a ${REPORTS[kind].en.toLowerCase()}'s period is written like ${shape.example} (or a date YYYY-MM-DD inside it), not "${label}"`, 'period');
  return { kind: REPORTS[kind].periodKind, date };
}

/** How a resolved period is named in file names and headings. */
export function periodLabel(kind: ReportKind, period: ResolvedPeriod): string {
  const { from } = period.current;
  if (kind === ReportKind.MONTHLY) return from.slice(0, 7);
  if (kind === ReportKind.QUARTERLY) return `${from.slice(0, 4)}-Q${Math.floor(Number(from.slice(5, 7)) / 3) + 1}`;
  const { year, week } = isoWeek(from);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface TrendStep extends DayRange {
  label: string;
}

/** What a report's trend is drawn over: the days of a week, the weeks of a month (cut at its ends), the months of a quarter. */
export function trendSteps(kind: ReportKind, period: ResolvedPeriod): TrendStep[] {
  const { from, to } = period.current;
  const steps: TrendStep[] = [];
  if (kind === ReportKind.QUARTERLY) {
    for (let month = 0; month < 3; month += 1) {
      const monthly = resolvePeriod({ kind: REPORTS.MONTHLY.periodKind, date: plusDays(from, month * 31) }).current;
      steps.push({ ...monthly, label: monthly.from.slice(0, 7) });
    }
    return steps;
  }
  for (let start = from; start <= to; ) {
    const sunday = plusDays(start, (7 - utc(start).getUTCDay()) % 7);
    const end = kind === ReportKind.WEEKLY ? start : sunday < to ? sunday : to;
    steps.push({ from: start, to: end, label: start === end ? start.slice(5) : `${start.slice(5)}–${end.slice(5)}` });
    start = plusDays(end, 1);
  }
  return steps;
}
