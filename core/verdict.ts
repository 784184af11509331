/**
 * Verdicts: is a version the same words, the same statement in other words, or the same
 * statement with a detail that differs (a number, a date, a name, a negation)?
 *
 * Differences are looked for only where the two texts align, so a page sentence that quotes
 * half of a long corpus sentence does not "conflict" with the other half.
 */
import {
  align,
  alignedRegion,
  clauseStarts,
  isEvidence,
  sameKeys,
  verbatimWithin,
  type Alignment,
  type Tokenized,
} from './align';

export type { Tokenized };
import type { Token } from './normalize';
import { quotedRanges, SPEECH_VERBS, type Range } from './quotes';
import type { DiffOp, Reason, Verdict } from './types';

export interface Comparison {
  verdict: Verdict;
  reasons: Reason[];
  diff: DiffOp[];
  attribution?: DiffOp[];
}

/** Longest stretch (tokens) on either side that counts as one name replaced by another. */
const MAX_SWAP = 3;

/** Aligned evidence words (content words, not names) two texts need for their negations to compare. */
const MIN_NEGATED_WORDS = 2;

/** Quote-first comparison needs this many content words inside quotes on both sides. */
const MIN_QUOTED_CONTENT = 4;

/**
 * Names are compared only between close versions (this score or more): between loose rewordings
 * the unaligned stretches are long and hold other names and other clauses. Numbers and dates are
 * specific enough to compare always; negations too, since they are read only at the aligned
 * words and the clause before them (see polarity).
 */
export const CLOSE_SCORE = 0.6;

export function compare(
  page: Tokenized,
  version: Tokenized,
  score = 1,
  al: Alignment = align(page.tokens, version.tokens),
): Comparison {
  const close = score >= CLOSE_SCORE;
  const diff = diffOps(page, version, al);
  const pq = quotedPart(page);
  const vq = quotedPart(version);
  if (pq && vq) {
    const qal = align(pq.tokens, vq.tokens);
    const reasons = conflicts(pq, vq, qal, close);
    reasons.push(...speakerConflicts(page, pq.ranges, version, vq.ranges));
    const verdict = reasons.length ? 'conflicting' : sameWords(pq.tokens, vq.tokens) ? 'identical' : 'reworded';
    const attribution = diffOps(
      outside(page, pq.ranges),
      outside(version, vq.ranges),
      align(outside(page, pq.ranges).tokens, outside(version, vq.ranges).tokens),
    );
    return { verdict, reasons, diff, attribution };
  }
  const reasons = conflicts(page, version, al, close);
  const verdict = reasons.length ? 'conflicting' : sameWords(page.tokens, version.tokens) ? 'identical' : 'reworded';
  return { verdict, reasons, diff };
}

/**
 * Same words after normalisation: the same key sequence, or one text quoted verbatim inside the
 * other when the quoted words carry a statement (see verbatimWithin: three content tokens, two of
 * them evidence words that are not names). A table cell "2.1%" or a headline "No signs" found inside a longer
 * sentence is not the same words as that sentence.
 */
export function sameWords(a: Token[], b: Token[]): boolean {
  if (!a.length || !b.length) return false;
  if (sameKeys(a, b)) return true;
  return a.length <= b.length ? verbatimWithin(a, b) : verbatimWithin(b, a);
}

interface QuotedPart extends Tokenized {
  ranges: Range[];
}

function quotedPart(s: Tokenized): QuotedPart | undefined {
  const ranges = quotedRanges(s.text);
  if (!ranges.length) return undefined;
  const tokens = s.tokens.filter((t) => inRanges(t, ranges));
  if (tokens.filter((t) => !t.stop).length < MIN_QUOTED_CONTENT) return undefined;
  return { text: s.text, tokens, ranges };
}

function outside(s: Tokenized, ranges: Range[]): Tokenized {
  return { text: s.text, tokens: s.tokens.filter((t) => !inRanges(t, ranges)) };
}

function inRanges(t: Token, ranges: Range[]): boolean {
  return ranges.some((r) => t.start >= r.start && t.end <= r.end);
}

function surface(s: Tokenized, from: number, to: number): string {
  const first = s.tokens[from];
  const last = s.tokens[to - 1];
  return first && last ? s.text.slice(first.start, last.end) : '';
}

/** Word-level diff for display: delete = only on the page, insert = only in the version. */
export function diffOps(page: Tokenized, version: Tokenized, al: Alignment): DiffOp[] {
  const ops: DiffOp[] = [];
  const push = (op: DiffOp['op'], text: string) => {
    if (text) ops.push({ op, text });
  };
  let i = 0;
  let j = 0;
  let k = 0;
  const pairs = al.pairs;
  while (k <= pairs.length) {
    const [pi, vj] = pairs[k] ?? [page.tokens.length, version.tokens.length];
    push('delete', surface(page, i, pi));
    push('insert', surface(version, j, vj));
    if (k === pairs.length) break;
    // A run of aligned tokens, shown in the version's own spelling and punctuation.
    let run = 1;
    while (pairs[k + run] && pairs[k + run]![0] === pi + run && pairs[k + run]![1] === vj + run) run++;
    push('equal', surface(version, vj, vj + run));
    i = pi + run;
    j = vj + run;
    k += run;
  }
  return ops;
}

function isNumeric(t: Token): boolean {
  return t.kind === 'number' || t.kind === 'percent';
}

/** Where the two texts differ in a number, a date, a name or a negation. */
function conflicts(a: Tokenized, b: Tokenized, al: Alignment, close: boolean): Reason[] {
  const reasons: Reason[] = [];
  const [ra0, ra1] = alignedRegion(al, a.tokens, b.tokens, 'a');
  const [rb0, rb1] = alignedRegion(al, a.tokens, b.tokens, 'b');
  const alignedA = new Set(al.pairs.map(([i]) => i));
  const alignedB = new Set(al.pairs.map(([, j]) => j));
  const loose = (s: Tokenized, set: Set<number>, from: number, to: number, keep: (t: Token) => boolean) =>
    s.tokens.map((t, i) => ({ t, i })).filter(({ t, i }) => i >= from && i < to && !set.has(i) && keep(t));

  // Numbers and dates: any left unaligned on both sides of the aligned region differ.
  for (const [kind, keep] of [
    ['number', isNumeric],
    ['date', (t: Token) => t.kind === 'date'],
  ] as const) {
    const la = loose(a, alignedA, ra0, ra1, keep);
    const lb = loose(b, alignedB, rb0, rb1, keep);
    const n = Math.min(la.length, lb.length);
    for (let k = 0; k < n; k++) {
      reasons.push({ kind, page: numberSurface(a, la[k]!.i), corpus: numberSurface(b, lb[k]!.i) });
    }
  }

  // Negations at any score: they are read only where the statement is (see polarity). Words
  // quoted verbatim from a negated sentence (half a quote selected) dropped nothing.
  const negation = negationConflict(a, b, al, !sameWords(a.tokens, b.tokens));
  if (negation) reasons.push(negation);
  if (!close) return reasons;

  // Names: a name replaced by another name in the same place.
  for (const h of al.hunks) {
    if (!overlaps(h.a, [ra0, ra1]) && !overlaps(h.b, [rb0, rb1])) continue;
    // A swap is a short replacement; a long unaligned stretch is a rewording, not a swap.
    if (h.a[1] - h.a[0] > MAX_SWAP || h.b[1] - h.b[0] > MAX_SWAP) continue;
    const na = names(a, h.a);
    const nb = names(b, h.b);
    if (na.length && nb.length && !na.some((x) => nb.some((y) => x.key === y.key))) {
      reasons.push({ kind: 'name', page: nameSurface(a, na), corpus: nameSurface(b, nb) });
    }
  }

  return reasons;
}

/**
 * The aligned core of one side: from its first to its last aligned content token (no widening:
 * see alignedRegion for numbers).
 */
function core(al: Alignment, s: Tokenized, side: 0 | 1): [number, number] | undefined {
  const own = al.pairs.map((p) => p[side]).filter((i) => !s.tokens[i]!.stop);
  return own.length ? [own[0]!, own.at(-1)! + 1] : undefined;
}

/**
 * Whether one side negates the statement both sides share, and the negation that says so: the
 * negations inside the aligned core ("Russia is not capable of"), or, when there are none, those
 * of the clause before it ("We have no indication or reason to believe that Russia has ...":
 * the negation governs the matched words from outside them). The nearest negations decide, so a
 * negated condition further back ("As long as we don't give any room ..., there is no
 * military threat") does not count against the one inside. A clause starts after a comma,
 * colon, dash, bracket or quotation mark (clauseStarts). `before` false: only the core counts
 * (one text is quoted verbatim in the other).
 */
function polarity(s: Tokenized, [from, to]: [number, number], before: boolean): { odd: boolean; word: string } {
  let negs = s.tokens.slice(from, to).filter((t) => t.negation);
  if (!negs.length && before) {
    let start = 0;
    for (const c of clauseStarts(s.text, s.tokens)) if (c <= from) start = c;
    negs = s.tokens.slice(start, from).filter((t) => t.negation);
  }
  const last = negs.at(-1);
  return { odd: negs.length % 2 === 1, word: last ? s.text.slice(last.start, last.end) : '' };
}

/** One side negates the shared statement and the other does not: a negation conflict. */
function negationConflict(a: Tokenized, b: Tokenized, al: Alignment, before: boolean): Reason | undefined {
  // A statement both sides share: at least two aligned words of evidence (content words, not
  // names), or every one the shorter side has ("Russia will not win" / "Russia will win"). One
  // shared "spend" in "23 of 32 members spend at least 2%" and "allies who do not spend enough"
  // (a linked version of another clause) is no shared statement to negate.
  const words = (t: Token) => isEvidence(t) && !t.name;
  const shared = al.pairs.filter(([i]) => words(a.tokens[i]!)).length;
  const fewest = Math.min(a.tokens.filter(words).length, b.tokens.filter(words).length);
  if (shared < Math.min(MIN_NEGATED_WORDS, fewest)) return undefined;
  const ca = core(al, a, 0);
  const cb = core(al, b, 1);
  if (!ca || !cb) return undefined;
  const pa = polarity(a, ca, before);
  const pb = polarity(b, cb, before);
  if (pa.odd === pb.odd) return undefined;
  return { kind: 'negation', page: pa.odd ? pa.word : '', corpus: pb.odd ? pb.word : '' };
}

function overlaps(r: [number, number], s: [number, number]): boolean {
  return r[0] < s[1] && s[0] < r[1];
}

function numberSurface(s: Tokenized, i: number): string {
  const t = s.tokens[i]!;
  let text = s.text.slice(t.start, t.end);
  const next = s.tokens[i + 1];
  // Keep the unit with its number: "2 percent", "23 %".
  if (t.kind === 'number' && next?.kind === 'percent') text = s.text.slice(t.start, next.end);
  return text;
}

/**
 * Proper names in a token range: capitalised content words that are not the first word of
 * the sentence or of a quote, in a sentence that is not written in Title Case.
 */
function names(s: Tokenized, [from, to]: [number, number]): Token[] {
  const words = s.tokens.filter((t) => t.kind === 'word');
  const capitalised = words.filter((t) => t.capital).length;
  if (words.length >= 4 && capitalised / words.length > 0.6) return [];
  const out: Token[] = [];
  for (let i = from; i < to; i++) {
    const t = s.tokens[i]!;
    if (!t.capital || t.stop || t.kind !== 'word' || i === 0) continue;
    const before = s.text.slice(s.tokens[i - 1]!.end, t.start);
    if (/[.!?:"“„«‘]\s*$/.test(before)) continue;
    out.push(t);
  }
  return out;
}

function nameSurface(s: Tokenized, tokens: Token[]): string {
  return tokens.map((t) => s.text.slice(t.start, t.end)).join(' ');
}

/** Who is said to speak, in the words around the quotes. */
function speakers(s: Tokenized, quoted: Range[]): Token[] {
  const out: Token[] = [];
  const toks = s.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (inRanges(t, quoted)) continue;
    const word = s.text.slice(t.start, t.end).toLowerCase();
    if (!SPEECH_VERBS.has(word)) continue;
    // "Stoltenberg said", "said Stoltenberg", "according to Stoltenberg", "Stoltenberg told AFP";
    // not "said in Brussels": two words on, only after "to" ("according to").
    const twoOn = s.text.slice(toks[i + 1]?.start ?? 0, toks[i + 1]?.end ?? 0).toLowerCase() === 'to' ? [i + 2] : [];
    for (const k of [i - 1, i + 1, ...twoOn]) {
      const n = toks[k];
      // A person: not a demonym or country ("the Norwegian stressed" is no other speaker).
      const person = n && n.capital && !n.stop && n.kind === 'word' && !/^(country:|usa$)/.test(n.key);
      if (n && person && !inRanges(n, quoted)) {
        out.push(n);
        break;
      }
    }
  }
  return out;
}

function speakerConflicts(a: Tokenized, qa: Range[], b: Tokenized, qb: Range[]): Reason[] {
  const sa = speakers(a, qa);
  const sb = speakers(b, qb);
  if (!sa.length || !sb.length) return [];
  if (sa.some((x) => sb.some((y) => x.key === y.key))) return [];
  return [{ kind: 'name', page: nameSurface(a, sa.slice(0, 1)), corpus: nameSurface(b, sb.slice(0, 1)) }];
}
