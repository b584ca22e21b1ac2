import { isLocalWeekend } from '../../../../schema/time/city-calendar';

/**
 * Deadlines count working days in the city's time zone: a ticket dispatched on
 * Friday afternoon with 5 working days is due the next Friday at the same time.
 * Weekends are skipped; public holidays and make-up working days are not yet
 * known to this calendar.
 */
export function addWorkingDays(start: Date, days: number, timeZone: string): Date {
  let result = new Date(start.getTime());
  let remaining = days;
  while (remaining > 0) {
    result = new Date(result.getTime() + 24 * 3600 * 1000);
    if (!isLocalWeekend(result, timeZone)) remaining -= 1;
  }
  return result;
}
