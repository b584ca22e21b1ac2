/** Ten years forward, so 2015 records read as recent workload; weekdays move by one (2015-01-01 was a Thursday, 2025-01-01 a Wednesday). */
export const YEAR_SHIFT = 10;
// Asia/Shanghai has had no DST since 1991, so a fixed offset is exact.
const CITY_UTC_OFFSET_MS = 8 * 3600 * 1000;
const US_TIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2}) (AM|PM)$/;

/**
 * Reads a Boston 311 time ("01/02/2015 03:37:49 PM") as the same wall-clock
 * time in the Chinese city, YEAR_SHIFT years later. Empty means unknown.
 * A 29 February that the shift lands on a common year rolls to 1 March.
 */
export function shiftedCityTime(text: string | undefined): Date | null {
  if (!text?.trim()) return null;
  const match = US_TIME.exec(text.trim());
  if (!match) throw new Error(`unreadable 311 time "${text}"`);
  const [, month, day, year, hour12, minute, second, half] = match;
  const hour = (Number(hour12) % 12) + (half === 'PM' ? 12 : 0);
  const wallClock = Date.UTC(Number(year) + YEAR_SHIFT, Number(month) - 1, Number(day), hour, Number(minute), Number(second));
  return new Date(wallClock - CITY_UTC_OFFSET_MS);
}
