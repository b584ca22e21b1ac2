import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One audit event as the audit service keeps it: the subgraph's record,
 * unchanged, plus its place in the ticket's hash chain (`ticketSeq`,
 * `prevHash`, `hash`). Rows are only ever inserted.
 */
@Entity('trail_event')
@Index(['ticketId', 'ticketSeq'], { unique: true })
@ObjectType({ description: 'One change to a ticket, recorded by the subgraph that made it (审计轨迹)' })
export class TrailEvent {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field(() => ID)
  @Column('varchar', { length: 36 })
  ticketId: string;

  @Field(() => Int, { description: "Place in the ticket's chain, in the order the audit service received the events: 1, 2, 3…" })
  @Column('int')
  ticketSeq: number;

  @Field(() => String, { description: 'The subgraph that recorded the change' })
  @Column('varchar', { length: 40 })
  subgraph: string;

  @Field(() => String, { description: "The department concerned: the event's data.departmentCode, else the subgraph" })
  @Column('varchar', { length: 40 })
  department: string;

  @Field(() => String, { description: 'e.g. ticket.created, ticket.dispatched, assignment.return, work_order.completed' })
  @Column('varchar', { length: 60 })
  action: string;

  @Field(() => String)
  @Column('varchar', { length: 40 })
  entityType: string;

  @Field(() => ID)
  @Column('varchar', { length: 36 })
  entityId: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 40, nullable: true })
  fromState: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 40, nullable: true })
  toState: string | null;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  actorId: string;

  @Field(() => String, { description: "The actor's roles, comma-separated" })
  @Column('varchar', { length: 200 })
  actorRole: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  requestId: string;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'Details as canonical JSON (keys sorted): exactly the text the hash covers' })
  @Column('text', { nullable: true })
  data: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  /** When the audit service stored it; not part of the hashed content. */
  @Column('datetime', { precision: 3 })
  receivedAt: Date;

  /** Place in the feed (GET /feed): gap-free across all tickets, in commit order; not part of the hashed content. */
  @Column('int', { nullable: true })
  feedSeq: number | null;

  @Field(() => String, { description: 'Hash of the previous event of this ticket (64 zeros for the first)' })
  @Column('varchar', { length: 64 })
  prevHash: string;

  @Field(() => String, { description: 'sha256(prevHash + canonical JSON of this event): any later edit breaks it' })
  @Column('varchar', { length: 64 })
  hash: string;
}
