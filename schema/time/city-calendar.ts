/**
 * The city's calendar: local days and weekdays in its time zone. Formatters
 * are cached per zone because building an Intl.DateTimeFormat costs far more
 * than using one, and intake asks on every ticket.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let formatter = cache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, ...options });
    cache.set(timeZone, formatter);
  }
  return formatter;
}

/** YYYYMMDD of the local day an instant falls on. */
export function localDay(at: Date, timeZone: string): string {
  const parts = cached(dayFormatters, timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}${part('month')}${part('day')}`;
}

export function isLocalWeekend(at: Date, timeZone: string): boolean {
  const weekday = cached(weekdayFormatters, timeZone, { weekday: 'short' }).format(at);
  return weekday === 'Sat' || weekday === 'Sun';
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();
const WALL_OPTIONS: Intl.DateTimeFormatOptions = {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
};

/**
 * What the city's clocks show at an instant, as milliseconds read like UTC.
 * Calendar arithmetic on it (next day, same time) is then plain addition,
 * immune to daylight-saving jumps in zones that have them.
 */
export function toWallClock(at: Date, timeZone: string): number {
  const parts = cached(wallFormatters, timeZone, WALL_OPTIONS).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'), at.getUTCMilliseconds());
}

/** The instant the city's clocks show `wall` (the inverse of toWallClock); refined twice to settle on the right offset. */
export function fromWallClock(wall: number, timeZone: string): Date {
  const offsetAt = (instant: number) => toWallClock(new Date(instant), timeZone) - instant;
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** YYYY-MM-DD of a wall-clock time, the key the calendar tables use. */
export const wallDate = (wall: number): string => new Date(wall).toISOString().slice(0, 10);
