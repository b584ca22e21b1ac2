import { CALENDAR_DAYS } from '../../../../seeds/intake/calendar';
import { CalendarDayKind } from './calendar-day.entity';
import { deadlineFor } from './time-limit';
import { WorkingCalendar } from './working-calendar';

const ZONE = 'Asia/Shanghai';
const calendar = new WorkingCalendar(CALENDAR_DAYS, ZONE);
/** An instant given in city time (UTC+8), e.g. local('2026-02-13 10:00'). */
const local = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`);
const due = (start: string, days: number) => calendar.addWorkingDays(local(start), days).toISOString();

describe('WorkingCalendar.addWorkingDays, weekends', () => {
  it('counts five working days from a Monday to the next Monday', () => {
    expect(due('2026-11-23 10:00', 5)).toBe('2026-11-30T02:00:00.000Z');
  });

  it('skips the weekend from a Friday afternoon: Friday 16:30 → next Friday 16:30', () => {
    expect(due('2026-11-27 16:30', 5)).toBe('2026-12-04T08:30:00.000Z');
  });

  it('uses the city day, not the UTC day: Saturday 01:00 local is still a weekend', () => {
    // Friday 17:00 UTC; the first working day after Saturday is Monday, 01:00 local
    expect(calendar.addWorkingDays(new Date('2026-11-27T17:00:00Z'), 1).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });

  it('gives back the dispatch time for a limit of 0 and refuses a negative one', () => {
    expect(due('2026-11-23 10:00', 0)).toBe('2026-11-23T02:00:00.000Z');
    expect(() => calendar.addWorkingDays(local('2026-11-23 10:00'), -1)).toThrow(RangeError);
  });
});

describe('WorkingCalendar.addWorkingDays, the 2026 notice', () => {
  it('crosses the Spring Festival: Friday 13 Feb 10:00 + 5 → Friday 27 Feb 10:00', () => {
    // Sat 14 (make-up day) 1; 15–23 off; Tue 24 2, Wed 25 3, Thu 26 4, Fri 27 5
    expect(due('2026-02-13 10:00', 5)).toBe('2026-02-27T02:00:00.000Z');
    // the sixth is Saturday 28, the second make-up day
    expect(due('2026-02-13 10:00', 6)).toBe('2026-02-28T02:00:00.000Z');
  });

  it('counts the make-up Sunday before National Day: Thursday 17 Sep + 5 → Wednesday 23 Sep', () => {
    // Fri 18 1; Sat 19 off; Sun 20 (make-up day) 2; Mon 21 3, Tue 22 4, Wed 23 5
    expect(due('2026-09-17 09:15', 5)).toBe('2026-09-23T01:15:00.000Z');
  });

  it('crosses Mid-Autumn and National Day: Wednesday 23 Sep + 5 → Thursday 8 Oct', () => {
    // Thu 24 1; 25–27 off; Mon 28 2, Tue 29 3, Wed 30 4; 1–7 Oct off; Thu 8 5
    expect(due('2026-09-23 14:00', 5)).toBe('2026-10-08T06:00:00.000Z');
  });

  it('starts counting after the day of dispatch when dispatched on a holiday', () => {
    // Thursday 1 Oct (National Day): the first working day after it is Thursday 8 Oct
    expect(due('2026-10-01 10:00', 1)).toBe('2026-10-08T02:00:00.000Z');
    // Thu 8 1, Fri 9 2, Sat 10 (make-up day) 3, Mon 12 4, Tue 13 5
    expect(due('2026-10-01 10:00', 5)).toBe('2026-10-13T02:00:00.000Z');
  });

  it('treats the New Year make-up Sunday by the city day, though it is still Saturday in UTC', () => {
    // Sunday 4 Jan 00:30 local = Saturday 3 Jan 16:30 UTC, a holiday there
    expect(calendar.isWorkingDay(local('2026-01-04 00:30'))).toBe(true);
    expect(calendar.isWorkingDay(local('2026-01-03 23:59'))).toBe(false);
  });
});

describe('deadlineFor', () => {
  it('runs an urgent limit on the clock, through the holiday: burst pipe on New Year\'s Eve 22:00 + 24 h', () => {
    const start = local('2026-02-16 22:00');
    expect(deadlineFor(calendar, start, { hours: 24, workingDays: 5 }, 5).toISOString()).toBe('2026-02-17T14:00:00.000Z');
  });

  it("uses the category's working days, or the centre's default when it sets none", () => {
    const start = local('2026-11-23 10:00'); // Monday
    expect(deadlineFor(calendar, start, { workingDays: 3 }, 5).toISOString()).toBe('2026-11-26T02:00:00.000Z');
    expect(deadlineFor(calendar, start, { workingDays: null, hours: null }, 5).toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });
});

describe('the seeded calendar', () => {
  it('holds the 2026 notice: 33 days off and 6 weekend days worked, all on weekends', () => {
    const of2026 = CALENDAR_DAYS.filter((day) => day.date.startsWith('2026-'));
    const worked = of2026.filter((day) => day.kind === CalendarDayKind.WORKDAY).map((day) => day.date);
    expect(of2026.length - worked.length).toBe(33);
    expect(worked.sort()).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    for (const date of worked) expect([0, 6]).toContain(new Date(`${date}T00:00:00Z`).getUTCDay());
  });

  it('invents no 2027 make-up days and knows 除夕 2027 (5 Feb) is off', () => {
    expect(CALENDAR_DAYS.filter((day) => day.date.startsWith('2027-') && day.kind === CalendarDayKind.WORKDAY)).toEqual([]);
    expect(calendar.isWorkingDay(local('2027-02-05 10:00'))).toBe(false);
    expect(new Set(CALENDAR_DAYS.map((day) => day.date)).size).toBe(CALENDAR_DAYS.length);
  });
});

describe('a zone with daylight saving', () => {
  it('keeps the local clock time across the change: New York Friday 10:00 EST + 5 → Friday 10:00 EDT', () => {
    const newYork = new WorkingCalendar([], 'America/New_York');
    expect(newYork.addWorkingDays(new Date('2026-03-06T15:00:00Z'), 5).toISOString()).toBe('2026-03-13T14:00:00.000Z');
  });
});
