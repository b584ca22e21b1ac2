import { Field, ObjectType } from 'type-graphql';
import { CalendarDay } from './calendar-day.entity';

@ObjectType()
export class SetCalendarDaysPayload {
  @Field(() => [CalendarDay], { description: 'The days given, as stored, by date' })
  days: CalendarDay[];
}
