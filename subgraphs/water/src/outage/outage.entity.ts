import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum OutageKind {
  PLANNED = 'PLANNED',
  UNPLANNED = 'UNPLANNED',
}
registerEnumType(OutageKind, {
  name: 'WaterOutageKind',
  valuesConfig: { PLANNED: { description: '计划停水 announced maintenance' }, UNPLANNED: { description: '突发停水 burst main or failure' } },
});

/** Water is (or will be) off in a zone: what lets an operator answer "why is there no water" on the spot. */
@Entity('outage')
@Index(['zoneCode', 'startsAt'])
@ObjectType('WaterOutage', { description: 'A planned or unplanned water outage (停水)' })
export class Outage {
  @Field(() => ID)
  @PrimaryColumn('varchar', { length: 36 })
  id: string;

  @Field(() => String)
  @Column('varchar', { length: 40 })
  zoneCode: string;

  @Field(() => OutageKind)
  @Column('varchar', { length: 20 })
  kind: OutageKind;

  @Field(() => String, { description: 'Why, in words an operator can read out' })
  @Column('text')
  reason: string;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  startsAt: Date;

  @Field(() => Date, { nullable: true, description: 'Expected end; null while unknown' })
  @Column('datetime', { precision: 3, nullable: true })
  endsAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When supply actually came back' })
  @Column('datetime', { precision: 3, nullable: true })
  restoredAt: Date | null;
}
