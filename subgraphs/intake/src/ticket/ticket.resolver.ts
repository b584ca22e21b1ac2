import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Assignment } from '../assignment/assignment.entity';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { answerTicket } from './answer-ticket';
import { createTicket } from './create-ticket';
import { listTickets } from './list-tickets';
import { TicketConnection } from './ticket-connection';
import { Ticket } from './ticket.entity';
import { TicketFilter } from './ticket-filter.input';
import { CreateTicketInput } from './ticket.input';

@Resolver(() => Ticket)
export class TicketResolver {
  @Query(() => Ticket, { nullable: true })
  ticket(@Arg('id', () => ID) id: string, @Ctx() context: IntakeContext): Promise<Ticket | null> {
    return context.loaders.ticketById.load(id);
  }

  @Query(() => Ticket, { nullable: true, description: 'Look a ticket up by the number the citizen was given' })
  ticketByNumber(@Arg('number', () => String) number: string, @Ctx() context: IntakeContext): Promise<Ticket | null> {
    return context.dataSource.getRepository(Ticket).findOneBy({ number: number.trim() });
  }

  @Query(() => TicketConnection)
  tickets(
    @Ctx() context: IntakeContext,
    @Arg('filter', () => TicketFilter, { nullable: true }) filter?: TicketFilter | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<TicketConnection> {
    return listTickets(context.dataSource, { filter, first, after });
  }

  @Mutation(() => Ticket, { description: 'Record a citizen request (受理)' })
  createTicket(@Arg('input', () => CreateTicketInput) input: CreateTicketInput, @Ctx() context: IntakeContext): Promise<Ticket> {
    return createTicket(input, context);
  }

  @Mutation(() => Ticket, { description: 'Close a ticket at intake with the answer given on the spot (直接答复)' })
  answerTicket(
    @Arg('id', () => ID) id: string,
    @Arg('answer', () => String) answer: string,
    @Ctx() context: IntakeContext,
  ): Promise<Ticket> {
    return answerTicket(id, answer, context);
  }

  @FieldResolver(() => Category)
  async category(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<Category> {
    const category = await context.loaders.categoryByCode.load(ticket.categoryCode);
    return category ?? { code: ticket.categoryCode, nameZh: ticket.categoryCode, nameEn: ticket.categoryCode, departmentCode: null };
  }

  @FieldResolver(() => [Assignment], { description: 'The departments the ticket was dispatched to, lead first' })
  assignments(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<Assignment[]> {
    return context.loaders.assignmentsByTicket.load(ticket.id);
  }
}
