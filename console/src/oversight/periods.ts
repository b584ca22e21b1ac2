import type { PeriodKind } from '../generated/graphql';

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** A date inside each of the last `count` weeks or months, oldest first (the API resolves a date to its whole period). */
export function recentPeriods(kind: Extract<PeriodKind, 'WEEK' | 'MONTH'>, count: number, today = new Date()): { kind: PeriodKind; date: string; label: string }[] {
  return Array.from({ length: count }, (_, back) => {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
    if (kind === 'WEEK') day.setUTCDate(day.getUTCDate() - 7 * back);
    else day.setUTCMonth(day.getUTCMonth() - back, 15);
    return { kind, date: iso(day), label: kind === 'WEEK' ? iso(day).slice(5) : iso(day).slice(0, 7) };
  }).reverse();
}
