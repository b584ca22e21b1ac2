import type { DataSource } from 'typeorm';
import { CALENDAR_DAYS } from '../../../seeds/intake/calendar';
import { CATEGORIES } from '../../../seeds/intake/categories';
import { DEPARTMENTS } from '../../../seeds/intake/departments';
import { WorkingCalendar } from '../../../schema/time/working-calendar';
import { FactStore } from '../../../subgraphs/oversight/src/facts/fact-store';
import type { FeedEvent, Projection } from '../../../subgraphs/oversight/src/projection/feed-event';
import { projectEvent } from '../../../subgraphs/oversight/src/projection/project-event';
import { RollupDelta } from '../../../subgraphs/oversight/src/rollup/rollup-delta';
import { writeRollups } from '../../../subgraphs/oversight/src/rollup/write-rollups';
import { type SeededRandom, seededRandom } from '../generate/seeded-random';

/**
 * A quarter of a city's tickets (6,000 a day) as the events intake would have
 * recorded, put through oversight's own projection and written to its
 * database: the rollups a quarterly ranking reads, as the feed would have
 * left them, without a quarter of wall-clock time to make them.
 */
const ZONE = 'Asia/Shanghai';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BATCH = 10_000;
const CHANNELS = ['PHONE', 'PHONE', 'PHONE', 'SMS', 'WEB', 'APP', 'MAYOR_MAILBOX'];
const DISTRICTS = ['langya', 'nanqiao', 'laian', 'quanjiao', 'dingyuan', 'fengyang', 'tianchang', 'mingguang'];

type Rng = SeededRandom;

/** One ticket's life, as intake's events: answered on the spot, or dispatched and handled with the usual mishaps. */
function ticketLife(rng: Rng, calendar: WorkingCalendar, ticketId: string, createdAt: number): FeedEvent[] {
  const events: FeedEvent[] = [];
  let counter = 0;
  const emit = (at: number, action: string, entityType: string, entityId: string, fromState: string | null, toState: string | null, data: Record<string, unknown> | null = null) =>
    events.push({ seq: 0, id: `${ticketId}-${counter++}`, ticketId, subgraph: 'intake', action, entityType, entityId, fromState, toState, data, occurredAt: new Date(at) });
  const category = rng.pick(CATEGORIES);
  const owner = category.departmentCode ?? rng.pick(DEPARTMENTS).code;
  emit(createdAt, 'ticket.created', 'Ticket', ticketId, null, 'RECEIVED', { channel: rng.pick(CHANNELS), categoryCode: category.code, district: rng.pick(DISTRICTS) });
  if (rng.next() < 0.3) {
    emit(createdAt + rng.between(2, 20) * MIN, 'ticket.answer', 'Ticket', ticketId, 'RECEIVED', 'ANSWERED');
    return events;
  }
  const deadlineFrom = (at: number) => (category.timeLimitHours ? at + category.timeLimitHours * HOUR : calendar.addWorkingDays(new Date(at), category.timeLimitWorkingDays ?? 5).getTime());
  let at = createdAt + rng.between(5, 60) * MIN;
  let department = owner;
  let round = 0;
  let from = 'RECEIVED';
  for (;;) {
    const assignment = `${ticketId}-a${round++}`;
    let deadline = deadlineFrom(at);
    emit(at, 'ticket.dispatched', 'Assignment', assignment, from, 'DISPATCHED', { departmentCode: department, lead: true, deadline: new Date(deadline).toISOString() });
    const step = (after: number, name: string, fromState: string, toState: string, data: Record<string, unknown> = {}) => {
      at += after;
      emit(at, `assignment.${name}`, 'Assignment', assignment, fromState, toState, { departmentCode: department, ...data });
    };
    if (round === 1 && rng.next() < 0.05) {
      step(rng.between(1, 4) * HOUR, 'return', 'PENDING', 'RETURNED');
      emit((at += HOUR), 'ticket.returned', 'Ticket', ticketId, 'DISPATCHED', 'RETURNED');
      department = rng.pick(DEPARTMENTS).code;
      from = 'RETURNED';
      continue;
    }
    step(rng.between(0.5, 3) * HOUR, 'accept', 'PENDING', 'ACCEPTED');
    if (rng.next() < 0.08) {
      step(rng.between(1, 3) * DAY, 'requestExtension', 'ACCEPTED', 'EXTENSION_REQUESTED', { workingDays: 3 });
      step(HOUR, 'grantExtension', 'EXTENSION_REQUESTED', 'IN_PROGRESS');
      deadline = calendar.addWorkingDays(new Date(deadline), 3).getTime();
    }
    if (rng.next() < 0.05) step(rng.between(0.5, 2) * DAY, 'urge', 'ACCEPTED', 'ACCEPTED');
    if (rng.next() < 0.03) emit((at += DAY), 'ticket.supervise', 'Ticket', ticketId, 'DISPATCHED', 'DISPATCHED', { level: 'SUPERVISED' });
    const fate = rng.next();
    if (fate < 0.04) return events; // still open
    const reportAt = fate < 0.84 ? rng.between(Math.min(at + 2 * HOUR, deadline), deadline) : deadline + rng.between(1, 72) * HOUR;
    at = Math.max(at + MIN, reportAt);
    emit(at, 'assignment.reportResult', 'Assignment', assignment, 'ACCEPTED', 'RESULT_REPORTED', { departmentCode: department });
    emit(at, 'ticket.result_reported', 'Ticket', ticketId, 'DISPATCHED', 'RESULT_REPORTED');
    const verdict = rng.next();
    at += rng.between(2, 30) * HOUR;
    if (verdict < 0.03) emit(at, 'ticket.callback', 'Ticket', ticketId, 'RESULT_REPORTED', 'RESULT_REPORTED', { result: 'UNREACHABLE' });
    if (verdict >= 0.93 && round === 1) {
      emit(at, 'ticket.callback', 'Ticket', ticketId, 'RESULT_REPORTED', 'REOPENED', { result: 'NOT_SATISFIED' });
      at += DAY;
      from = 'REOPENED';
      continue;
    }
    const result = verdict >= 0.85 && verdict < 0.93 ? 'BASICALLY_SATISFIED' : 'SATISFIED';
    emit((at += verdict < 0.03 ? DAY : 0), 'ticket.callback', 'Ticket', ticketId, 'RESULT_REPORTED', 'CLOSED', { result });
    if (rng.next() < 0.1) emit(at + DAY, 'ticket.rated', 'Ticket', ticketId, 'CLOSED', 'CLOSED', { rating: rng.pick(['SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'NOT_SATISFIED']), previous: null });
    return events;
  }
}

export interface GeneratedQuarter {
  tickets: number;
  events: number;
  coarseRows: number;
  fineRows: number;
  seconds: number;
}

/**
 * `perDay` tickets a day from `firstDay` (YYYY-MM-DD, local) for `days` days,
 * projected and written: facts (when `withFacts`) in batches, rollups at the end.
 */
export async function generateQuarter(dataSource: DataSource, firstDay: string, days: number, perDay: number, options: { seed: number; withFacts: boolean; log: (line: string) => void }): Promise<GeneratedQuarter> {
  const started = Date.now();
  const rng = seededRandom(options.seed);
  const calendar = new WorkingCalendar(CALENDAR_DAYS, ZONE);
  const rollups = new RollupDelta();
  const start = Date.parse(`${firstDay}T00:00:00+08:00`);
  let tickets = 0;
  let events = 0;
  let facts = new FactStore();
  const projection: Projection = { facts, rollups, calendar, timeZone: ZONE, skipped: (event, why) => options.log(`skipped ${event.action}: ${why}`) };
  for (let day = 0; day < days; day += 1) {
    for (let i = 0; i < perDay; i += 1) {
      // the day's calls follow the day: few at night, most between 08:00 and 20:00
      const hour = rng.next() < 0.9 ? rng.between(8, 20) : rng.between(0, 24);
      const life = ticketLife(rng, calendar, `q${options.seed}-${day}-${i}`, start + day * DAY + hour * HOUR);
      for (const event of life) projectEvent(event, projection);
      events += life.length;
      tickets += 1;
      if (tickets % BATCH === 0) {
        if (options.withFacts) await facts.save(dataSource.manager);
        projection.facts = facts = new FactStore();
        if (tickets % 100_000 === 0) options.log(`${tickets} tickets, ${events} events (${((Date.now() - started) / 1000).toFixed(0)} s)`);
      }
    }
  }
  if (options.withFacts) await facts.save(dataSource.manager);
  await writeRollups(dataSource.manager, rollups, true);
  return { tickets, events, coarseRows: rollups.coarse.size, fineRows: rollups.fine.size, seconds: (Date.now() - started) / 1000 };
}
