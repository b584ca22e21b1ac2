import { Field, ID, ObjectType } from 'type-graphql';
import { Column, PrimaryColumn, VersionColumn } from 'typeorm';
import { WorkOrderStatus } from '../enums';

/**
 * What every department's work order has. A department declares its own
 * entity (its table, its GraphQL type name) by extending this class, so work
 * orders stay in the department's database and schema.
 */
// never referenced by a resolver, so type-graphql emits only the department's subclass
@ObjectType()
export abstract class WorkOrderBase {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field(() => ID, { description: 'The 12345 ticket this work order serves' })
  @Column('varchar', { length: 36 })
  ticketId: string;

  @Field(() => ID, { description: "The centre's assignment of the ticket to this department" })
  @Column('varchar', { length: 36 })
  assignmentId: string;

  @Field(() => String, { nullable: true, description: 'The department asset it concerns: a zone, pole or stop code' })
  @Column('varchar', { length: 40, nullable: true })
  assetCode: string | null;

  @Field(() => String)
  @Column('text')
  description: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  crew: string | null;

  @Field(() => WorkOrderStatus)
  @Column('varchar', { length: 20 })
  status: WorkOrderStatus;

  @Field(() => String, { nullable: true, description: 'What was done, as reported back to the centre' })
  @Column('text', { nullable: true })
  result: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  completedAt: Date | null;

  @VersionColumn()
  version: number;
}
