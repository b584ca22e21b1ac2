import { In, type EntityManager } from 'typeorm';
import { localDay } from '../../schema/time/city-calendar';
import { formatTicketNumber } from '../../subgraphs/intake/src/ticket/ticket-number';
import { TicketSequence } from '../../subgraphs/intake/src/ticket/ticket-sequence.entity';

/**
 * Ticket numbers for a batch of intake times, taken from `ticket_sequence`
 * the way `nextTicketNumber` takes them one at a time: each day's counter is
 * advanced by the batch's count, so numbers the live intake hands out later
 * (or handed out already) never collide with the seeded ones.
 */
export async function reserveTicketNumbers(manager: EntityManager, times: readonly Date[], timeZone: string): Promise<string[]> {
  const days = times.map((at) => localDay(at, timeZone));
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  if (counts.size === 0) return [];
  const rows = [...counts.keys()].map((day) => ({ day, lastValue: 0 }));
  await manager.createQueryBuilder().insert().into(TicketSequence).values(rows).orIgnore().execute();
  // one UPDATE per day: it takes the row lock, like nextTicketNumber, so a live intake waits rather than reusing a number
  for (const [day, count] of counts) {
    await manager
      .createQueryBuilder()
      .update(TicketSequence)
      .set({ lastValue: () => `lastValue + ${count}` })
      .where('day = :day', { day })
      .execute();
  }
  const sequences = await manager.findBy(TicketSequence, { day: In([...counts.keys()]) });
  const next = new Map(sequences.map((s) => [s.day, s.lastValue - (counts.get(s.day) ?? 0) + 1]));
  return days.map((day) => {
    const value = next.get(day) ?? 1;
    next.set(day, value + 1);
    return formatTicketNumber(day, value);
  });
}
