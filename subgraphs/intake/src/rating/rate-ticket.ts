import { recordAudit } from '../../../../schema/audit/record-audit';
import { TicketStatus } from '../../../../schema/enums';
import { BadInputError, ConflictError, NotFoundError } from '../../../../schema/errors';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { inTransaction } from '../../../../schema/database/transaction';
import { CallbackResult } from '../callback/callback.entity';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { visibleText } from '../ticket/visible-text';
import { TicketRating } from './ticket-rating.entity';

const RATABLE = [TicketStatus.CLOSED, TicketStatus.ARCHIVED];

/**
 * 评价: the citizen whose ticket it is rates its result once, and may change
 * the rating within `changeDays` of the first one; every rating and change is
 * audited (`ticket.rated`) in the same transaction, so the oversight figures
 * follow it. An unreachable verdict is the callback's, not the citizen's.
 */
export function rateTicket(context: IntakeContext, ticketId: string, rating: CallbackResult, comment: string | null, changeDays: number): Promise<TicketRating> {
  if (rating === CallbackResult.UNREACHABLE) throw new BadInputError('a citizen rates SATISFIED, BASICALLY_SATISFIED or NOT_SATISFIED', 'rating');
  const note = comment ? visibleText(comment) || null : null;
  if (note && note.length > 1000) throw new BadInputError('comment must be at most 1000 characters', 'comment');
  return inTransaction(context.dataSource, async (manager) => {
    const ticket = await manager.findOneBy(Ticket, { id: ticketId });
    if (!ticket) throw new NotFoundError('Ticket', ticketId);
    if (!context.actor.phone || ticket.citizenPhone !== context.actor.phone) throw new ForbiddenError(`ticket ${ticket.number} is not yours to rate`);
    if (!RATABLE.includes(ticket.status)) throw new ConflictError(`ticket ${ticket.number} is ${ticket.status}; a result is rated once the ticket is closed`);
    const now = new Date();
    const previous = await manager.findOneBy(TicketRating, { ticketId });
    if (previous && now.getTime() - previous.firstRatedAt.getTime() > changeDays * 86_400_000) {
      throw new ConflictError(`ticket ${ticket.number} was rated on ${previous.firstRatedAt.toISOString()}; a rating may be changed for ${changeDays} days`);
    }
    const saved = { ticketId, rating, comment: note, ratedBy: context.actor.id, firstRatedAt: previous?.firstRatedAt ?? now, ratedAt: now };
    await manager.save(TicketRating, saved);
    await recordAudit(manager, 'intake', context, {
      ticketId,
      action: 'ticket.rated',
      entityType: 'Ticket',
      entityId: ticketId,
      fromState: ticket.status,
      toState: ticket.status,
      reason: note,
      data: { rating, previous: previous?.rating ?? null },
    });
    return manager.create(TicketRating, saved);
  });
}
