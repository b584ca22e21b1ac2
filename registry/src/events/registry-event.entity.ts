import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The registry's log: one row per change that went through, in the order they committed. */
@Entity('registry_event')
@ObjectType('RegistryEvent')
export class RegistryEvent {
  /** Orders events that share a millisecond (a bootstrap writes several at once). */
  @PrimaryGeneratedColumn('increment')
  seq: number;

  @Column('varchar', { length: 20 })
  @Field()
  action: string;

  @Column('varchar', { length: 40 })
  @Field()
  subgraph: string;

  @Column('int', { nullable: true })
  @Field(() => Int, { nullable: true })
  version: number | null;

  @Column('varchar', { length: 100 })
  @Field()
  actor: string;

  @Column('datetime', { precision: 3 })
  @Field()
  at: Date;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Column('boolean', { default: false })
  @Field()
  forced: boolean;

  @Column('int')
  supergraphVersion: number;
}
