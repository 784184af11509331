/**
 * Word alignment of two token lists and the similarity score built on it.
 *
 * The alignment is the longest common subsequence of comparison keys (the `diff` library's
 * array diff, Myers' algorithm), so word order matters and every aligned pair is a word both
 * texts share. The score weighs each aligned word by how rare it is in the corpus, so two
 * sentences sharing "NATO", "Stoltenberg" and "said" score low while sharing
 * "capabilities", "breakthroughs" and "strength" scores high.
 */
import { diffArrays } from 'diff';
import { spellingVariant, type Token } from './normalize';
import type { SynonymTable } from './synonyms';

/** Index pairs (i in a, j in b) of aligned tokens, in order. */
export type Pairs = Array<[number, number]>;

export interface Hunk {
  /** Token index ranges [from, to) in a and b: tokens only in a, only in b. */
  a: [number, number];
  b: [number, number];
}

export interface Alignment {
  /** Aligned pairs in order (the longest common subsequence): for diffs and regions. */
  pairs: Pairs;
  /**
   * Shared words outside that order: the same word placed elsewhere ("ten years at the head"
   * against "at the helm ... for ten years"), or a compound written in one word on one side and
   * two on the other ("airstrikes", "air strikes"). They count for the score, not for the diff.
   */
  extra: number[];
  /** Runs of unaligned tokens between aligned ones (including the edges). */
  hunks: Hunk[];
}

/**
 * Alignment for display and verdicts: Myers' diff from the `diff` library, whose hunks read the
 * way a person expects ("24" against "23", not a shifted run).
 */
export function align(a: Token[], b: Token[]): Alignment {
  const changes = diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  );
  const pairs: Pairs = [];
  let i = 0;
  let j = 0;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (c.added) j += n;
    else if (c.removed) i += n;
    else {
      for (let k = 0; k < n; k++) pairs.push([i + k, j + k]);
      i += n;
      j += n;
    }
  }
  return withHunks(a, b, pairs);
}

/** Largest table the scoring alignment fills; longer inputs use Myers' diff instead. */
const MAX_TABLE = 250_000;
let table = new Int32Array(4096);

/**
 * Alignment for scoring, the hot path of matching (every candidate of every page sentence):
 * a longest common subsequence by dynamic programming over a reused table. Hand-written
 * because the `diff` library's general machinery (change objects, options, callbacks) cost
 * about twenty times more per short sentence pair, measured on the benchmark; the result is
 * an LCS all the same, so scores agree.
 */
export function alignForScore(a: Token[], b: Token[]): Alignment {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_TABLE) return align(a, b);
  const w = m + 1;
  if (table.length < (n + 1) * w) table = new Int32Array((n + 1) * w * 2);
  const L = table;
  for (let j = 0; j <= m; j++) L[n * w + j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const ka = a[i]!.key;
    const row = i * w;
    const next = row + w;
    L[row + m] = 0;
    for (let j = m - 1; j >= 0; j--) {
      L[row + j] = ka === b[j]!.key ? L[next + j + 1]! + 1 : Math.max(L[next + j]!, L[row + j + 1]!);
    }
  }
  const pairs: Pairs = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) {
      pairs.push([i++, j++]);
    } else if (L[(i + 1) * w + j]! >= L[i * w + j + 1]!) i++;
    else j++;
  }
  return withHunks(a, b, pairs);
}

/** The unaligned runs between aligned pairs, and the same words matched out of order. */
function withHunks(a: Token[], b: Token[], pairs: Pairs): Alignment {
  const hunks: Hunk[] = [];
  let pi = 0;
  let pj = 0;
  for (const [i, j] of [...pairs, [a.length, b.length] as [number, number]]) {
    if (i > pi || j > pj) hunks.push({ a: [pi, i], b: [pj, j] });
    pi = i + 1;
    pj = j + 1;
  }
  return { pairs, hunks, extra: unorderedMatches(a, b, pairs) };
}

/** Indexes in `a` of tokens that match a token of `b` outside the ordered alignment. */
function unorderedMatches(a: Token[], b: Token[], pairs: Pairs): number[] {
  // Nothing left unaligned on one side: nothing to match out of order.
  if (pairs.length === a.length || pairs.length === b.length) return [];
  const usedA = new Set(pairs.map(([i]) => i));
  const usedB = new Set(pairs.map(([, j]) => j));
  const free = new Map<string, number>();
  for (let j = 0; j < b.length; j++) {
    if (usedB.has(j) || b[j]!.stop) continue;
    free.set(b[j]!.key, (free.get(b[j]!.key) ?? 0) + 1);
  }
  const folds = new Set<string>();
  for (let j = 0; j < b.length; j++) if (!usedB.has(j)) folds.add(b[j]!.fold);
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!;
    if (usedA.has(i) || t.stop) continue;
    const n = free.get(t.key) ?? 0;
    if (n > 0) {
      free.set(t.key, n - 1);
      out.push(i);
      continue;
    }
    // A compound split on this side: "air" + "strikes" against "airstrikes".
    const next = a[i + 1];
    if (next && !usedA.has(i + 1) && folds.has(t.fold + next.fold)) {
      out.push(i, i + 1);
      i++;
    }
  }
  return out;
}

/** How much each token counts; rare words count more. */
export type Weigher = (t: Token) => number;

export interface Similarity {
  /** 0..1: how surely the two texts report the same statement. */
  score: number;
  /** Aligned content words (not stop words). */
  shared: number;
  /** Token index range [from, to) of the aligned region in a and in b. */
  regionA: [number, number];
  regionB: [number, number];
  /** Weighted share of a and of b that aligns. */
  coverage: [number, number];
}

/**
 * Stricter evidence for checking a page against the corpus, where nothing but the words says
 * two sentences belong together (link building also has the order of two parallel articles).
 */
export interface SimilarityOptions {
  /**
   * Containment counts only when the two texts also overlap as wholes, with a weighted Dice of
   * at least this: a shorter text wholly inside a longer one of up to four times its weight
   * (2 × 1 / (1 + 4) = 0.4), not three shared words somewhere in a long sentence.
   */
  containmentDice?: number;
  /** A clause window must align with at least this weighted share of the whole other text. */
  windowCoverage?: number;
  /**
   * Content words left unaligned on both sides that are synonyms in `table` (core/synonyms.ts:
   * "keep" and "continue") count at `weight` times their weight in the overlap of the two texts
   * (Dice and coverage; not in the containment of a short text in a long one). They add weight
   * only: the evidence rules (shared words, short texts) still count the words both texts share,
   * so synonyms alone never make a match.
   */
  synonyms?: { table: SynonymTable; weight: number };
}

/** Fewest shared content words for a match: below this, agreement is chance. */
export const MIN_SHARED = 3;

/**
 * A text with fewer content tokens (not stop words) than this is short: a two-word headline,
 * a table cell ("2.1%"), a fragment. Short texts match only nearly the same text (see
 * `shortTextAgrees`).
 */
export const SHORT_CONTENT = 4;
/**
 * A short text and the other side agree when their content words, matched by surface form, have
 * a Dice coefficient of at least this: every content word of the short side matched, and the other
 * side at most half as heavy again (2 × 1 / (1 + 1.5) = 0.8).
 */
const SHORT_DICE = 0.8;

/**
 * A word that is evidence of a shared statement: a content word, not a stop word, a negation, a
 * number or a date. Numbers and dates support words but are no evidence alone ("2.1%"), and two
 * texts that both say "not" share no statement by that.
 */
export function isEvidence(t: Token): boolean {
  return t.kind === 'word' && !t.stop && !t.negation;
}

/** Content tokens: what is not a stop word (words, negations, numbers, dates). */
function contentCount(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (!t.stop) n++;
  return n;
}

/**
 * Whether two tokens with the same key are the same word as written, give or take a plural or a
 * spelling variant: "sign"/"signs", not "signs"/"signed" or "critic"/"criticism", which only
 * stemming joins. Numbers, dates, countries and their demonyms are equal by key on purpose.
 */
export function sameSurface(x: Token, y: Token): boolean {
  if (x.kind !== 'word' || y.kind !== 'word' || x.negation || x.key === 'usa' || x.key.startsWith('country:')) {
    return true;
  }
  return pluralOf(surfaceForm(x), surfaceForm(y));
}

function surfaceForm(t: Token): string {
  return spellingVariant(t.fold.replace(/'s$/, '').replace(/['.]/g, ''));
}

function pluralOf(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return l === s || l === `${s}s` || l === `${s}es` || (s.endsWith('y') && l === `${s.slice(0, -1)}ies`);
}

/**
 * The words of `short` appear in `long` as one unbroken run of the same keys (the page quoting a
 * corpus sentence, or the reverse), and they carry a statement: at least MIN_SHARED content tokens,
 * two of them evidence words that are not names. A lone cell "2.1%", a headline "No signs" or a
 * name with a title ("President Jane Doe") inside a sentence is no quotation of it.
 */
export function verbatimWithin(short: Token[], long: Token[]): boolean {
  if (contentCount(short) < MIN_SHARED || short.filter((t) => isEvidence(t) && !t.name).length < 2) return false;
  const ks = ` ${short.map((t) => t.key).join(' ')} `;
  const kl = ` ${long.map((t) => t.key).join(' ')} `;
  return kl.includes(ks);
}

/**
 * The rule for short texts: the two sides say nearly the same words (content Dice, counting only
 * words that agree as written, at least SHORT_DICE), or the short side is quoted verbatim in the
 * other with enough content (verbatimWithin).
 */
function shortTextAgrees(a: Token[], b: Token[], al: Alignment, weigh: Weigher): boolean {
  const [short, long] = contentCount(a) <= contentCount(b) ? [a, b] : [b, a];
  if (verbatimWithin(short, long)) return true;
  let wa = 0;
  let wb = 0;
  for (const t of a) if (!t.stop) wa += weigh(t);
  for (const t of b) if (!t.stop) wb += weigh(t);
  // Each side's matched words at that side's own weights ("No" opening a headline weighs as a
  // capitalised word there, "no" inside a sentence does not).
  let matched = 0;
  for (const [i, j] of al.pairs) {
    const x = a[i]!;
    const y = b[j]!;
    if (!x.stop && sameSurface(x, y)) matched += weigh(x) + weigh(y);
  }
  return wa + wb > 0 && matched / (wa + wb) >= SHORT_DICE;
}

/**
 * Score two aligned token lists.
 *
 * - `dice`: weighted share of both texts that aligns (two versions of the same sentence);
 * - `containment`: weighted share of the shorter text found in the longer one (half a quote
 *   selected, or one corpus sentence holding two page sentences), damped for short texts
 *   where containment happens by chance.
 * The score is the larger of the two. Then the evidence rules:
 * - a short text (under SHORT_CONTENT content tokens) matches only nearly the same text, or a
 *   text that quotes it verbatim with enough content (shortTextAgrees), else the score is 0;
 * - sharing fewer than MIN_SHARED content tokens (or all of the shorter text's) halves it;
 * - sharing fewer than two words of evidence halves it: evidence words that are not names, and
 *   next to one of them, negations, numbers and dates. Stop words, negations and numbers alone
 *   are no shared statement, nor is sharing who spoke.
 */
export function similarity(
  a: Token[],
  b: Token[],
  al: Alignment,
  weigh: Weigher,
  options: SimilarityOptions = {},
): Similarity {
  let wa = 0;
  let wb = 0;
  let contentA = 0;
  let contentB = 0;
  for (const t of a) {
    wa += weigh(t);
    if (!t.stop) contentA++;
  }
  for (const t of b) {
    wb += weigh(t);
    if (!t.stop) contentB++;
  }
  let matched = 0;
  let shared = 0;
  let sharedWords = 0;
  let sharedSupport = 0;
  for (const i of [...al.pairs.map(([x]) => x), ...al.extra]) {
    const t = a[i]!;
    matched += weigh(t);
    if (!t.stop) shared++;
    if (isEvidence(t) && !t.name) sharedWords++;
    else if (t.kind !== 'word' || t.negation) sharedSupport++;
  }
  // A compound split on b's side: count b's two words as matched against a's one.
  matched += compoundBonus(a, b, al, weigh);
  // Synonyms add to the overlap of the two texts (Dice, coverage), not to the containment of a
  // short text in a long one: a short sentence is contained by chance far more easily, and a
  // synonym is weaker evidence than a shared word. Counted there, "keep" ~ "hold" made "the
  // soldiers have been able to hold the front line" a version of a long sentence saying Ukraine's
  // forces "keep causing ... heavy casualties, at the front ... behind the lines" (0.55).
  const wordsMatched = matched;
  if (options.synonyms) {
    const { table, weight } = options.synonyms;
    for (const [i, j] of synonymPairs(a, b, al, table)) matched += weight * Math.min(weigh(a[i]!), weigh(b[j]!));
  }
  const regionA = alignedRegion(al, a, b, 'a');
  const regionB = alignedRegion(al, a, b, 'b');
  if (shared === 0 || wa === 0 || wb === 0) return { score: 0, shared, regionA, regionB, coverage: [0, 0] };
  const coverage: [number, number] = [Math.min(1, matched / wa), Math.min(1, matched / wb)];

  const dice = (2 * matched) / (wa + wb);
  const shorter = Math.min(contentA, contentB);
  const containment = wordsMatched / Math.min(wa, wb);
  // A short text is contained in a long one by chance more easily: trust containment
  // more the more content words the shorter text has, up to eight.
  const damp = 0.35 + 0.55 * Math.min(1, shorter / 8);
  let score = dice >= (options.containmentDice ?? 0) ? Math.max(dice, containment * damp) : dice;
  // The same words as written (give or take a plural) need no further evidence.
  const same = sameKeys(a, b) && a.every((t, i) => sameSurface(t, b[i]!));
  // A headline of two words, a table cell, a fragment: only nearly the same text is a match.
  if (shorter < SHORT_CONTENT && !same && !shortTextAgrees(a, b, al, weigh)) {
    return { score: 0, shared, regionA, regionB, coverage };
  }
  if (shared < Math.min(MIN_SHARED, shorter)) score *= 0.5;
  // Evidence of one statement is shared words: not negations, stop words or numbers alone, and
  // not names alone ("NATO Secretary General Jens Stoltenberg" is who, not what). Negations,
  // numbers and dates count next to a shared word.
  const evidence = sharedWords + (sharedWords > 0 ? sharedSupport : 0);
  if (evidence < 2 && !same) score *= 0.5;
  return { score: Math.min(1, score), shared, regionA, regionB, coverage };
}

/** A word that may stand for another of the same meaning: a content word that is not a name. */
function synonymous(t: Token): boolean {
  return isEvidence(t) && !t.name;
}

/**
 * Pairs (i in a, j in b) of content words that neither alignment matched and that are synonyms,
 * each word used once, first come first served.
 */
export function synonymPairs(a: Token[], b: Token[], al: Alignment, table: SynonymTable): Pairs {
  const usedA = new Set([...al.pairs.map(([i]) => i), ...al.extra]);
  const usedB = new Set(al.pairs.map(([, j]) => j));
  // Words of b that the unordered matches took: the same keys as those of a's extra words.
  const extraKeys = new Set(al.extra.map((i) => a[i]!.key));
  const free: number[] = [];
  for (let j = 0; j < b.length; j++) {
    if (!usedB.has(j) && synonymous(b[j]!) && !extraKeys.has(b[j]!.key)) free.push(j);
  }
  const out: Pairs = [];
  if (!free.length) return out;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!;
    if (usedA.has(i) || !synonymous(t)) continue;
    const k = free.findIndex((j) => table.has(t.key, b[j]!.key));
    if (k < 0) continue;
    out.push([i, free[k]!]);
    free.splice(k, 1);
  }
  return out;
}

/** The same key sequence: the same words after normalisation. */
export function sameKeys(a: Token[], b: Token[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((t, i) => t.key === b[i]!.key);
}

function compoundBonus(a: Token[], b: Token[], al: Alignment, weigh: Weigher): number {
  if (al.pairs.length + al.extra.length >= a.length || al.pairs.length + 1 >= b.length) return 0;
  const usedA = new Set([...al.pairs.map(([i]) => i), ...al.extra]);
  const usedB = new Set(al.pairs.map(([, j]) => j));
  const foldsA = new Map<string, Token>();
  for (let i = 0; i < a.length; i++) if (!usedA.has(i) && !a[i]!.stop) foldsA.set(a[i]!.fold, a[i]!);
  let bonus = 0;
  for (let j = 0; j + 1 < b.length; j++) {
    if (usedB.has(j) || usedB.has(j + 1)) continue;
    const t = foldsA.get(b[j]!.fold + b[j + 1]!.fold);
    if (t) {
      bonus += weigh(t);
      foldsA.delete(t.fold);
    }
  }
  return bonus;
}

/**
 * The aligned region of one side: from its first to its last aligned content word, widened
 * at each edge by as many tokens as both sides leave unaligned there (so "23 of the 32"
 * against "Currently, 24 of the 32" takes in the 24 but not "Currently").
 */
export function alignedRegion(al: Alignment, a: Token[], b: Token[], side: 'a' | 'b'): [number, number] {
  const content = al.pairs.filter(([i]) => !a[i]!.stop);
  const use = content.length ? content : al.pairs;
  const first = use[0];
  const last = use.at(-1);
  const own = side === 'a' ? a : b;
  if (!first || !last) return [0, own.length];
  const [fa, fb] = first;
  const [la, lb] = last;
  const lead = Math.min(fa, fb);
  const trailA = a.length - 1 - la;
  const trailB = b.length - 1 - lb;
  const trail = Math.min(trailA, trailB);
  if (side === 'a') return [fa - lead, la + 1 + trail];
  return [fb - lead, lb + 1 + trail];
}

/** Below this full-sentence score, clause windows are tried (see bestSimilarity). */
const WINDOW_FROM = 0.2;
/** A clause window's score counts a little less than a whole sentence's. */
const WINDOW_DISCOUNT = 0.85;

/**
 * Token indexes where a clause begins: after a comma, semicolon, colon, dash, bracket or
 * quotation mark. Used to match one clause of a long sentence against a short one.
 */
export function clauseStarts(text: string, tokens: Token[]): number[] {
  const out = [0];
  for (let i = 1; i < tokens.length; i++) {
    const between = text.slice(tokens[i - 1]!.end, tokens[i]!.start);
    if (/[,;:–—()"“”«»]|\s-\s/.test(between)) out.push(i);
  }
  return out;
}

/**
 * Similarity of two sentences, or of a run of clauses of one with the whole other when that
 * scores higher: "..., emphasized Stoltenberg, who leaves his post on October 1 after 10 years
 * at the head of NATO" holds a statement that another outlet wrote as a sentence of its own.
 */
export function bestSimilarity(
  a: Tokenized,
  b: Tokenized,
  weigh: Weigher,
  options: SimilarityOptions = {},
): Similarity {
  const minCoverage = options.windowCoverage ?? 0;
  const full = similarity(a.tokens, b.tokens, alignForScore(a.tokens, b.tokens), weigh, options);
  if (full.score < WINDOW_FROM || full.score >= 0.9) return full;
  let best = full;
  for (const [side, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const starts = clauseStarts(side.text, side.tokens);
    if (starts.length < 2) continue;
    const ends = [...starts.slice(1), side.tokens.length];
    for (let x = 0; x < starts.length; x++) {
      for (let y = x; y < ends.length; y++) {
        if (x === 0 && y === ends.length - 1) continue;
        const from = starts[x]!;
        const win = side.tokens.slice(from, ends[y]);
        if (win.filter((t) => !t.stop).length < MIN_SHARED + 1) continue;
        const s =
          side === a
            ? similarity(win, other.tokens, alignForScore(win, other.tokens), weigh, options)
            : similarity(other.tokens, win, alignForScore(other.tokens, win), weigh, options);
        const score = s.score * WINDOW_DISCOUNT;
        if (score <= best.score) continue;
        // A clause matches when it holds the other text: most of the other text is aligned.
        if (s.coverage[side === a ? 1 : 0] < minCoverage) continue;
        best =
          side === a
            ? { ...s, score, regionA: [s.regionA[0] + from, s.regionA[1] + from] }
            : { ...s, score, regionB: [s.regionB[0] + from, s.regionB[1] + from] };
      }
    }
  }
  return best;
}

/** A text with its tokens (token offsets are relative to `text`). */
export interface Tokenized {
  text: string;
  tokens: Token[];
}
