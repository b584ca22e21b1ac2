import { SingleBar } from 'cli-progress';
import type { DataSource, QueryRunner } from 'typeorm';
import { CALENDAR_DAYS } from '../../../seeds/intake/calendar';
import { localDay } from '../../../schema/time/city-calendar';
import { WorkingCalendar } from '../../../schema/time/working-calendar';
import { chainHash, departmentOf, GENESIS_HASH } from '../../../subgraphs/audit/src/trail/trail-hash';
import { BulkTable, sqlTime } from './bulk-table';
import { seededRandom } from './seeded-random';
import { type EventRow, type TicketLife, ticketLife } from './ticket-life';

/**
 * Writes `tickets` tickets straight into the services' databases with
 * multi-row INSERTs, as the services would have left them: intake's tickets,
 * assignments and (delivered) outbox events, audit's hash-chained trail with
 * its heads and feed, oversight's feed cursor at the feed's end (its figures
 * come from `npm run bench:oversight`; re-reading millions of events at start
 * would be what this bench measured). The departments' subgraphs keep nothing
 * per ticket until they open a work order, so they get nothing. The days end
 * yesterday (city time), so today's live intakes never meet a generated number;
 * a city grown later gets its new tickets as older days, before its first.
 */
const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const CHUNK = 2_000;
const TIMES = new Set(['createdAt', 'updatedAt', 'deadline', 'closedAt', 'dispatchedAt', 'acceptedAt', 'reportedAt']);
const EVENT_COLUMNS = ['id', 'ticketId', 'subgraph', 'action', 'entityType', 'entityId', 'fromState', 'toState', 'actorId', 'actorRole', 'requestId', 'reason', 'data', 'occurredAt'] as const;

export interface CityDatabases {
  intake: DataSource;
  audit: DataSource;
  oversight: DataSource;
}

export interface GeneratedCity {
  tickets: number;
  assignments: number;
  events: number;
  days: number;
  seconds: number;
}

const valuesOf = (row: Record<string, unknown>, columns: readonly string[]) =>
  columns.map((name) => (TIMES.has(name) && typeof row[name] === 'number' ? sqlTime(row[name] as number) : row[name]));
const eventValues = (event: EventRow) => EVENT_COLUMNS.map((name) => (name === 'occurredAt' ? sqlTime(event.occurredAt) : event[name]));

type Tables = Record<'ticket' | 'assignment' | 'department' | 'outbox' | 'sequence' | 'trail' | 'head', BulkTable>;

async function writeIntake(tables: Tables, lives: TicketLife[], ticketColumns: string[], assignmentColumns: string[]): Promise<void> {
  for (const life of lives) {
    await tables.ticket.add(valuesOf(life.ticket, ticketColumns));
    for (const assignment of life.assignments) await tables.assignment.add(valuesOf(assignment, assignmentColumns));
    // the department rows the dispatch wrote, with the status the ticket ended at
    for (const departmentCode of new Set(life.assignments.map((assignment) => assignment.departmentCode as string))) {
      await tables.department.add([life.ticket.id, departmentCode, sqlTime(life.ticket.createdAt as number), life.ticket.status]);
    }
    // the relay delivered each event a moment after it was recorded
    for (const event of life.events) await tables.outbox.add([...eventValues(event), sqlTime(event.occurredAt.getTime() + 300)]);
  }
}

/** Audit's trail as its ingest would have chained it; `feedSeq` is the feed's end before these tickets. */
async function writeAudit(tables: Tables, lives: TicketLife[], feedSeq: number): Promise<void> {
  for (const life of lives) {
    let prevHash = GENESIS_HASH;
    for (const [index, event] of life.events.entries()) {
      const hash = chainHash(prevHash, event);
      feedSeq += 1;
      await tables.trail.add([...eventValues(event), index + 1, feedSeq, departmentOf(event.subgraph, event.data), sqlTime(event.occurredAt.getTime() + 300), prevHash, hash]);
      prevHash = hash;
    }
    const last = life.events[life.events.length - 1];
    await tables.head.add([life.ticket.id, life.events.length, prevHash, life.events.length, sqlTime(last.occurredAt.getTime() + 300)]);
  }
}

async function bulkSession(dataSource: DataSource): Promise<QueryRunner> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  // the generator writes keys the services made unique and valid; checking each again only slows the load
  if (dataSource.options.type === 'mysql') await runner.query('SET SESSION foreign_key_checks = 0, unique_checks = 0');
  return runner;
}

const dayStartOf = (at: Date) => Date.parse(`${localDay(at, ZONE).replace(/(\d{4})(\d{2})(\d{2})/, '$1-$2-$3')}T00:00:00+08:00`);

export interface GenerateOptions {
  seed?: number;
  /** The generated days end the day before this instant's city day (default: today): a city grown later gets older history. */
  endBefore?: Date;
}

export async function generateCity(databases: CityDatabases, tickets: number, perDay: number, options: GenerateOptions = {}): Promise<GeneratedCity> {
  const started = Date.now();
  const rng = seededRandom(options.seed ?? 14);
  const calendar = new WorkingCalendar(CALENDAR_DAYS, ZONE);
  const days = Math.ceil(tickets / perDay);
  const today = dayStartOf(options.endBefore ?? new Date());
  const [intake, audit] = [await bulkSession(databases.intake), await bulkSession(databases.audit)];
  const sample = ticketLife(seededRandom(0), calendar, 'x', today);
  const ticketColumns = Object.keys(sample.ticket);
  const assignmentColumns = Object.keys(sample.assignments[0] ?? ticketLife(seededRandom(2), calendar, 'x', today).assignments[0]);
  const tables: Tables = {
    ticket: await BulkTable.open(intake, 'ticket', ticketColumns),
    assignment: await BulkTable.open(intake, 'assignment', assignmentColumns),
    department: await BulkTable.open(intake, 'ticket_department', ['ticketId', 'departmentCode', 'ticketCreatedAt', 'ticketStatus']),
    outbox: await BulkTable.open(intake, 'audit_event', [...EVENT_COLUMNS, 'deliveredAt']),
    sequence: await BulkTable.open(intake, 'ticket_sequence', ['day', 'lastValue']),
    trail: await BulkTable.open(audit, 'trail_event', [...EVENT_COLUMNS, 'ticketSeq', 'feedSeq', 'department', 'receivedAt', 'prevHash', 'hash']),
    head: await BulkTable.open(audit, 'trail_head', ['ticketId', 'lastSeq', 'lastHash', 'version', 'updatedAt']),
  };
  let [{ lastSeq: feedSeq }] = (await audit.query('SELECT lastSeq FROM trail_feed_head')) as Array<{ lastSeq: number }>;
  feedSeq = Number(feedSeq);
  let lastEventId: string | null = null;
  const bar = process.stdout.isTTY ? new SingleBar({ format: '  generating {bar} {percentage}% | {value}/{total} tickets | {eta_formatted} left' }) : null;
  bar?.start(tickets, 0);
  let assignments = 0;
  let events = 0;
  let made = 0;
  // the next chunk is made while the database writes the last one, so the generator's CPU and the database's overlap
  let writing: Promise<unknown> = Promise.resolve();
  const write = async (lives: TicketLife[]) => {
    await Promise.all([writeIntake(tables, lives, ticketColumns, assignmentColumns), writeAudit(tables, lives, feedSeq)]);
    made += lives.length;
    assignments += lives.reduce((sum, life) => sum + life.assignments.length, 0);
    events += lives.reduce((sum, life) => sum + life.events.length, 0);
    if (bar) bar.update(made);
    else if (made % Math.max(CHUNK, Math.floor(tickets / 50 / CHUNK) * CHUNK) === 0) console.log(`  ${made} of ${tickets} tickets (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  };
  let planned = 0;
  for (let day = 0; day < days && planned < tickets; day += 1) {
    const dayStart = today - (days - day) * DAY;
    const count = Math.min(perDay, tickets - planned);
    for (let first = 0; first < count; first += CHUNK) {
      const lives: TicketLife[] = [];
      for (let k = first; k < Math.min(count, first + CHUNK); k += 1) {
        const createdAt = Math.floor(dayStart + ((k + rng.next()) / count) * DAY);
        lives.push(ticketLife(rng, calendar, `12345-${localDay(new Date(createdAt), ZONE)}-${String(k + 1).padStart(6, '0')}`, createdAt));
      }
      planned += lives.length;
      await writing;
      writing = write(lives);
      feedSeq += lives.reduce((sum, life) => sum + life.events.length, 0);
      lastEventId = lives[lives.length - 1].events.at(-1)!.id;
    }
    await tables.sequence.add([localDay(new Date(dayStart + DAY / 2), ZONE), count]);
  }
  await writing;
  for (const table of Object.values(tables)) await table.flush();
  bar?.stop();
  await audit.query('UPDATE trail_feed_head SET lastSeq = ?', [feedSeq]);
  await databases.oversight.query("UPDATE feed_cursor SET seq = ?, eventId = ? WHERE id = 'audit'", [feedSeq, lastEventId]);
  // fresh statistics, as a database that grew to this size would have
  if (databases.intake.options.type === 'mysql') {
    await intake.query('ANALYZE TABLE ticket, assignment, ticket_department, audit_event');
    await audit.query('ANALYZE TABLE trail_event, trail_head');
  }
  await intake.release();
  await audit.release();
  return { tickets: made, assignments, events, days, seconds: (Date.now() - started) / 1000 };
}
