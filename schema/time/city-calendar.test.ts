import { isLocalWeekend, localDay } from './city-calendar';

describe('the city calendar', () => {
  it('starts the Shanghai day 8 hours before the UTC day', () => {
    expect(localDay(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toBe('20261123');
    expect(localDay(new Date('2026-11-22T15:59:59Z'), 'Asia/Shanghai')).toBe('20261122');
  });

  it('knows a Friday evening in UTC is already Saturday in the city', () => {
    expect(isLocalWeekend(new Date('2026-11-27T17:00:00Z'), 'Asia/Shanghai')).toBe(true);
    expect(isLocalWeekend(new Date('2026-11-27T15:00:00Z'), 'Asia/Shanghai')).toBe(false);
  });
});
