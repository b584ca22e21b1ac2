import { assignmentDispatched, assignmentStep } from './assignment-steps';
import type { FeedEvent, Projection } from './feed-event';
import { repeatLeft, ticketMerged } from './repeat-steps';
import { ticketAnswered, ticketCreated, ticketSupervised } from './ticket-steps';
import { ticketCallback, ticketClosedWithExplanation, ticketRated } from './verdict-steps';

/**
 * Applies one event of intake's (the one subgraph whose events move a
 * ticket) to the facts and the rollups. Each event is applied exactly once:
 * the caller holds the feed cursor. Every other subgraph's events (work
 * orders, reads of personal data) change no figure and pass.
 */
export function projectEvent(event: FeedEvent, projection: Projection): void {
  if (event.subgraph !== 'intake') return;
  if (event.action === 'ticket.created') return ticketCreated(event, projection);
  const ticket = projection.facts.ticket(event.ticketId);
  if (!ticket) {
    if (event.action.startsWith('ticket.') || event.action.startsWith('assignment.')) projection.skipped(event, 'an event of a ticket never created');
    return;
  }
  if (event.action.startsWith('ticket.')) {
    // every ticket step names the ticket's state after it (a dispatch too, though its entity is the assignment)
    if (event.toState) ticket.status = event.toState;
    projection.facts.changed(ticket);
  }
  switch (event.action) {
    case 'ticket.answer':
      return ticketAnswered(event, ticket, projection);
    case 'ticket.dispatched':
      return event.entityType === 'Assignment' ? assignmentDispatched(event, ticket, projection) : undefined;
    case 'ticket.supervise':
      return ticketSupervised(event, ticket, projection);
    case 'ticket.merge':
      return ticketMerged(event, ticket, projection);
    case 'ticket.unmerge':
      return repeatLeft(event, ticket, projection);
    // a repeat's citizen judges its primary's result, which the primary's own callback counts: a problem counts once
    case 'ticket.callback':
      if (!ticket.repeatOf) return ticketCallback(event, ticket, projection);
      return event.toState === 'REOPENED' ? repeatLeft(event, ticket, projection) : undefined;
    case 'ticket.closeWithExplanation':
      return ticket.repeatOf ? undefined : ticketClosedWithExplanation(event, ticket, projection);
    case 'ticket.rated':
      return ticket.repeatOf ? undefined : ticketRated(event, ticket, projection);
    default:
      if (event.action.startsWith('assignment.')) assignmentStep(event, ticket, projection);
  }
}
