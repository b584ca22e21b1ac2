import type { EntityManager } from 'typeorm';
import { localDay } from '../../schema/time/city-calendar';
import { formatTicketNumber, reserveDayNumbers } from '../../subgraphs/intake/src/ticket/ticket-number';

/**
 * Ticket numbers for a batch of intake times: one reservation per day for the
 * batch's count of that day, the way a running intake reserves its blocks, so
 * numbers the live intake hands out later (or handed out already) never
 * collide with the seeded ones.
 */
export async function reserveTicketNumbers(manager: EntityManager, times: readonly Date[], timeZone: string): Promise<string[]> {
  const days = times.map((at) => localDay(at, timeZone));
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  const next = new Map<string, number>();
  for (const [day, count] of counts) next.set(day, await reserveDayNumbers(manager, day, count));
  return days.map((day) => {
    const value = next.get(day)!;
    next.set(day, value + 1);
    return formatTicketNumber(day, value);
  });
}
