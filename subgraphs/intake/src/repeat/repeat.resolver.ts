import { IsOptional, Length, Matches } from 'class-validator';
import { Arg, Authorized, Ctx, Field, FieldResolver, Float, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { Ticket } from '../ticket/ticket.entity';
import { MergeTicketPayload, ticketPayload, type TicketPayload, UnmergeTicketPayload } from '../ticket/ticket.payload';
import { PHONE_PATTERN } from '../ticket/ticket.input';
import { mergeTicket, unmergeTicket } from './merge-ticket';
import { MergeTicketInput, UnmergeTicketInput } from './merge-ticket.input';
import { REPEAT_SETTINGS, type RepeatReasonKind, similarTickets } from './similar-tickets';

const REASON_KINDS = { SAME_CALLER: 'SAME_CALLER', NEARBY: 'NEARBY', SIMILAR_TEXT: 'SIMILAR_TEXT' } as const satisfies Record<RepeatReasonKind, RepeatReasonKind>;
registerEnumType(REASON_KINDS, {
  name: 'RepeatReasonKind',
  valuesConfig: {
    SAME_CALLER: { description: 'the same phone number within the window' },
    NEARBY: { description: 'the same category within the radius' },
    SIMILAR_TEXT: { description: 'the wording reads alike (character bigrams)' },
  },
});

@ObjectType()
class RepeatReason {
  @Field(() => REASON_KINDS)
  kind: RepeatReasonKind;

  @Field(() => String)
  detail: string;

  @Field(() => Float, { description: 'What this reason adds, 0–1' })
  score: number;
}

@ObjectType({ description: 'A ticket that is probably the same problem, with why' })
class PossibleRepeat {
  @Field(() => Ticket)
  ticket: Ticket;

  @Field(() => Float, { description: '0–1, the reasons combined: 1 − Π(1 − score)' })
  score: number;

  @Field(() => [RepeatReason])
  reasons: RepeatReason[];
}

@InputType({ description: 'What the operator has typed so far' })
class SimilarTicketsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'citizenPhone must be a mainland mobile number or a landline with area code' })
  citizenPhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 40)
  categoryCode?: string | null;

  @Field(() => Float, { nullable: true })
  latitude?: number | null;

  @Field(() => Float, { nullable: true })
  longitude?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000)
  content?: string | null;
}

const CENTRE = [Role.OPERATOR, Role.SUPERVISOR];

@Resolver(() => Ticket)
export class RepeatResolver {
  @Authorized(...CENTRE)
  @Query(() => [PossibleRepeat], { description: 'Open or recently closed tickets that are probably the same problem (重复诉求), best first, at most 10' })
  similarOpenTickets(@Arg('input', () => SimilarTicketsInput) input: SimilarTicketsInput, @Ctx() context: IntakeContext): Promise<PossibleRepeat[]> {
    return similarTickets(context, input);
  }

  @Authorized(...CENTRE, Role.AUDITOR)
  @FieldResolver(() => [PossibleRepeat], { description: 'Other tickets that are probably the same problem as this one' })
  possibleRepeats(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<PossibleRepeat[]> {
    if (ticket.mergedIntoId) return Promise.resolve([]);
    // the window is the ticket's own: an imported ticket of years ago is compared with its own time's tickets
    return similarTickets(context, { ...ticket, excludeTicketId: ticket.id }, REPEAT_SETTINGS, ticket.createdAt);
  }

  @FieldResolver(() => Ticket, { nullable: true, description: 'The ticket this one follows, while merged' })
  mergedInto(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<Ticket | null> | null {
    return ticket.mergedIntoId ? context.loaders.ticketById.load(ticket.mergedIntoId) : null;
  }

  @FieldResolver(() => Int, { description: 'How many repeats were merged into this ticket' })
  async repeatCount(@Root() ticket: Ticket, @Ctx() context: IntakeContext): Promise<number> {
    return context.dataSource.getRepository(Ticket).countBy({ mergedIntoId: ticket.id });
  }

  @Authorized(...CENTRE)
  @Mutation(() => MergeTicketPayload, { description: '并单: the ticket repeats another; it leaves the queues and follows that one' })
  mergeTicket(@Arg('input', () => MergeTicketInput) input: MergeTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(mergeTicket(context, input.ticketId, input.intoTicketId, input.reason, input.expectedVersion ?? null));
  }

  @Authorized(...CENTRE)
  @Mutation(() => UnmergeTicketPayload, { description: "Undo a wrong merge (until the repeat's citizen was called back): the ticket is handled on its own again, from RECEIVED" })
  unmergeTicket(@Arg('input', () => UnmergeTicketInput) input: UnmergeTicketInput, @Ctx() context: IntakeContext): Promise<TicketPayload> {
    return ticketPayload(unmergeTicket(context, input.ticketId, input.reason, input.expectedVersion ?? null));
  }
}
