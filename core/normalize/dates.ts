/**
 * Dates: "10 May", "May 10", "10th of May", "May 10th" all become `date:5-10`. A month name is a
 * month only next to a day number, and a month name that is also an English word ("may",
 * "march") only with a capital letter, so "1 in 10 may lose" is no date.
 */
import { wordTable } from '../word-table';
import { makeToken, type Rule } from './token';

// Hand-written: the English month names and their abbreviations, a closed list.
const MONTHS: Record<string, number> = wordTable({
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
});
/** Month names that are also common English words. */
const WORD_MONTHS = new Set(['may', 'march', 'mar']);

/** The month a word names, when it is written as a month. */
function monthOf(folded: string, capital: boolean): number | undefined {
  const m = MONTHS[folded];
  return m && (capital || !WORD_MONTHS.has(folded)) ? m : undefined;
}

/** A day of the month: 1..31, as digits or an ordinal ("10th"). */
export function dayNumber(w: string): number | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(w);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= 31 ? n : undefined;
}

export const dateRule: Rule = (raw, i) => {
  const r = raw[i]!;
  const day = dayNumber(r.folded);
  if (day !== undefined) {
    const ofSkip = raw[i + 1]?.folded === 'of' ? 1 : 0;
    const m = raw[i + 1 + ofSkip];
    const month = m && monthOf(m.folded, m.capital);
    if (month) return { tokens: [makeToken(`date:${month}-${day}`, 'date', r, m)], next: i + 2 + ofSkip };
  }
  const month = monthOf(r.folded, r.capital);
  const next = raw[i + 1];
  const after = month && next ? dayNumber(next.folded) : undefined;
  if (month && after !== undefined) {
    return { tokens: [makeToken(`date:${month}-${after}`, 'date', r, next)], next: i + 2 };
  }
  return undefined;
};
