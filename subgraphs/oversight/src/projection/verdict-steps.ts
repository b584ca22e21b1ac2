import { localDay } from '../../../../schema/time/city-calendar';
import type { TicketFact } from '../facts/ticket-fact.entity';
import { type Counter, CENTRE } from '../rollup/counters';
import { type FeedEvent, joined, type Projection, text } from './feed-event';
import { answerableDepartments } from './ticket-steps';

/** A callback's or a rating's answer, and the count it goes to. */
const VERDICTS: Record<string, Counter> = {
  SATISFIED: 'satisfied',
  BASICALLY_SATISFIED: 'basicallySatisfied',
  NOT_SATISFIED: 'notSatisfied',
  UNREACHABLE: 'unreachable',
};

/** The round's departments are judged: remembered for a later rating or close, and a new round begins. */
function endRound(ticket: TicketFact, departments: string[]): void {
  ticket.judgedDepartments = joined(departments);
  ticket.roundDepartments = '';
}

/**
 * ticket.callback (回访): the citizen's answer counts for the centre and every
 * department whose report it judges; satisfied closes the ticket (closed),
 * not satisfied reopens it (reopened), unreachable leaves it waiting.
 */
export function ticketCallback(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  const verdict = VERDICTS[text(event.data?.result) ?? ''];
  if (!verdict) return projection.skipped(event, 'a callback without a known result');
  const departments = answerableDepartments(ticket);
  const units = [CENTRE, ...departments];
  const day = localDay(event.occurredAt, projection.timeZone);
  projection.rollups.count(day, units, ticket, verdict);
  if (event.toState === 'CLOSED') projection.rollups.count(day, units, ticket, 'closed');
  if (event.toState === 'REOPENED') projection.rollups.count(day, units, ticket, 'reopened');
  if (event.toState === 'CLOSED' || event.toState === 'REOPENED') endRound(ticket, departments);
}

/** ticket.closeWithExplanation (一单一报): closed, for the departments whose work it ends. */
export function ticketClosedWithExplanation(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  const departments = answerableDepartments(ticket);
  projection.rollups.count(localDay(event.occurredAt, projection.timeZone), [CENTRE, ...departments], ticket, 'closed');
  endRound(ticket, departments);
}

/**
 * ticket.rated: the citizen's own rating of a closed ticket counts beside the
 * callbacks, for the departments of the round that closed it, on the day it
 * was first given; a changed rating moves that one count to the new answer.
 */
export function ticketRated(event: FeedEvent, ticket: TicketFact, projection: Projection): void {
  const rating = text(event.data?.rating);
  const verdict = VERDICTS[rating ?? ''];
  if (!rating || !verdict || rating === 'UNREACHABLE') return projection.skipped(event, 'a rating without a known answer');
  const units = [CENTRE, ...answerableDepartments(ticket)];
  const day = ticket.ratingDay ?? localDay(event.occurredAt, projection.timeZone);
  if (ticket.rating) projection.rollups.count(day, units, ticket, VERDICTS[ticket.rating], -1);
  projection.rollups.count(day, units, ticket, verdict);
  ticket.rating = rating;
  ticket.ratingDay = day;
}
