import type { WorkingCalendar } from './working-calendar';

/** A category's time limit: clock hours for urgent matters, otherwise working days; neither means the centre's default. */
export interface TimeLimit {
  workingDays?: number | null;
  hours?: number | null;
}

/** The limit a category sets, in the shape deadlineFor takes. */
export const timeLimitOf = (category: { timeLimitWorkingDays: number | null; timeLimitHours: number | null }): TimeLimit => ({
  workingDays: category.timeLimitWorkingDays,
  hours: category.timeLimitHours,
});

/** When work dispatched at `start` is due. Hours win when set: an urgent category must not wait out a holiday. */
export function deadlineFor(calendar: WorkingCalendar, start: Date, limit: TimeLimit, defaultWorkingDays: number): Date {
  if (limit.hours != null) return calendar.addHours(start, limit.hours);
  return calendar.addWorkingDays(start, limit.workingDays ?? defaultWorkingDays);
}
