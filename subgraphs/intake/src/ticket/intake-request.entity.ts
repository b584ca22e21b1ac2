import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An idempotency key a client sent with createTicket, and the ticket it made:
 * a retried submission (a flaky network, a double click) returns that ticket
 * instead of making a second one.
 */
@Entity('intake_request')
export class IntakeRequest {
  @PrimaryColumn('varchar', { length: 100 })
  idempotencyKey: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  /** sha256 of the input: the same key with different content is a client bug, refused. */
  @Column('varchar', { length: 64 })
  inputHash: string;

  @Column('datetime', { precision: 3 })
  createdAt: Date;
}
