/**
 * Sentence segmentation with offsets. `Intl.Segmenter` finds sentence boundaries inside each
 * line; a line break always ends a sentence, so headlines, captions and bylines without a full
 * stop are sentences of their own. Offsets index the original string, so
 * `text.slice(s.start, s.end) === s.text` always holds.
 */
export interface Span {
  start: number;
  end: number;
  text: string;
}

let segmenter: Intl.Segmenter | undefined;

function sentenceSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return segmenter;
}

const LINE_RE = /[^\r\n\u2028\u2029]+/g;
const TRIM_START_RE = /^[\s\u00A0\uFEFF]+/;
const TRIM_END_RE = /[\s\u00A0\uFEFF]+$/;

/** Trim a span of text, keeping offsets right. Returns undefined for blank text. */
export function trimSpan(text: string, start: number, end: number): Span | undefined {
  const slice = text.slice(start, end);
  const lead = TRIM_START_RE.exec(slice)?.[0].length ?? 0;
  const trail = TRIM_END_RE.exec(slice)?.[0].length ?? 0;
  if (lead + trail >= slice.length) return undefined;
  return { start: start + lead, end: end - trail, text: slice.slice(lead, slice.length - trail) };
}

/** Lines of a text (split at line breaks), trimmed, blank ones dropped. */
export function lines(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(LINE_RE)) {
    const s = trimSpan(text, m.index, m.index + m[0].length);
    if (s) out.push(s);
  }
  return out;
}

/** Sentences of a text. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  for (const line of lines(text)) out.push(...sentencesOfLine(text, line));
  return out;
}

/** Sentences inside one line (a span of `text` with no line break). */
export function sentencesOfLine(text: string, line: Span): Span[] {
  const out: Span[] = [];
  for (const seg of sentenceSegmenter().segment(line.text)) {
    const s = trimSpan(text, line.start + seg.index, line.start + seg.index + seg.segment.length);
    if (!s) continue;
    // A lone closing quote or bracket that the segmenter split off belongs to the sentence
    // before it; glue it back rather than leaving a "sentence" with no words.
    const prev = out.at(-1);
    if (prev && !/[\p{L}\p{N}]/u.test(s.text)) {
      out[out.length - 1] = { start: prev.start, end: s.end, text: text.slice(prev.start, s.end) };
      continue;
    }
    out.push(s);
  }
  return out;
}
