import { Field, ObjectType } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { Ticket } from './ticket.entity';

@ObjectType()
export class TicketEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => Ticket)
  node: Ticket;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

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

/** A cursor is the position of a ticket in (createdAt desc, id desc) order; opaque to clients. */
export interface TicketPosition {
  createdAt: Date;
  id: string;
}

export function encodeCursor(position: TicketPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): TicketPosition {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(createdAt);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { createdAt: date, id };
  } catch {
    throw new BadInputError('after is not a cursor this API gave out', 'after');
  }
}
