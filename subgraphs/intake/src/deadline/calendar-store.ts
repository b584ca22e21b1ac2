import type { DataSource } from 'typeorm';
import { CalendarDay } from './calendar-day.entity';
import { WorkingCalendar } from './working-calendar';

/**
 * Another intake instance may change the calendar; refreshing now and then
 * lets every instance see it without a restart. The table holds a few dozen
 * rows a year, so the cost is one small query per interval, not per dispatch.
 */
const REFRESH_MS = 10 * 60 * 1000;

interface Entry {
  timeZone: string;
  loadedAt: number;
  calendar: Promise<WorkingCalendar>;
}

// keyed by data source: a test stack's throwaway database never sees another's calendar
const entries = new WeakMap<DataSource, Entry>();

/** The working calendar of each intake database, cached between requests. */
export const calendarStore = {
  /** The calendar stored in `dataSource`, loaded once and shared by concurrent callers. */
  get(dataSource: DataSource, timeZone: string, now = Date.now()): Promise<WorkingCalendar> {
    const entry = entries.get(dataSource);
    if (entry && entry.timeZone === timeZone && now - entry.loadedAt < REFRESH_MS) return entry.calendar;
    const calendar = dataSource
      .getRepository(CalendarDay)
      .find({ select: { date: true, kind: true } })
      .then((days) => new WorkingCalendar(days, timeZone));
    entries.set(dataSource, { timeZone, loadedAt: now, calendar });
    // a failed load must not stay cached: the next dispatch tries again
    calendar.catch(() => {
      if (entries.get(dataSource)?.calendar === calendar) entries.delete(dataSource);
    });
    return calendar;
  },

  /** Forget the cached calendar; call it after the change has committed, or a load in between caches the old days. */
  invalidate(dataSource: DataSource): void {
    entries.delete(dataSource);
  },
};
