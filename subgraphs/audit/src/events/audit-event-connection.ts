import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../../../schema/pagination/page-info';
import { TrailEvent } from '../trail/trail-event.entity';

@ObjectType()
export class AuditEventEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => TrailEvent)
  node: TrailEvent;
}

@ObjectType({ description: 'A page of audit events, newest first' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge])
  edges: AuditEventEdge[];

  @Field(() => [TrailEvent], { description: 'The same events as `edges`, without cursors' })
  nodes: TrailEvent[];

  /** The federation's one PageInfo (schema/pagination), shared with intake's lists. */
  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** How many match, counted only when a client asks for totalCount (audit-event-count.resolver.ts): at 10 M events a page alone never walks them all. */
  countMatching: () => Promise<number>;
}
