import { localDay } from '../../../../schema/time/city-calendar';
import { TicketFact } from '../facts/ticket-fact.entity';
import { CENTRE } from '../rollup/counters';
import { type FeedEvent, listOf, type Projection, text } from './feed-event';

/** Open assignments a supervision tightens: the centre's limits (intake's SUPERVISION_LIMIT_DAYS), in working days. */
const SUPERVISION_LIMIT_DAYS: Record<string, number> = { SUPERVISED: 3, LEADER_INSTRUCTION: 2 };

/** ticket.created: the ticket and its dimensions; received (受理) for the centre. */
export function ticketCreated(event: FeedEvent, projection: Projection): void {
  if (projection.facts.ticket(event.ticketId)) return;
  const data = event.data ?? {};
  const ticket = Object.assign(new TicketFact(), {
    ticketId: event.ticketId,
    categoryCode: text(data.categoryCode) ?? 'other',
    channel: text(data.channel) ?? 'UNKNOWN',
    district: text(data.district) ?? '',
    status: event.toState ?? 'RECEIVED',
    supervised: false,
    roundDepartments: '',
    judgedDepartments: '',
    rating: null,
    ratingDay: null,
    receivedDay: localDay(event.occurredAt, projection.timeZone),
    repeatOf: null,
  });
  projection.facts.addTicket(ticket);
  projection.rollups.count(ticket.receivedDay!, [CENTRE], ticket, 'received');
}

/** ticket.answer: answered on the spot (直接答复), the centre's alone. */
export function ticketAnswered(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  projection.rollups.count(localDay(event.occurredAt, projection.timeZone), [CENTRE], ticket, 'directlyAnswered');
}

/**
 * ticket.supervise (督办, 领导批示): counted once per ticket, for the centre and
 * each department still working on it; their deadlines tighten as intake's do.
 */
export function ticketSupervised(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  const level = text(event.data?.level);
  const limit = level ? SUPERVISION_LIMIT_DAYS[level] : undefined;
  if (limit === undefined) return;
  const open = projection.facts.assignmentsOf(ticket.ticketId).filter((assignment) => assignment.open);
  if (!ticket.supervised) {
    ticket.supervised = true;
    const units = [CENTRE, ...new Set(open.map((assignment) => assignment.departmentCode))];
    projection.rollups.count(localDay(event.occurredAt, projection.timeZone), units, ticket, 'supervised');
  }
  const tight = projection.calendar.addWorkingDays(event.occurredAt, limit);
  for (const assignment of open.filter((candidate) => candidate.deadline > tight)) {
    assignment.deadline = tight;
    assignment.deadlineDay = localDay(tight, projection.timeZone);
    projection.facts.changed(assignment);
  }
}

/** The departments a verdict on the ticket answers for: the round that reported, else the one judged last. */
export function answerableDepartments(ticket: TicketFact): string[] {
  const round = listOf(ticket.roundDepartments);
  return round.length ? round : listOf(ticket.judgedDepartments);
}
