import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type VersionAction = 'PUBLISH' | 'ROLLBACK' | 'REMOVE';

/**
 * Every version a subgraph ever had, never updated: who, when, why, whether
 * forced past a breaking change. A REMOVE row keeps the SDL and URL that were
 * taken out, so the history says what disappeared.
 */
@Entity('subgraph_version')
@ObjectType('SubgraphVersion')
export class SubgraphVersion {
  @PrimaryColumn('varchar', { length: 40 })
  @Field()
  name: string;

  @PrimaryColumn('int')
  @Field(() => Int)
  version: number;

  @Column('varchar', { length: 40 })
  department: string;

  @Column('varchar', { length: 500 })
  @Field()
  routingUrl: string;

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

  @Column('boolean', { default: false })
  @Field()
  forced: boolean;

  @Column('varchar', { length: 20 })
  @Field(() => String)
  action: VersionAction;

  @Column('varchar', { length: 64, nullable: true })
  @Field(() => String, { nullable: true, description: 'The commit it was published from, as the CLI found it' })
  gitCommit: string | null;

  @Column('varchar', { length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  gitBranch: string | null;

  @Column('varchar', { length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  gitAuthor: string | null;
}
