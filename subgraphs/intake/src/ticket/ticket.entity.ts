import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { Channel, TicketStatus } from '../../../../schema/enums';
import { Supervision } from '../supervision/supervision';

/** A citizen's request as the 12345 centre recorded it; the entity every department extends. */
@Entity('ticket')
@Index(['createdAt', 'id'])
@ObjectType({ description: '12345 work order (工单): one citizen request' })
@Directive('@key(fields: "id")')
export class Ticket {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field(() => String, { description: 'Human-readable number, e.g. 12345-20261123-000042' })
  @Column('varchar', { length: 30, unique: true })
  number: string;

  @Field(() => Channel)
  @Column('varchar', { length: 20 })
  channel: Channel;

  /** Exposed masked or in full by CitizenContactResolver, depending on who asks. */
  @Column('varchar', { length: 50, nullable: true })
  citizenName: string | null;

  @Column('varchar', { length: 20, nullable: true })
  citizenPhone: string | null;

  @Field(() => String)
  @Column('text')
  content: string;

  @Column('varchar', { length: 40 })
  categoryCode: string;

  @Field(() => String, { nullable: true })
  @Column('varchar', { length: 200, nullable: true })
  address: string | null;

  @Field(() => Float, { nullable: true })
  @Column('double', { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column('double', { nullable: true })
  longitude: number | null;

  @Field(() => TicketStatus)
  @Column('varchar', { length: 20 })
  status: TicketStatus;

  @Field(() => String, { nullable: true, description: "The operator's answer when answered directly" })
  @Column('text', { nullable: true })
  answer: string | null;

  @Field(() => String, { nullable: true, description: 'The district (区/县) the request concerns, as the operator recorded it; what oversight figures are filtered by' })
  @Column('varchar', { length: 40, nullable: true })
  district: string | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  createdAt: Date;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the last department must have finished' })
  @Column('datetime', { precision: 3, nullable: true })
  deadline: Date | null;

  @Field(() => Date, { nullable: true })
  @Column('datetime', { precision: 3, nullable: true })
  closedAt: Date | null;

  @Field(() => Supervision, { description: 'Whether the centre supervises it (督办) or a leader instructed it (领导批示)' })
  @Column('varchar', { length: 20, default: Supervision.NONE })
  supervision: Supervision;

  @Field(() => String, { nullable: true, description: 'Why a request that could not be satisfied was closed (一单一报)' })
  @Column('text', { nullable: true })
  closeExplanation: string | null;

  @Field(() => ID, { nullable: true, description: 'The ticket this one was merged into (并单): set while it follows that one, and kept when it closed with its result' })
  @Column('varchar', { length: 36, nullable: true })
  mergedIntoId: string | null;

  @Field(() => ID, { nullable: true, description: 'The knowledge-base article the operator answered from' })
  @Column('varchar', { length: 36, nullable: true })
  answeredArticleId: string | null;

  /** Optimistic concurrency: two operators acting at once cannot both win; clients may send the version they saw. */
  @Field(() => Int)
  @VersionColumn()
  version: number;
}
