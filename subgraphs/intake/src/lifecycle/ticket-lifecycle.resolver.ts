import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { TicketStatus } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import { Role } from '../../../../schema/identity/roles';
import { finishRound } from '../assignment/ticket-rollup';
import { CallbackResult } from '../callback/callback.entity';
import { recordCallback } from '../callback/record-callback';
import type { IntakeContext } from '../context';
import { Supervision } from '../supervision/supervision';
import { superviseTicket } from '../supervision/supervise-ticket';
import { Ticket } from '../ticket/ticket.entity';
import { stepTicket } from '../ticket/ticket-step';

const version = () => Arg('expectedVersion', () => Int, { nullable: true, description: 'The ticket version you saw; another one is a CONFLICT' });

/** The centre's steps after dispatch: callback, closing, supervision, archive. */
@Resolver(() => Ticket)
export class TicketLifecycleResolver {
  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => Ticket, { description: '回访: what the citizen said of the result; not satisfied reopens the ticket' })
  recordCallback(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('result', () => CallbackResult) result: CallbackResult,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ): Promise<Ticket> {
    return recordCallback(context, ticketId, result, note, expectedVersion);
  }

  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => Ticket, { description: '一单一报: close a request that cannot be satisfied, with a written explanation' })
  closeWithExplanation(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('explanation', () => String) explanation: string,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ): Promise<Ticket> {
    const text = explanation.trim();
    if (text.length < 10) throw new BadInputError('explanation must explain, in at least 10 characters, why the request cannot be met', 'explanation');
    return stepTicket(context, ticketId, {
      transition: 'closeWithExplanation',
      expectedVersion,
      reason: text,
      apply: async (_ticket, manager) => {
        await finishRound(manager, ticketId);
        return { status: TicketStatus.CLOSED, closeExplanation: text, closedAt: new Date() };
      },
    });
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Ticket, { description: '督办 / 领导批示: supervise a ticket; its departments get a tighter limit' })
  superviseTicket(
    @Arg('ticketId', () => ID) ticketId: string,
    @Arg('level', () => Supervision) level: Supervision,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @version() expectedVersion: number | null,
    @Ctx() context: IntakeContext,
  ): Promise<Ticket> {
    return superviseTicket(context, ticketId, level, note, expectedVersion);
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => Ticket, { description: '归档: archive a finished ticket' })
  archiveTicket(@Arg('ticketId', () => ID) ticketId: string, @version() expectedVersion: number | null, @Ctx() context: IntakeContext): Promise<Ticket> {
    return stepTicket(context, ticketId, { transition: 'archive', expectedVersion, apply: () => ({ status: TicketStatus.ARCHIVED }) });
  }
}
