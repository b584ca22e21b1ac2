import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../schema/pagination/page-info';
import { Ticket } from './ticket.entity';

@ObjectType()
export class TicketEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Ticket)
  node: Ticket;
}

/** Relay-complete: first/after pages older tickets, last/before newer ones; cursors are (createdAt, id) positions (schema/pagination). */
@ObjectType({ description: 'A page of tickets, newest first' })
export class TicketConnection {
  @Field(() => [TicketEdge])
  edges: TicketEdge[];

  @Field(() => [Ticket], { description: 'The same tickets as `edges`, without cursors' })
  nodes: Ticket[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** How many match, counted only when a client asks for totalCount (ticket-count.resolver.ts): a page alone never walks them all. */
  countMatching: () => Promise<number>;
}
