import { Field, ObjectType } from 'type-graphql';
import { BadInputError } from '../../../../schema/errors';
import { TrailEvent } from '../trail/trail-event.entity';

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => TrailEvent)
  node: TrailEvent;
}

/** Not intake's `PageInfo`: sharing a type across subgraphs would tie their releases together. */
@ObjectType()
export class AuditPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType({ description: 'A page of audit events, newest first' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => [TrailEvent], { description: 'The same events as `edges`, without cursors' })
  nodes: TrailEvent[];

  @Field(() => AuditPageInfo)
  pageInfo: AuditPageInfo;

  /** How many match, counted only when a client asks for totalCount (audit-event-count.resolver.ts): at 10 M events a page alone never walks them all. */
  countMatching: () => Promise<number>;
}

/** A cursor is an event's position in (occurredAt desc, id desc) order; opaque to clients. */
export interface EventPosition {
  occurredAt: Date;
  id: string;
}

export function encodeCursor(position: EventPosition): string {
  return Buffer.from(JSON.stringify([position.occurredAt.toISOString(), position.id])).toString('base64url');
}

export function decodeCursor(cursor: string): EventPosition {
  try {
    const [occurredAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(occurredAt);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { occurredAt: date, id };
  } catch {
    throw new BadInputError('after is not a cursor this API gave out', 'after');
  }
}
