import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { AssignmentStatus } from '../../../../schema/enums';
import type { DeadlineLight } from '../deadline/timing';

/** The centre's instruction to one department to handle a ticket (转办), with its own deadline. */
@Entity('assignment')
@Index(['ticketId'])
@Index('IDX_assignment_ticket_department', ['ticketId', 'departmentCode'])
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

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  acceptedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the department returned it (退单理由)' })
  @Column('text', { nullable: true })
  returnReason: string | null;

  @Field(() => String, { nullable: true, description: 'What the department did (办理结果)' })
  @Column('text', { nullable: true })
  result: string | null;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  reportedAt: Date | null;

  @Field(() => Int, { nullable: true, description: 'Working days asked for in the pending extension request' })
  @Column('int', { nullable: true })
  extensionDays: number | null;

  @Field(() => String, { nullable: true })
  @Column('text', { nullable: true })
  extensionReason: string | null;

  @Field(() => Int, { description: 'Extensions granted so far' })
  @Column('int', { default: 0 })
  extensionsGranted: number;

  @Field(() => Int, { description: 'Times the centre urged the department (催办)' })
  @Column('int', { default: 0 })
  urgeCount: number;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  lastUrgedAt: Date | null;

  /** The light the centre's clock last marked (null: never lit); `timing.light` is always the live one. */
  @Column('varchar', { length: 10, nullable: true })
  light: DeadlineLight | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  updatedAt: Date;

  /** Optimistic concurrency: clients may send the version they saw. */
  @Field(() => Int)
  @VersionColumn()
  version: number;
}
