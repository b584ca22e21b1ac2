import { Field, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A department that 12345 dispatches to: one of the hotlines the centre merged. */
@Entity('department')
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

  @Field(() => Boolean, { description: 'Whether the department runs its own subgraph in the federation' })
  @Column('boolean', { default: false })
  federated: boolean;

  @Field(() => String, { nullable: true, description: 'Name of its subgraph when federated' })
  @Column('varchar', { length: 40, nullable: true })
  subgraph: string | null;
}
