// "Not in the future" for contributed timestamps, with room for clock skew between agency
// systems and the hub, and for calendar dates entered in WIB/WITA (UTC+7/+8) before UTC midnight.

/** Instants may be this far ahead of the hub clock. */
export const FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Calendar dates may be "today" anywhere up to UTC+14. */
const DATE_ZONE_AHEAD_MS = 14 * 60 * 60 * 1000;

export function isFutureInstant(d: Date, now: Date): boolean {
  return d.getTime() > now.getTime() + FUTURE_SKEW_MS;
}

/** For @db.Date values (UTC midnight): later than today's date in the easternmost time zone. */
export function isFutureDate(d: Date, now: Date): boolean {
  const latestToday = new Date(now.getTime() + DATE_ZONE_AHEAD_MS).toISOString().slice(0, 10);
  return d.toISOString().slice(0, 10) > latestToday;
}

/**
 * Years a date or instant may have anywhere in the hub. PostgreSQL has no year 0 and JavaScript
 * dates reach far beyond what it stores, so an unbounded date fails in the database; no TPPO
 * record is dated before 1900.
 */
export const YEAR_RANGE = { min: 1900, max: 9999 } as const;

export function isInYearRange(d: Date): boolean {
  const y = d.getUTCFullYear();
  return !Number.isNaN(y) && y >= YEAR_RANGE.min && y <= YEAR_RANGE.max;
}

export const YEAR_RANGE_MESSAGE = `Dates must lie between the years ${YEAR_RANGE.min} and ${YEAR_RANGE.max}.`;
