import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A message owed to a citizen about their ticket, written in the transaction
 * of the step that owes it, so none is lost or sent for a step that rolled
 * back. The citizen reads it on their ticket; `sentAt` is for the city's SMS
 * adapter, which this release does not include, to mark what it handed on.
 */
@Entity('citizen_notice')
@Index(['ticketId', 'createdAt'])
@Index(['sentAt', 'createdAt'])
@ObjectType({ description: "A message to the ticket's citizen (短信告知), e.g. the result of the ticket theirs was merged into" })
export class CitizenNotice {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Column('varchar', { length: 36 })
  ticketId: string;

  /** The number it goes to, as recorded on the ticket; never shown in the API (the ticket's masking applies). */
  @Column('varchar', { length: 20, nullable: true })
  phone: string | null;

  @Field(() => String, { description: 'What the message says: why it is sent' })
  @Column('varchar', { length: 40 })
  kind: string;

  @Field(() => String, { description: 'The text, 中文 then English' })
  @Column('text')
  text: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: "When the city's SMS adapter handed it on; empty while it waits (no adapter ships yet: citizens read it here)" })
  @Column('datetime', { precision: 3, nullable: true })
  sentAt: Date | null;
}
