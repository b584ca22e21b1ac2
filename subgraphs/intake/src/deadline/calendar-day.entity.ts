import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Only the exceptions are stored: every other day is a working day from Monday to Friday. */
export enum CalendarDayKind {
  HOLIDAY = 'HOLIDAY',
  WORKDAY = 'WORKDAY',
}
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  valuesConfig: {
    HOLIDAY: { description: '放假: a public holiday or a day off moved onto a weekday (调休)' },
    WORKDAY: { description: '调休上班: a Saturday or Sunday worked in exchange' },
  },
});

/** One day of the State Council's holiday arrangement, as the city loaded it. */
@Entity('calendar_day')
@ObjectType({ description: 'A public holiday or a make-up working day of the city calendar' })
export class CalendarDay {
  @Field(() => String, { description: 'Local date, YYYY-MM-DD' })
  @PrimaryColumn('varchar', { length: 10 })
  date: string;

  @Field(() => CalendarDayKind)
  @Column('varchar', { length: 20 })
  kind: CalendarDayKind;

  @Field(() => String, { description: "The holiday's name, e.g. 春节 Spring Festival" })
  @Column('varchar', { length: 100 })
  name: string;

  @Field(() => String, { description: 'Where the date comes from: the notice, or "statutory date" while none is out' })
  @Column('varchar', { length: 200 })
  source: string;
}
