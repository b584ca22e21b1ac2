import { ValidateNested } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { CalendarDayInput } from './calendar-day.input';

@InputType()
export class SetCalendarDaysInput {
  @Field(() => [CalendarDayInput])
  @ValidateNested()
  days: CalendarDayInput[];
}
