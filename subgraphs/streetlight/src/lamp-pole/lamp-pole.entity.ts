import { Field, Float, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export enum LampPoleStatus {
  WORKING = 'WORKING',
  FAULTY = 'FAULTY',
  KNOCKED_DOWN = 'KNOCKED_DOWN',
}
registerEnumType(LampPoleStatus, {
  name: 'LampPoleStatus',
  valuesConfig: {
    WORKING: { description: '正常 lit at night' },
    FAULTY: { description: '故障 dark or flickering; a fault is on record' },
    KNOCKED_DOWN: { description: '倒伏 pole down, usually after a collision; a safety hazard' },
  },
});

/** One street lamp; a citizen reporting "the light outside my door is out" is asking about one of these. */
@Entity('lamp_pole')
@Index(['latitude', 'longitude'])
@ObjectType({ description: 'A street lamp pole (路灯杆)' })
export class LampPole {
  @Field(() => String, { description: 'The number painted on the pole, e.g. LD-00123' })
  @PrimaryColumn('varchar', { length: 40 })
  code: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  roadZh: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  roadEn: string;

  @Field(() => Float)
  @Column('double')
  latitude: number;

  @Field(() => Float)
  @Column('double')
  longitude: number;

  @Field(() => String, { description: 'LED, SODIUM, …' })
  @Column('varchar', { length: 20 })
  lampType: string;

  @Field(() => LampPoleStatus)
  @Column('varchar', { length: 20 })
  status: LampPoleStatus;

  @Field(() => Date, { nullable: true, description: 'When the current fault was first reported; null while working' })
  @Column('datetime', { precision: 3, nullable: true })
  faultReportedAt: Date | null;

  @Field(() => Date)
  @Column('datetime', { precision: 3 })
  installedAt: Date;
}
