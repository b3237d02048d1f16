// EventBridge schedule expressions: rate(value unit) and the six-field cron(...) (all times UTC).
import { validationError } from './errors.ts';

export type Schedule =
  | { kind: 'rate'; everyMs: number; text: string }
  | { kind: 'cron'; fields: CronFields; text: string };

interface CronFields {
  minutes: Set<number>;
  hours: Set<number>;
  months: Set<number>;
  years: Set<number> | 'any';
  /** Day-of-month rules (null when the field is '?'). */
  dom: DomRule[] | null;
  /** Day-of-week rules (null when the field is '?'); days 1=SUN..7=SAT as in AWS. */
  dow: DowRule[] | null;
}
type DomRule = { kind: 'days'; days: Set<number> } | { kind: 'last' } | { kind: 'weekday'; day: number };
type DowRule = { kind: 'days'; days: Set<number> } | { kind: 'last'; day: number } | { kind: 'nth'; day: number; n: number };

const INVALID = 'Parameter ScheduleExpression is not valid.';
const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = { minute: MINUTE, hour: 60 * MINUTE, day: 24 * 60 * MINUTE };
const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** Parses a ScheduleExpression or throws ValidationException "Parameter ScheduleExpression is not valid." */
export function parseScheduleExpression(text: unknown): Schedule {
  if (typeof text !== 'string') throw validationError(INVALID);
  const rate = /^rate\(([1-9]\d*) (minute|minutes|hour|hours|day|days)\)$/.exec(text);
  if (rate) {
    const value = Number(rate[1]);
    const unit = rate[2] as string;
    const plural = unit.endsWith('s');
    // AWS insists on "1 minute" but "5 minutes".
    if ((value === 1) === plural) throw validationError(INVALID);
    return { kind: 'rate', everyMs: value * (UNIT_MS[plural ? unit.slice(0, -1) : unit] as number), text };
  }
  const cron = /^cron\(([^()]*)\)$/.exec(text);
  if (cron) {
    const fields = (cron[1] as string).split(' ');
    if (fields.length !== 6 || fields.some((f) => f === '')) throw validationError(INVALID);
    try {
      return { kind: 'cron', fields: parseCron(fields as [string, string, string, string, string, string]), text };
    } catch {
      throw validationError(INVALID);
    }
  }
  throw validationError(INVALID);
}

/** The first fire time strictly after `after` (ms). Rates count from `anchor` (the rule's creation time). */
export function nextFireTime(schedule: Schedule, after: number, anchor = after): number | undefined {
  if (schedule.kind === 'rate') {
    const periods = Math.floor((after - anchor) / schedule.everyMs) + 1;
    return anchor + Math.max(1, periods) * schedule.everyMs;
  }
  return nextCron(schedule.fields, after);
}

function parseCron([min, hour, dom, month, dow, year]: [string, string, string, string, string, string]): CronFields {
  if ((dom === '?') === (dow === '?')) throw new Error('exactly one of day-of-month and day-of-week must be ?');
  return {
    minutes: parseList(min, 0, 59),
    hours: parseList(hour, 0, 23),
    months: parseList(month, 1, 12, MONTHS),
    years: year === '*' ? 'any' : parseList(year, 1970, 2199),
    dom: dom === '?' ? null : dom.split(',').map(parseDomItem),
    dow: dow === '?' ? null : dow.split(',').map(parseDowItem),
  };
}

function parseDomItem(item: string): DomRule {
  if (item === 'L') return { kind: 'last' };
  const w = /^(\d{1,2})W$/.exec(item);
  if (w) return { kind: 'weekday', day: inRange(Number(w[1]), 1, 31) };
  return { kind: 'days', days: parseList(item, 1, 31) };
}

function parseDowItem(item: string): DowRule {
  const last = /^([1-7]|[A-Z]{3})L$/.exec(item);
  if (last) return { kind: 'last', day: value(last[1] as string, 1, 7, DAYS) };
  const nth = /^([1-7]|[A-Z]{3})#([1-5])$/.exec(item);
  if (nth) return { kind: 'nth', day: value(nth[1] as string, 1, 7, DAYS), n: Number(nth[2]) };
  if (item === 'L') return { kind: 'days', days: new Set([7]) }; // plain L in day-of-week means Saturday
  return { kind: 'days', days: parseList(item, 1, 7, DAYS) };
}

function parseList(field: string, lo: number, hi: number, names?: string[]): Set<number> {
  const out = new Set<number>();
  for (const item of field.split(',')) {
    const m = /^(\*|[A-Z0-9]+(?:-[A-Z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (!m) throw new Error(`bad item ${item}`);
    const [base, step] = [m[1] as string, m[2] === undefined ? 1 : Number(m[2])];
    if (step < 1) throw new Error('bad step');
    let from = lo;
    let to = hi;
    if (base !== '*') {
      const [a, b] = base.split('-') as [string, string | undefined];
      from = value(a, lo, hi, names);
      to = b === undefined ? (m[2] === undefined ? from : hi) : value(b, lo, hi, names);
      if (to < from) throw new Error('descending range');
    }
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

function value(text: string, lo: number, hi: number, names?: string[]): number {
  const named = names ? names.indexOf(text) : -1;
  if (named >= 0) return named + 1;
  if (!/^\d+$/.test(text)) throw new Error(`bad value ${text}`);
  return inRange(Number(text), lo, hi);
}

function inRange(n: number, lo: number, hi: number): number {
  if (n < lo || n > hi) throw new Error('out of range');
  return n;
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based, day 0 of next month
}

function dayMatches(f: CronFields, y: number, m: number, d: number): boolean {
  const dim = daysInMonth(y, m);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1; // 1=SUN
  if (f.dom) {
    return f.dom.some((r) => {
      if (r.kind === 'days') return r.days.has(d);
      if (r.kind === 'last') return d === dim;
      // nearest weekday to r.day within the month
      const target = Math.min(r.day, dim);
      const wd = new Date(Date.UTC(y, m - 1, target)).getUTCDay();
      let nearest = target;
      if (wd === 6) nearest = target === 1 ? 3 : target - 1;
      else if (wd === 0) nearest = target === dim ? target - 2 : target + 1;
      return d === nearest;
    });
  }
  return (f.dow ?? []).some((r) => {
    if (r.kind === 'days') return r.days.has(weekday);
    if (r.kind === 'last') return r.day === weekday && d + 7 > dim;
    return r.day === weekday && Math.ceil(d / 7) === r.n;
  });
}

function nextCron(f: CronFields, after: number): number | undefined {
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  // Day-by-day search; bounded by the cron year range (1970..2199).
  for (let guard = 0; guard < 200 * 366 * 2; guard++) {
    const date = new Date(t);
    const y = date.getUTCFullYear();
    if (y > 2199) return undefined;
    const m = date.getUTCMonth() + 1;
    const d = date.getUTCDate();
    if ((f.years !== 'any' && !f.years.has(y)) || !f.months.has(m) || !dayMatches(f, y, m, d)) {
      t = Date.UTC(y, m - 1, d + 1);
      continue;
    }
    for (let h = date.getUTCHours(); h < 24; h++) {
      if (!f.hours.has(h)) continue;
      const startMin = h === date.getUTCHours() ? date.getUTCMinutes() : 0;
      for (let mi = startMin; mi < 60; mi++) {
        if (f.minutes.has(mi)) return Date.UTC(y, m - 1, d, h, mi);
      }
    }
    t = Date.UTC(y, m - 1, d + 1);
  }
  return undefined;
}
