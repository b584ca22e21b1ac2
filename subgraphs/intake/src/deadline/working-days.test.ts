import { addWorkingDays } from './working-days';

const ZONE = 'Asia/Shanghai';

describe('addWorkingDays', () => {
  it('counts five working days from a Monday to the next Monday', () => {
    // Monday 2026-11-23 10:00 in the city (02:00 UTC)
    expect(addWorkingDays(new Date('2026-11-23T02:00:00Z'), 5, ZONE).toISOString()).toBe('2026-11-30T02:00:00.000Z');
  });

  it('skips the weekend from a Friday afternoon', () => {
    // Friday 2026-11-27 16:30 local → due Friday 2026-12-04 16:30 local
    expect(addWorkingDays(new Date('2026-11-27T08:30:00Z'), 5, ZONE).toISOString()).toBe('2026-12-04T08:30:00.000Z');
  });

  it('uses the city day, not the UTC day: Saturday 01:00 local is still a weekend', () => {
    // 2026-11-28 01:00 local is Friday 17:00 UTC; one working day later is Monday 01:00 local
    expect(addWorkingDays(new Date('2026-11-27T17:00:00Z'), 1, ZONE).toISOString()).toBe('2026-11-29T17:00:00.000Z');
  });
});
