import { Field, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a request is about; names the department that usually owns it. */
@Entity('category')
@ObjectType({ description: 'A request category of the 12345 catalogue' })
export class Category {
  @Field(() => String)
  @PrimaryColumn('varchar', { length: 40 })
  code: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameZh: string;

  @Field(() => String)
  @Column('varchar', { length: 100 })
  nameEn: string;

  @Field(() => String, { nullable: true, description: 'Department that usually handles it' })
  @Column('varchar', { length: 40, nullable: true })
  departmentCode: string | null;

  /** Null with no hours either: the centre's default (5 working days). */
  @Field(() => Int, { nullable: true, description: 'Time limit in working days, counted from the day after dispatch' })
  @Column('int', { nullable: true })
  timeLimitWorkingDays: number | null;

  @Field(() => Int, { nullable: true, description: 'Time limit in clock hours, for urgent matters; wins over working days' })
  @Column('int', { nullable: true })
  timeLimitHours: number | null;
}
