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
