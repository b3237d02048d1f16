// Due dates are typed as a wall-clock time in the instructor's time zone and stored as one UTC instant,
// so every learner sees the same deadline whatever their own zone. Intl does the zone arithmetic.

/** Offset of `timeZone` from UTC at `instant`, in minutes (positive east of Greenwich). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** `2026-12-08T18:00` in `Europe/Paris` -> the UTC instant (ISO). Two passes settle daylight-saving edges. */
export function wallClockToInstant(local: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) throw new Error(`"${local}" is not a date and time like 2026-12-08T18:00.`);
  if (!isTimeZone(timeZone)) throw new Error(`"${timeZone}" is not a time zone like Europe/Paris.`);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let t = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  t = guess - offsetMinutes(new Date(t), timeZone) * 60_000;
  return new Date(t).toISOString();
}

/** The instant as the instructor's wall clock, e.g. "8 Dec 2026, 18:00 (Europe/Paris)". */
export function formatInZone(instant: string, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  return `${text} (${timeZone})`;
}
