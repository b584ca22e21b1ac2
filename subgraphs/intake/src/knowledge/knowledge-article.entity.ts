import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A policy or procedure an operator reads out to answer a call on the spot (直接答复). */
@Entity('knowledge_article')
@Index(['categoryCode'])
@Index(['validFrom'])
@ObjectType({ description: 'A knowledge-base article (知识库): a policy or procedure, in Chinese and English' })
export class KnowledgeArticle {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

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

  @Field(() => String, { nullable: true, description: 'Category code from `categories`' })
  @Column('varchar', { length: 40, nullable: true })
  categoryCode: string | null;

  @Field(() => String, { nullable: true, description: 'Department whose policy this is' })
  @Column('varchar', { length: 40, nullable: true })
  departmentCode: string | null;

  @Field(() => Date, { description: 'When the policy takes effect' })
  @Column('datetime', { precision: 3 })
  validFrom: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops applying; null while in force' })
  @Column('datetime', { precision: 3, nullable: true })
  validTo: Date | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  updatedAt: Date;

  @Field(() => Int, { description: 'Its published version: one more with each revision (versions lists them all)' })
  @Column('int', { default: 1 })
  version: number;
}

/** In force at `at`: the search's SQL condition says the same, so the two never disagree. */
export function isValidAt(article: Pick<KnowledgeArticle, 'validFrom' | 'validTo'>, at: Date): boolean {
  return article.validFrom.getTime() <= at.getTime() && (!article.validTo || article.validTo.getTime() > at.getTime());
}
