import { recordAudit } from '../../../../schema/audit/record-audit';
import { TicketStatus } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import type { IntakeContext } from '../context';
import type { Ticket } from './ticket.entity';
import { loadTicketFor, saveTicketChange } from './ticket-transition';
import { inTransaction } from '../../../../schema/database/transaction';

/** The operator answered on the spot (直接答复): the ticket closes at intake, no department involved. */
export async function answerTicket(ticketId: string, answer: string, context: IntakeContext): Promise<Ticket> {
  const text = answer.trim();
  if (!text) throw new BadInputError('answer must say what the citizen was told', 'answer');
  return inTransaction(context.dataSource, async (manager) => {
    const ticket = await loadTicketFor(manager, ticketId, [TicketStatus.RECEIVED], 'answer');
    const now = new Date();
    const saved = await saveTicketChange(manager, ticket, { status: TicketStatus.ANSWERED, answer: text, closedAt: now });
    await recordAudit(manager, 'intake', context, {
      ticketId,
      action: 'ticket.answered',
      entityType: 'Ticket',
      entityId: ticketId,
      fromState: TicketStatus.RECEIVED,
      toState: TicketStatus.ANSWERED,
    });
    return saved;
  });
}
