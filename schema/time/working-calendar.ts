import { fromWallClock, toWallClock, wallDate } from './city-calendar';

const DAY_MS = 24 * 3600 * 1000;
const HOUR_MS = 3600 * 1000;

/**
 * Which local days the city's offices work: Monday to Friday, except the
 * public holidays, plus the weekend days worked in exchange (调休上班).
 * Days the calendar does not know (a year whose notice is not loaded) fall
 * back to the plain weekday rule.
 *
 * Counting rule, as in Civil Code art. 201 (开始的当日不计入): the day of
 * dispatch is never counted, whether or not it is a working day. The limit is
 * the n-th working day after it, at the same local clock time. So Friday 16:30
 * with 5 working days is due the next Friday 16:30; Saturday 10:00 or a
 * holiday 10:00 with 1 working day is due 10:00 on the first working day after
 * it. A department thus gets a little less than n full days when the centre
 * dispatches out of hours; urgent categories use clock hours instead.
 */
export class WorkingCalendar {
  private readonly kinds: ReadonlyMap<string, string>;

  constructor(
    days: Iterable<{ date: string; kind: string }>,
    readonly timeZone: string,
  ) {
    this.kinds = new Map([...days].map((day) => [day.date, day.kind]));
  }

  /** Whether the local day of `instant` is a working day in the city. */
  isWorkingDay(instant: Date): boolean {
    return this.isWorkingDate(wallDate(toWallClock(instant, this.timeZone)));
  }

  /** Whether a local date (YYYY-MM-DD) is a working day. */
  isWorkingDate(date: string): boolean {
    const kind = this.kinds.get(date);
    if (kind) return kind === 'WORKDAY';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The same local clock time on the n-th working day after the day of `start`. */
  addWorkingDays(start: Date, days: number): Date {
    if (!Number.isInteger(days) || days < 0) throw new RangeError(`working days must be a whole number ≥ 0, not ${days}`);
    if (days === 0) return new Date(start.getTime());
    let wall = toWallClock(start, this.timeZone);
    for (let remaining = days; remaining > 0; ) {
      wall += DAY_MS;
      if (this.isWorkingDate(wallDate(wall))) remaining -= 1;
    }
    return fromWallClock(wall, this.timeZone);
  }

  /** Urgent limits run on the clock, day and night, holidays included: a burst main does not wait for Monday. */
  addHours(start: Date, hours: number): Date {
    if (!(hours >= 0)) throw new RangeError(`hours must be ≥ 0, not ${hours}`);
    return new Date(start.getTime() + hours * HOUR_MS);
  }

  /**
   * The part of [start, end) that falls on working days, in seconds: whole
   * local days count 24 hours, weekends and holidays nothing. The measure a
   * working-day deadline is set in, so n working days of limit are n × 24 of it.
   */
  workingSecondsBetween(start: Date, end: Date): number {
    let from = toWallClock(start, this.timeZone);
    const to = toWallClock(end, this.timeZone);
    let total = 0;
    while (from < to) {
      const dayEnd = Math.min(to, (Math.floor(from / DAY_MS) + 1) * DAY_MS);
      if (this.isWorkingDate(wallDate(from))) total += dayEnd - from;
      from = dayEnd;
    }
    return total / 1000;
  }
}
