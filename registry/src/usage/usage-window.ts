const DAY_MS = 86_400_000;

/** The UTC day a usage record counts towards. */
export const usageDay = (at: Date): string => at.toISOString().slice(0, 10);

/** The first day still inside a window of `days` ending today: "7 days" is today and the six before. */
export const windowStartDay = (now: Date, days: number): string => usageDay(new Date(now.getTime() - (days - 1) * DAY_MS));
