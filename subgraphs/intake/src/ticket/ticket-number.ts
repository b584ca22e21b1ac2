import type { EntityManager } from 'typeorm';
import { localDay } from '../../../../schema/time/city-calendar';
import { TicketSequence } from './ticket-sequence.entity';

export function formatTicketNumber(day: string, sequence: number): string {
  return `12345-${day}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Hands out the next number of the day inside the caller's transaction, in one
 * upsert statement: it takes the row's write lock at once, so concurrent
 * intakes queue on the lock instead of deadlocking, and never share a number;
 * a rolled-back intake gives its number back.
 */
export async function nextTicketNumber(manager: EntityManager, at: Date, timeZone: string): Promise<string> {
  const day = localDay(at, timeZone);
  const upsert =
    manager.connection.options.type === 'mysql'
      ? 'INSERT INTO ticket_sequence (day, lastValue) VALUES (?, 1) ON DUPLICATE KEY UPDATE lastValue = lastValue + 1'
      : 'INSERT INTO ticket_sequence (day, lastValue) VALUES (?, 1) ON CONFLICT (day) DO UPDATE SET lastValue = lastValue + 1';
  await manager.query(upsert, [day]);
  const row = await manager.findOneByOrFail(TicketSequence, { day });
  return formatTicketNumber(day, row.lastValue);
}
