import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum DraftStatus {
  PENDING = 'PENDING',
  PUBLISHED = 'PUBLISHED',
  REJECTED = 'REJECTED',
}
registerEnumType(DraftStatus, { name: 'KnowledgeDraftStatus', description: 'A department proposal waits for the centre: published or rejected with a note' });

/** A department's proposed article or revision: nothing reaches the operators before the centre reviews it. */
@Entity('knowledge_draft')
@Index(['status', 'departmentCode'])
@ObjectType({ description: "A department's proposed knowledge-base article or revision, awaiting the centre's review" })
export class KnowledgeDraft {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field(() => ID, { nullable: true, description: 'The article it revises; null for a new one' })
  @Column('varchar', { length: 36, nullable: true })
  articleId: string | null;

  @Field(() => String)
  @Column('varchar', { length: 40 })
  departmentCode: string;

  @Field(() => DraftStatus)
  @Column('varchar', { length: 20 })
  status: DraftStatus;

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

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  validFrom: Date;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  validTo: Date | null;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  proposedBy: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  proposedAt: Date;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 100, nullable: true })
  reviewedBy: string | null;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true, description: "The reviewer's note: why it was rejected, or what was changed" })
  @Column('text', { nullable: true })
  reviewNote: string | null;
}
