import { changeHits, lookupKeys } from './coordinate-match';

describe('which recorded coordinates a breaking change hits', () => {
  it('hits the field itself, every field of a removed type, and the field whose argument changed', () => {
    expect(changeHits('WaterTicketInfo.outages', 'WaterTicketInfo.outages')).toBe(true);
    expect(changeHits('SupplyZone', 'SupplyZone.nameEn')).toBe(true);
    expect(changeHits('Query.tickets.first', 'Query.tickets')).toBe(true);
  });

  it('does not hit a neighbour whose name merely starts the same', () => {
    expect(changeHits('Ticket.water', 'Ticket.waterInfo')).toBe(false);
    expect(changeHits('Ticket', 'TicketEdge.node')).toBe(false);
  });

  it('asks the database by exact coordinate, or by type prefix for a whole type', () => {
    expect(lookupKeys('Query.tickets.first')).toEqual({ exact: ['Query.tickets'], typePrefix: null });
    expect(lookupKeys('SupplyZone')).toEqual({ exact: [], typePrefix: 'SupplyZone.' });
  });
});
