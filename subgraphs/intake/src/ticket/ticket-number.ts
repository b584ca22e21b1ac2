import type { EntityManager } from 'typeorm';
import { TicketSequence } from './ticket-sequence.entity';

/** The city's calendar day (YYYYMMDD) of an instant: numbers follow local days, not UTC ones. */
export function localDay(at: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

export function formatTicketNumber(day: string, sequence: number): string {
  return `12345-${day}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Hands out the next number of the day inside the caller's transaction.
 * The UPDATE takes the row lock on MySQL (and SQLite serialises writers), so
 * concurrent intakes never get the same number; a rolled-back intake gives its
 * number back.
 */
export async function nextTicketNumber(manager: EntityManager, at: Date, timeZone: string): Promise<string> {
  const day = localDay(at, timeZone);
  await manager.createQueryBuilder().insert().into(TicketSequence).values({ day, lastValue: 0 }).orIgnore().execute();
  await manager
    .createQueryBuilder()
    .update(TicketSequence)
    .set({ lastValue: () => 'lastValue + 1' })
    .where('day = :day', { day })
    .execute();
  const row = await manager.findOneByOrFail(TicketSequence, { day });
  return formatTicketNumber(day, row.lastValue);
}
