import type { EntityManager } from 'typeorm';

/**
 * 12345-YYYYMMDD-NNNNNN: the city day the ticket was received and its place in
 * that day. Past 999,999 a day the count simply grows a seventh digit.
 */
export function formatTicketNumber(day: string, sequence: number): string {
  return `12345-${day}-${String(sequence).padStart(6, '0')}`;
}

/**
 * Reserves `count` consecutive numbers of a day in `ticket_sequence` and
 * returns the first. The row holds the highest number ever reserved for the
 * day, by any instance, process or seed; nobody hands out a number above it
 * without first moving it, so reservations never overlap. The upsert takes the
 * row's write lock at once: concurrent reservations queue rather than deadlock.
 * Run it in a transaction of its own (see ticket-number-blocks.ts) so the lock
 * is held for two statements, not for a whole intake.
 */
export async function reserveDayNumbers(manager: EntityManager, day: string, count: number): Promise<number> {
  const upsert =
    manager.connection.options.type === 'mysql'
      ? 'INSERT INTO ticket_sequence (day, lastValue) VALUES (?, ?) ON DUPLICATE KEY UPDATE lastValue = lastValue + ?'
      : 'INSERT INTO ticket_sequence (day, lastValue) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET lastValue = lastValue + ?';
  await manager.query(upsert, [day, count, count]);
  const [row] = (await manager.query('SELECT lastValue FROM ticket_sequence WHERE day = ?', [day])) as Array<{ lastValue: number | string }>;
  return Number(row.lastValue) - count + 1;
}
