import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { TicketStatus } from '../../../../schema/enums';
import { BadInputError } from '../../../../schema/errors';
import { Role } from '../../../../schema/identity/roles';
import { finishRound } from '../assignment/ticket-rollup';
import { recordCallback } from '../callback/record-callback';
import type { IntakeContext } from '../context';
import { superviseTicket } from '../supervision/supervise-ticket';
import { Ticket } from '../ticket/ticket.entity';
import { ArchiveTicketPayload, CloseWithExplanationPayload, RecordCallbackPayload, SuperviseTicketPayload, ticketPayload, type TicketPayload } from '../ticket/ticket.payload';
import { stepTicket } from '../ticket/ticket-step';
import { ArchiveTicketInput, CloseWithExplanationInput, RecordCallbackInput, SuperviseTicketInput } from './ticket-lifecycle.input';

/** The centre's steps after dispatch: callback, closing, supervision, archive. */
@Resolver(() => Ticket)
export class TicketLifecycleResolver {
  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => RecordCallbackPayload, { description: '回访: what the citizen said of the result; not satisfied reopens the ticket' })
  recordCallback(@Arg('input', () => RecordCallbackInput) input: RecordCallbackInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(recordCallback(context, input.ticketId, input.result, input.note ?? null, input.expectedVersion ?? null));
  }

  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => CloseWithExplanationPayload, { description: '一单一报: close a request that cannot be satisfied, with a written explanation' })
  closeWithExplanation(@Arg('input', () => CloseWithExplanationInput) input: CloseWithExplanationInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    const { ticketId } = input;
    const text = input.explanation.trim();
    if (text.length < 10) throw new BadInputError('explanation must explain, in at least 10 characters, why the request cannot be met', 'explanation');
    return ticketPayload(
      stepTicket(context, ticketId, {
        transition: 'closeWithExplanation',
        expectedVersion: input.expectedVersion,
        reason: text,
        apply: async (_ticket, manager) => {
          await finishRound(manager, ticketId);
          return { status: TicketStatus.CLOSED, closeExplanation: text, closedAt: new Date() };
        },
      }),
    );
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => SuperviseTicketPayload, { description: '督办 / 领导批示: supervise a ticket; its departments get a tighter limit' })
  superviseTicket(@Arg('input', () => SuperviseTicketInput) input: SuperviseTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(superviseTicket(context, input.ticketId, input.level, input.note ?? null, input.expectedVersion ?? null));
  }

  @Authorized(Role.SUPERVISOR)
  @Mutation(() => ArchiveTicketPayload, { description: '归档: archive a finished ticket' })
  archiveTicket(@Arg('input', () => ArchiveTicketInput) input: ArchiveTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(stepTicket(context, input.ticketId, { transition: 'archive', expectedVersion: input.expectedVersion, apply: () => ({ status: TicketStatus.ARCHIVED }) }));
  }
}
