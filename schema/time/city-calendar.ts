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
