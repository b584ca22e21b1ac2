import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CallbackResult } from '../callback/callback.entity';

/** A citizen's own verdict on a closed ticket: one per ticket, changeable for a while; counted in 满意率 with callbacks. */
@Entity('ticket_rating')
@ObjectType({ description: "The citizen's own rating of the result (评价)" })
export class TicketRating {
  @PrimaryColumn('varchar', { length: 36 })
  ticketId: string;

  @Field(() => CallbackResult, { description: 'SATISFIED, BASICALLY_SATISFIED or NOT_SATISFIED (UNREACHABLE is for callbacks)' })
  @Column('varchar', { length: 30 })
  rating: CallbackResult;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  comment: string | null;

  @Column('varchar', { length: 100 })
  ratedBy: string;

  @Field(() => Date, { description: 'When it was first given: the window to change it runs from here' })
  @Column('datetime', { precision: 3 })
  firstRatedAt: Date;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  ratedAt: Date;
}
