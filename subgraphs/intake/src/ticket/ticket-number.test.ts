import { formatTicketNumber } from './ticket-number';

describe('ticket numbers', () => {
  it('read like 12345-20261123-000042', () => {
    expect(formatTicketNumber('20261123', 42)).toBe('12345-20261123-000042');
  });
});
