import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AssignmentStatus } from '../../../../schema/enums';

/** The centre's instruction to one department to handle a ticket (转办), with its own deadline. */
@Entity('assignment')
@Index(['ticketId'])
@Index(['departmentCode', 'status'])
@ObjectType({ description: 'A ticket dispatched to one department' })
export class Assignment {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field(() => ID)
  @Column('varchar', { length: 36 })
  ticketId: string;

  @Column('varchar', { length: 40 })
  departmentCode: string;

  @Field(() => Boolean, { description: 'The lead department (主办); the others assist (协办)' })
  @Column('boolean', { default: false })
  lead: boolean;

  @Field(() => AssignmentStatus)
  @Column('varchar', { length: 20 })
  status: AssignmentStatus;

  @Field(() => String, { nullable: true, description: "The centre's instructions to the department" })
  @Column('text', { nullable: true })
  note: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  dispatchedAt: Date;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  deadline: Date;
}
