import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every check that was asked, kept: a department's CI history, and what a later publish can be compared with. */
@Entity('schema_check')
@Index(['name', 'checkedAt'])
@ObjectType('SchemaCheck', { description: 'One `checkSubgraph` as it was answered' })
export class SchemaCheck {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field()
  @Column('varchar', { length: 40 })
  name: string;

  @Field()
  @Column('boolean')
  ok: boolean;

  /** The whole CheckResult as JSON: checks are read back as they were, whatever the result type becomes. */
  @Column('text')
  result: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 64, nullable: true })
  gitCommit: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 200, nullable: true })
  gitBranch: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 200, nullable: true })
  gitAuthor: string | null;

  @Field()
  @Column('varchar', { length: 100 })
  checkedBy: string;

  @Field()
  @Column('datetime', { precision: 3 })
  checkedAt: Date;
}
