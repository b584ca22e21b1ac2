import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Every published state of an article, kept: what operators read out on a given day can always be shown. */
@Entity('knowledge_article_version')
@ObjectType({ description: 'One published version of a knowledge-base article' })
export class KnowledgeArticleVersion {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  articleId: string;

  @Field(() => Int, { description: '1 for the first publication, then one more per revision' })
  @PrimaryColumn('int')
  version: number;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  titleZh: string;

  @Field(() => String)
  @Column('varchar', { length: 200 })
  titleEn: string;

  @Field(() => String)
  @Column('text')
  bodyZh: string;

  @Field(() => String)
  @Column('text')
  bodyEn: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 40, nullable: true })
  categoryCode: string | null;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 40, nullable: true })
  departmentCode: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  validFrom: Date;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  validTo: Date | null;

  @Field(() => String, { description: 'Who published it (the reviewer, for a department draft)' })
  @Column('varchar', { length: 100 })
  publishedBy: string;

  @Field(() => String, { nullable: true, description: 'Who wrote it, when a department proposed it' })
  @Column('varchar', { length: 100, nullable: true })
  proposedBy: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  publishedAt: Date;
}
