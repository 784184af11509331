/**
 * Quoted words inside a sentence. News outlets wrap the same quote in different attributions
 * ("he said in Brussels", "the Norwegian stressed"), so comparisons look at the quoted words
 * first. Quotes may open in one sentence and close in the next, so an unmatched closing mark
 * quotes from the start of the sentence and an unmatched opening mark quotes to its end.
 */
export interface Range {
  start: number;
  end: number;
}

const OPENERS = new Set(['“', '„', '«', '‹', '「', '『']);
const CLOSERS = new Set(['”', '»', '›', '」', '』']);

/** Character ranges (relative to `text`) of the words between quotation marks. */
export function quotedRanges(text: string): Range[] {
  const out: Range[] = [];
  let open = -1;
  let sawWordsBefore = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const straight = c === '"' || (c === "'" && text[i + 1] === "'");
    const isOpen = OPENERS.has(c) || (straight && open < 0 && !looksLikeCloser(text, i, sawWordsBefore, out.length));
    const isClose = CLOSERS.has(c) || (straight && !isOpen);
    if (isOpen && open < 0) {
      open = i + (c === "'" ? 2 : 1);
    } else if (isClose) {
      const from = open >= 0 ? open : 0;
      if (i > from) out.push({ start: from, end: i });
      open = -1;
    }
    if (c === "'" && text[i + 1] === "'") i++;
    if (/[\p{L}\p{N}]/u.test(c)) sawWordsBefore = true;
  }
  if (open >= 0 && open < text.length) out.push({ start: open, end: text.length });
  return out.filter((r) => /[\p{L}\p{N}]/u.test(text.slice(r.start, r.end)));
}

// A straight quote with words before it and none after (or only punctuation) closes a quote
// that was opened in an earlier sentence.
function looksLikeCloser(text: string, i: number, sawWordsBefore: boolean, found: number): boolean {
  if (!sawWordsBefore || found > 0) return false;
  const before = text[i - 1] ?? ' ';
  const after = text[i + 1] ?? ' ';
  return !/\s/.test(before) && /[\s,.;:!?)]/.test(after) && !text.slice(0, i).includes('"');
}

/** Verbs that attribute words to a speaker ("said", "told", "according to"). */
export const SPEECH_VERBS = new Set([
  'said',
  'say',
  'says',
  'told',
  'tell',
  'tells',
  'added',
  'adds',
  'stressed',
  'stresses',
  'continued',
  'continues',
  'warned',
  'warns',
  'emphasized',
  'emphasised',
  'explained',
  'noted',
  'insisted',
  'declared',
  'stated',
  'according',
  'recalled',
  'asked',
  'argued',
  'claimed',
  'wrote',
]);
