import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ForbiddenError } from '../../../../schema/identity/auth-checker';
import { hasRole, Role, TICKET_READERS } from '../../../../schema/identity/roles';
import { Assignment } from '../assignment/assignment.entity';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { answerTicket } from './answer-ticket';
import { createTicket } from './create-ticket';
import { listTickets } from './list-tickets';
import { assertCanSee, ticketScope } from './ticket-access';
import { TicketConnection } from './ticket-connection';
import { Ticket } from './ticket.entity';
import { TicketFilter } from './ticket-filter.input';
import { CreateTicketInput } from './ticket.input';
import { AnswerTicketPayload, CreateTicketPayload, ticketPayload, type TicketPayload } from './ticket.payload';
import { AnswerTicketInput } from './answer-ticket.input';

@Resolver(() => Ticket)
export class TicketResolver {
  @Authorized(...TICKET_READERS)
  @Query(() => Ticket, { nullable: true })
  async ticket(@Arg('id', () => ID) id: string, @Ctx() context: IntakeContext): Promise<Ticket | null> {
    const ticket = await context.loaders.ticketById.load(id);
    if (ticket) await assertCanSee(context, ticket);
    return ticket;
  }

  @Authorized(...TICKET_READERS)
  @Query(() => Ticket, { nullable: true, description: 'Look a ticket up by the number the citizen was given' })
  async ticketByNumber(@Arg('number', () => String) number: string, @Ctx() context: IntakeContext): Promise<Ticket | null> {
    const ticket = await context.dataSource.getRepository(Ticket).findOneBy({ number: number.trim() });
    if (ticket) await assertCanSee(context, ticket);
    return ticket;
  }

  @Authorized(...TICKET_READERS)
  @Query(() => TicketConnection, { description: "Citizens see their own tickets, departments the ones assigned to them" })
  tickets(
    @Ctx() context: IntakeContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page forward (older tickets): this many, 20 when neither first nor last is given; at most 100' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: "Start after this cursor (a page's endCursor)" }) after?: string | null,
    @Arg('last', () => Int, { nullable: true, description: 'Page backward (newer tickets): this many; at most 100' }) last?: number | null,
    @Arg('before', () => String, { nullable: true, description: "End before this cursor (a page's startCursor)" }) before?: string | null,
  ): Promise<TicketConnection> {
    return listTickets(context.dataSource, { filter, first, after, last, before }, ticketScope(context, filter?.departmentCode));
  }

  @Authorized(Role.OPERATOR, Role.SUPERVISOR, Role.CITIZEN)
  @Mutation(() => CreateTicketPayload, { description: 'Record a citizen request (受理); a citizen files under their own phone number' })
  createTicket(@Arg('input', () => CreateTicketInput) input: CreateTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    const { actor } = context;
    if (!hasRole(actor, Role.OPERATOR, Role.SUPERVISOR)) {
      if (!actor.phone) throw new ForbiddenError('a citizen account needs a verified phone number to file a request');
      input.citizenPhone = actor.phone;
    }
    return ticketPayload(createTicket(input, context));
  }

  @Authorized(Role.OPERATOR, Role.SUPERVISOR)
  @Mutation(() => AnswerTicketPayload, { description: 'Close a ticket at intake with the answer given on the spot (直接答复)' })
  answerTicket(@Arg('input', () => AnswerTicketInput) input: AnswerTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(answerTicket(input.id, input.answer, context, { articleId: input.articleId, expectedVersion: input.expectedVersion }));
  }

  @FieldResolver(() => Category)
  async category(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<Category> {
    const category = await context.loaders.categoryByCode.load(ticket.categoryCode);
    // a category removed from the catalogue still names itself on the tickets filed under it
    return category ?? Object.assign(new Category(), { code: ticket.categoryCode, nameZh: ticket.categoryCode, nameEn: ticket.categoryCode });
  }

  @FieldResolver(() => [Assignment], { description: 'The departments the ticket was dispatched to, lead first' })
  assignments(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<Assignment[]> {
    return context.loaders.assignmentsByTicket.load(ticket.id);
  }
}
