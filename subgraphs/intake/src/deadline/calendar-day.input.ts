import { Length, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CalendarDayKind } from './calendar-day.entity';

@InputType({ description: 'One day of a holiday notice: a day off, or a weekend day worked in exchange' })
export class CalendarDayInput {
  @Field(() => String, { description: 'Local date, YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' })
  date: string;

  @Field(() => CalendarDayKind)
  kind: CalendarDayKind;

  @Field(() => String, { description: 'e.g. 春节 Spring Festival' })
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name: string;

  @Field(() => String, { description: 'The notice it comes from, e.g. 国办发明电〔2025〕7号 of 2025-11-04' })
  @Length(1, 200, { message: 'source must be 1 to 200 characters' })
  source: string;
}
