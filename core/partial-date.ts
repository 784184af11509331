/**
 * Publication dates known to the day, the month or only the year (YYYY-MM-DD, YYYY-MM, YYYY),
 * read as the span of days they allow. Kept apart from core/timeline.ts, which needs the
 * comparison code, so that the UI can show dates without loading it.
 */

/** A publication date as the days it allows, both ends inclusive, as YYYY-MM-DD. */
export interface DateSpan {
  from: string;
  to: string;
  /** How precisely the date is known. */
  precision: 'year' | 'month' | 'day';
}

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The days a date allows; undefined for anything not YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateSpan(date: string): DateSpan | undefined {
  const m = DATE_RE.exec(date.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[2] === undefined) return { from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, precision: 'year' };
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return undefined;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (m[3] === undefined) return { from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(last)}`, precision: 'month' };
  const d = Number(m[3]);
  if (d < 1 || d > last) return undefined;
  return { from: date.trim(), to: date.trim(), precision: 'day' };
}

/** `a` is known to come before `b`: its last possible day is before `b`'s first. */
export function knownBefore(a: DateSpan | undefined, b: DateSpan | undefined): boolean {
  return !!a && !!b && a.to < b.from;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A date as a reader says it, to the precision it is known: "2024", "June 2024", "27 June 2024". */
export function formatDate(date: string): string {
  const span = dateSpan(date);
  if (!span) return date || 'date not known';
  if (span.precision === 'year') return span.from.slice(0, 4);
  const at = new Date(`${span.from}T00:00:00Z`);
  return span.precision === 'month' ? MONTH.format(at) : DAY.format(at);
}
