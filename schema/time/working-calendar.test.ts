import { WorkingCalendar } from './working-calendar';

const ZONE = 'Asia/Shanghai';
/** 2026's National Day week off, and the Saturday after it worked in exchange. */
const calendar = new WorkingCalendar(
  [
    ...['01', '02', '03', '04', '05', '06', '07'].map((day) => ({ date: `2026-10-${day}`, kind: 'HOLIDAY' })),
    { date: '2026-10-10', kind: 'WORKDAY' },
  ],
  ZONE,
);
const local = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`);
const hours = (from: string, to: string) => calendar.workingSecondsBetween(local(from), local(to)) / 3600;

describe('WorkingCalendar.workingSecondsBetween', () => {
  it('counts the clock within one working day', () => {
    expect(hours('2026-11-23 09:00', '2026-11-23 17:30')).toBe(8.5);
  });

  it('leaves the weekend out: Friday 16:00 → Monday 10:00 is 18 working hours', () => {
    expect(hours('2026-11-27 16:00', '2026-11-30 10:00')).toBe(18);
  });

  it('gives five working days of limit as 120 hours', () => {
    const start = local('2026-11-23 10:00');
    expect(calendar.workingSecondsBetween(start, calendar.addWorkingDays(start, 5)) / 3600).toBe(120);
  });

  it('skips the holiday week and counts the make-up Saturday', () => {
    expect(hours('2026-09-30 12:00', '2026-10-08 12:00')).toBe(12 + 12);
    expect(hours('2026-10-09 00:00', '2026-10-11 00:00')).toBe(48);
  });

  it('is nothing for an empty or reversed span', () => {
    expect(hours('2026-11-23 10:00', '2026-11-23 10:00')).toBe(0);
    expect(hours('2026-11-24 10:00', '2026-11-23 10:00')).toBe(0);
  });
});
