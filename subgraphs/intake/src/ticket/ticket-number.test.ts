import { formatTicketNumber, localDay } from './ticket-number';

describe('ticket numbers', () => {
  it('follow the city day, which starts 8 hours before the UTC day', () => {
    expect(localDay(new Date('2026-11-22T16:30:00Z'), 'Asia/Shanghai')).toBe('20261123');
    expect(localDay(new Date('2026-11-22T15:59:59Z'), 'Asia/Shanghai')).toBe('20261122');
  });

  it('read like 12345-20261123-000042', () => {
    expect(formatTicketNumber('20261123', 42)).toBe('12345-20261123-000042');
  });
});
