import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Between } from 'typeorm';
import { BadInputError } from '../../../../schema/errors';
import { Role } from '../../../../schema/identity/roles';
import type { IntakeContext } from '../context';
import { CalendarDay, CalendarDayKind } from './calendar-day.entity';
import { CalendarDayInput } from './calendar-day.input';
import { calendarStore } from './calendar-store';
import { SetCalendarDaysInput } from './set-calendar-days.input';
import { SetCalendarDaysPayload } from './set-calendar-days.payload';

// a year's notice is some forty days; far more in one call is a mistake, not a notice
const MAX_DAYS_PER_CALL = 400;

/** The city calendar deadlines are counted on; the centre loads each year's State Council notice itself. */
@Resolver(() => CalendarDay)
export class CalendarResolver {
  @Authorized()
  @Query(() => [CalendarDay], { description: "A year's holidays and make-up working days; every other day follows Monday to Friday" })
  workingCalendar(@Arg('year', () => Int) year: number, @Ctx() context: IntakeContext): Promise<CalendarDay[]> {
    if (year < 1949 || year > 2999) throw new BadInputError('year must be between 1949 and 2999', 'year');
    return context.dataSource
      .getRepository(CalendarDay)
      .find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
  }

  /** Upserts, so a corrected notice replaces what was loaded; deadlines already set are not recomputed. */
  @Authorized(Role.SYSTEM_ADMIN)
  @Mutation(() => SetCalendarDaysPayload, { description: "Add or correct days of the city calendar, e.g. next year's holiday notice" })
  async setCalendarDays(@Arg('input', () => SetCalendarDaysInput) input: SetCalendarDaysInput, @Ctx() context: IntakeContext): Promise<SetCalendarDaysPayload> {
    const { days } = input;
    checkDays(days);
    const repository = context.dataSource.getRepository(CalendarDay);
    const rows = days
      .map((day) => repository.create({ date: day.date, kind: day.kind, name: day.name.trim(), source: day.source.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date));
    if (rows.length === 0) return { days: rows };
    await repository.upsert(rows, ['date']);
    calendarStore.invalidate(context.dataSource);
    return { days: rows };
  }
}

function checkDays(days: CalendarDayInput[]): void {
  if (days.length > MAX_DAYS_PER_CALL) throw new BadInputError(`at most ${MAX_DAYS_PER_CALL} days at a time`, 'days');
  const seen = new Set<string>();
  for (const day of days) {
    const parsed = new Date(`${day.date}T00:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day.date) {
      throw new BadInputError(`${day.date} is not a calendar date`, 'days');
    }
    if (seen.has(day.date)) throw new BadInputError(`${day.date} is given twice`, 'days');
    seen.add(day.date);
    // a weekday worked "in exchange" is just a weekday: such a row is a typing mistake
    const weekday = parsed.getUTCDay();
    if (day.kind === CalendarDayKind.WORKDAY && weekday !== 0 && weekday !== 6) {
      throw new BadInputError(`${day.date} is a weekday; a make-up working day is a Saturday or Sunday`, 'days');
    }
  }
}
