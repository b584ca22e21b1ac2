import { Directive, Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A department that 12345 dispatches to: one of the hotlines the centre
 * merged. An entity of the federation, so other subgraphs (oversight's
 * figures, a department's own) can add fields to the one `Department`.
 */
@Entity('department')
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A department or public utility that handles dispatched tickets' })
export class Department {
  @Field(() => String, { description: 'Stable code used in dispatches, e.g. `water`' })
  @PrimaryColumn('varchar', { length: 40 })
  code: string;

  @Field(() => String, { description: 'Chinese name, e.g. 市自来水公司' })
  @Column('varchar', { length: 100 })
  nameZh: string;

  @Field(() => String, { description: 'English name, e.g. Water Supply Company' })
  @Column('varchar', { length: 100 })
  nameEn: string;

  @Field(() => Boolean, { description: 'Whether the department runs its own subgraph in the federation (otherwise the centre handles its work orders)' })
  @Column('boolean', { default: false })
  federated: boolean;

  @Field(() => String, { nullable: true, description: 'Name of its subgraph when federated' })
  @Column('varchar', { length: 40, nullable: true })
  subgraph: string | null;

  @Field(() => String, { nullable: true, description: 'Whom the centre calls there (name, phone), e.g. 调度室 0550-1234567' })
  @Column('varchar', { length: 200, nullable: true })
  contact: string | null;

  @Field(() => String, { nullable: true, description: 'The district it serves, when it is a district office' })
  @Column('varchar', { length: 40, nullable: true })
  district: string | null;

  @Field(() => Boolean, { description: 'False once retired: nothing new is dispatched to it and the registry refuses its subgraph' })
  @Column('boolean', { default: true })
  active: boolean;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  retiredAt: Date | null;
}
