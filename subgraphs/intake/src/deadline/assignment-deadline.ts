import type { EntityManager } from 'typeorm';
import { Category } from '../category/category.entity';
import type { IntakeContext } from '../context';
import { SUPERVISION_LIMIT_DAYS } from '../supervision/supervision';
import type { Ticket } from '../ticket/ticket.entity';
import { calendarStore } from './calendar-store';
import { deadlineFor, timeLimitOf } from './time-limit';

/**
 * When a department dispatched `ticket` at `at` must be done: the category's
 * limit (hours for urgent matters, else working days, else the centre's
 * default), tightened when the ticket is supervised.
 */
export async function dispatchDeadline(context: IntakeContext, manager: EntityManager, ticket: Ticket, at: Date): Promise<Date> {
  const calendar = await calendarStore.get(context.dataSource, context.config.timeZone);
  const category = await manager.findOneBy(Category, { code: ticket.categoryCode });
  const deadline = deadlineFor(calendar, at, category ? timeLimitOf(category) : {}, context.config.defaultTimeLimitDays);
  const supervised = SUPERVISION_LIMIT_DAYS[ticket.supervision];
  if (supervised === null) return deadline;
  const tight = calendar.addWorkingDays(at, supervised);
  return tight < deadline ? tight : deadline;
}

/** `workingDays` working days after `from`: a granted extension, or a supervision limit counted from now. */
export async function extendDeadline(context: IntakeContext, from: Date, workingDays: number): Promise<Date> {
  return (await calendarStore.get(context.dataSource, context.config.timeZone)).addWorkingDays(from, workingDays);
}
