import type { EntityManager } from 'typeorm';
import { CalendarDay, CalendarDayKind } from '../../subgraphs/intake/src/deadline/calendar-day.entity';

/** A row of the city calendar as the seed writes it. */
export interface CalendarDaySeed {
  date: string;
  kind: CalendarDayKind;
  name: string;
  source: string;
}

const NOTICE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号）, State Council notice of 2025-11-04';
/** Statutory days of the 2024 revision of 全国年节及纪念日放假办法; bridging days and make-up days come with each year's notice. */
const STATUTORY_2027 = 'statutory date; the State Council has not yet announced 2027 make-up days';

const NEW_YEAR = "元旦 New Year's Day";
const SPRING_FESTIVAL = '春节 Spring Festival';
const QINGMING = '清明节 Qingming Festival';
const LABOUR_DAY = '劳动节 Labour Day';
const DRAGON_BOAT = '端午节 Dragon Boat Festival';
const MID_AUTUMN = '中秋节 Mid-Autumn Festival';
const NATIONAL_DAY = '国庆节 National Day';

/** Every date from `first` to `last`, both included, off work. */
function off(first: string, last: string, name: string, source: string): CalendarDaySeed[] {
  const days: CalendarDaySeed[] = [];
  for (let at = Date.parse(`${first}T00:00:00Z`); at <= Date.parse(`${last}T00:00:00Z`); at += 24 * 3600 * 1000) {
    days.push({ date: new Date(at).toISOString().slice(0, 10), kind: CalendarDayKind.HOLIDAY, name, source });
  }
  return days;
}

const work = (date: string, holiday: string, source: string): CalendarDaySeed => ({
  date,
  kind: CalendarDayKind.WORKDAY,
  name: `${holiday} 调休上班 make-up working day`,
  source,
});

export const CALENDAR_DAYS: readonly CalendarDaySeed[] = [
  // 2026, as the notice lists it (33 days off, 6 weekend days worked)
  ...off('2026-01-01', '2026-01-03', NEW_YEAR, NOTICE_2026),
  work('2026-01-04', NEW_YEAR, NOTICE_2026),
  ...off('2026-02-15', '2026-02-23', SPRING_FESTIVAL, NOTICE_2026),
  work('2026-02-14', SPRING_FESTIVAL, NOTICE_2026),
  work('2026-02-28', SPRING_FESTIVAL, NOTICE_2026),
  ...off('2026-04-04', '2026-04-06', QINGMING, NOTICE_2026),
  ...off('2026-05-01', '2026-05-05', LABOUR_DAY, NOTICE_2026),
  work('2026-05-09', LABOUR_DAY, NOTICE_2026),
  ...off('2026-06-19', '2026-06-21', DRAGON_BOAT, NOTICE_2026),
  ...off('2026-09-25', '2026-09-27', MID_AUTUMN, NOTICE_2026),
  ...off('2026-10-01', '2026-10-07', NATIONAL_DAY, NOTICE_2026),
  work('2026-09-20', NATIONAL_DAY, NOTICE_2026),
  work('2026-10-10', NATIONAL_DAY, NOTICE_2026),
  // 2027: statutory days only, no make-up days: those are the notice's to set, never ours to guess.
  // Lunar dates checked against two independent lunar calendars (lunar-javascript, date-chinese).
  ...off('2027-01-01', '2027-01-01', NEW_YEAR, STATUTORY_2027),
  ...off('2027-02-05', '2027-02-08', SPRING_FESTIVAL, STATUTORY_2027), // 除夕 to 正月初三; 初一 is 6 February
  ...off('2027-04-05', '2027-04-05', QINGMING, STATUTORY_2027), // the 清明 solar term
  ...off('2027-05-01', '2027-05-02', LABOUR_DAY, STATUTORY_2027),
  ...off('2027-06-09', '2027-06-09', DRAGON_BOAT, STATUTORY_2027), // 五月初五
  ...off('2027-09-15', '2027-09-15', MID_AUTUMN, STATUTORY_2027), // 八月十五
  ...off('2027-10-01', '2027-10-03', NATIONAL_DAY, STATUTORY_2027),
];

/**
 * Inserts the dates the database lacks and never overwrites one: a day the
 * city corrected or loaded from a newer notice (setCalendarDays) stays as it is.
 */
export async function seedCalendar(manager: EntityManager): Promise<number> {
  const existing = new Set((await manager.find(CalendarDay, { select: { date: true } })).map((day) => day.date));
  const missing = CALENDAR_DAYS.filter((day) => !existing.has(day.date));
  if (missing.length > 0) await manager.insert(CalendarDay, missing.map((day) => ({ ...day })));
  return missing.length;
}
