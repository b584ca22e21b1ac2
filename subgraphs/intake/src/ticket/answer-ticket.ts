import { TicketStatus } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import type { IntakeContext } from '../context';
import { KnowledgeArticle } from '../knowledge/knowledge-article.entity';
import type { Ticket } from './ticket.entity';
import { stepTicket } from './ticket-step';

/** The operator answered on the spot (直接答复): the ticket closes at intake, no department involved. */
export function answerTicket(
  ticketId: string,
  answer: string,
  context: IntakeContext,
  options: { articleId?: string | null; expectedVersion?: number | null } = {},
): Promise<Ticket> {
  const text = answer.trim();
  if (!text) throw new BadInputError('answer must say what the citizen was told', 'answer');
  return stepTicket(context, ticketId, {
    transition: 'answer',
    expectedVersion: options.expectedVersion,
    data: options.articleId ? { articleId: options.articleId } : undefined,
    apply: async (_ticket, manager) => {
      if (options.articleId && !(await manager.existsBy(KnowledgeArticle, { id: options.articleId }))) {
        throw new BadInputError(`knowledge article ${options.articleId} does not exist`, 'articleId');
      }
      return { status: TicketStatus.ANSWERED, answer: text, answeredArticleId: options.articleId ?? null, closedAt: new Date() };
    },
  });
}
