import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One state change, written by the subgraph that made it, in the same
 * transaction as the change. Every subgraph has this table, and it is that
 * subgraph's outbox: its relay delivers the rows to the audit service, which
 * assembles the trail across departments.
 */
@Entity('audit_event')
@Index(['ticketId', 'occurredAt'])
export class AuditEvent {
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  @Column('varchar', { length: 40 })
  subgraph: string;

  /** e.g. `ticket.created`, `ticket.dispatched`, `work_order.completed` */
  @Column('varchar', { length: 60 })
  action: string;

  @Column('varchar', { length: 40 })
  entityType: string;

  @Column('varchar', { length: 36 })
  entityId: string;

  @Column('varchar', { length: 40, nullable: true })
  fromState: string | null;

  @Column('varchar', { length: 40, nullable: true })
  toState: string | null;

  @Column('varchar', { length: 100 })
  actorId: string;

  /** The actor's roles, comma-separated */
  @Column('varchar', { length: 200 })
  actorRole: string;

  @Column('varchar', { length: 100 })
  requestId: string;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('simple-json', { nullable: true })
  data: Record<string, unknown> | null;

  @Column('datetime', { precision: 3 })
  occurredAt: Date;

  /** When the audit service confirmed it; null while it waits in this outbox. */
  @Column('datetime', { precision: 3, nullable: true })
  deliveredAt: Date | null;
}
