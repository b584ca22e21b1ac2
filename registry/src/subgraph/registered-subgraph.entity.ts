import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A subgraph as it is now part of the supergraph: the row a publish replaces and a removal deletes. */
@Entity('registered_subgraph')
@ObjectType('RegisteredSubgraph')
export class RegisteredSubgraph {
  @PrimaryColumn('varchar', { length: 40 })
  @Field()
  name: string;

  @Column('varchar', { length: 40 })
  @Field()
  department: string;

  @Column('varchar', { length: 500 })
  @Field()
  routingUrl: string;

  @Column('int')
  @Field(() => Int)
  version: number;

  @Column('text')
  @Field()
  sdl: string;

  @Column('varchar', { length: 100 })
  @Field()
  publishedBy: string;

  @Column('datetime', { precision: 3 })
  @Field()
  publishedAt: Date;

  @Column('text', { nullable: true })
  @Field(() => String, { nullable: true })
  reason: string | null;
}
