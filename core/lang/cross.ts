/**
 * Cross-language matching: a page sentence in German, Portuguese, Norwegian or Bulgarian
 * against the English corpus, through the matcher's public API only.
 *
 * 1. Gloss (gloss.ts): every word -> the English keys of all its senses.
 * 2. Retrieve: the glossed keys go to `Matcher.candidates` (the inverted index) as tokens.
 * 3. Score: each page word may take one corpus word whose key is among its senses (a name:
 *    the same key, or the same spelling give or take a transliteration); the words are
 *    matched without order (word order differs between languages) and weighed with the
 *    matcher's own weights; score = max(weighted Dice, containment damped for short texts).
 * 4. Follow: a sure match's other versions come from `Matcher.versions` of the matched corpus
 *    sentence, each scored against the page again.
 * 5. Judge: a number, date, name or negation that differs is a conflict; otherwise reworded,
 *    never identical. The word diff is left empty: there is no word-for-word diff between two
 *    languages.
 */
import type { IndexedSentence, Matcher } from '../matcher';
import type { Token } from '../normalize';
import { sentences, type Span } from '../segment';
import type { CheckResult, Reason, Version } from '../types';
import { gloss, type GlossToken } from './gloss';
import { detectLanguage } from './detect';
import type { Lexicon } from './lexicon';

/** A page sentence is reported by a corpus sentence from this cross-language score on. */
export const CROSS_THRESHOLD = 0.5;
/** From this score on a match brings the matched sentence's other versions. */
const CROSS_ANCHOR = 0.6;
/** Names and negations are compared from this score on (as verdict.ts's CLOSE_SCORE). */
const CROSS_CLOSE = 0.6;
/** Senses per word offered to retrieval: the first ones (the lexicon ranks them). */
const RETRIEVAL_SENSES = 6;
/** Weight of a page word that found no partner: a known word, a word the lexicon lacks. */
const UNMATCHED_KNOWN = 0.8;
const UNMATCHED_UNKNOWN = 0.5;
/** Fewest matched content words (names count half, titles nothing). */
const MIN_SHARED_WORDS = 3;
/** Containment counts fully from this many matched content words on (names count half). */
const FULL_CONTAINMENT_WORDS = 4;
/** Words either side of the matched corpus words still compared for numbers and names. */
const REGION_MARGIN = 3;
/** A linked version without its own match to the page needs this link score. */
const MIN_LINK_SCORE = 0.8;
/** Letters two words must share from the start to pass for cognates (brutalidade/brutality). */
const COGNATE_PREFIX = 5;

export interface CrossMatch {
  target: IndexedSentence;
  score: number;
  /** Page token index -> corpus token index. */
  pairs: Array<[number, number]>;
}

/** Tokens in the matcher's form for retrieval: one per sense of each content word. */
function retrievalTokens(g: GlossToken[]): Token[] {
  const out: Token[] = [];
  for (const t of g) {
    if (t.stop) continue;
    for (const key of t.keys.slice(0, RETRIEVAL_SENSES)) {
      out.push({
        key,
        kind: t.kind,
        fold: key,
        start: t.start,
        end: t.end,
        capital: t.capital,
        name: t.unknown && t.capital,
        title: false,
        stop: false,
        negation: t.negation,
      });
    }
  }
  return out;
}

/** Consonant skeleton of a name: transliterations differ in vowels and doubled letters. */
function skeleton(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/sch/g, 'sh')
    .replace(/[kc]h/g, 'h')
    .replace(/ck|c|q/g, 'k')
    .replace(/tz|ts/g, 'z')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/[aeiouyj']/g, '')
    .replace(/(.)\1+/g, '$1');
}

/** Spelling folded for cognates across languages: k/c, ph/f, th/t, y/i, z/s, doubled letters. */
function cognateForm(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/qu/g, 'c')
    .replace(/[kq]/g, 'c')
    .replace(/y/g, 'i')
    .replace(/z/g, 's')
    .replace(/(.)\1+/g, '$1');
}

/** Two words of shared origin: the same first letters, most of the shorter word. */
function cognate(page: string, corpus: string): boolean {
  const a = cognateForm(page);
  const b = cognateForm(corpus);
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k >= COGNATE_PREFIX && k >= 0.6 * Math.min(a.length, b.length);
}

function sameName(page: GlossToken, corpusText: string): boolean {
  if (page.latin.length < 4) return false;
  const b = skeleton(corpusText.replace(/['’]s$/, ''));
  if (b.length < 2) return false;
  return skeleton(page.latin) === b || skeleton(page.latin.replace(/s$/, '')) === b;
}

/** Score of a glossed page sentence against one corpus sentence. */
export function crossScore(
  g: GlossToken[],
  target: IndexedSentence,
  weigh: (t: Token) => number,
): { score: number; pairs: Array<[number, number]> } {
  const content = g.map((t, i) => ({ t, i })).filter(({ t }) => !t.stop);
  const ctoks = target.tokens;
  const used = new Set<number>();
  const pairs: Array<[number, number]> = [];
  let matched = 0;
  let pageWeight = 0;
  let sharedWords = 0;
  const surfaceOf = (c: Token) => target.text.slice(c.start, c.end);
  // Specific words first (fewest senses), so a word with many senses does not take the partner
  // of a word with one.
  const order = [...content].sort((x, y) => x.t.keys.length - y.t.keys.length || x.i - y.i);
  for (const { t, i } of order) {
    let best = -1;
    let bestW = 0;
    for (let j = 0; j < ctoks.length; j++) {
      const c = ctoks[j]!;
      if (used.has(j) || c.stop) continue;
      const hit =
        t.keys.includes(c.key) ||
        (t.kind === 'word' &&
          c.kind === 'word' &&
          ((t.unknown && c.capital && sameName(t, surfaceOf(c))) || cognate(t.latin, surfaceOf(c))));
      if (!hit) continue;
      const w = weigh(c);
      if (w > bestW) {
        best = j;
        bestW = w;
      }
    }
    if (best >= 0) {
      used.add(best);
      pairs.push([i, best]);
      matched += bestW;
      pageWeight += bestW;
      const c = ctoks[best]!;
      // Titles say nothing of the statement ("Secretary General"), names little.
      if (!t.negation) sharedWords += c.title ? 0 : c.name ? 0.5 : 1;
    } else {
      pageWeight += t.kind !== 'word' ? 1 : t.unknown ? UNMATCHED_UNKNOWN : UNMATCHED_KNOWN;
    }
  }
  const corpusWeight = ctoks.reduce((s, c) => s + (c.stop ? 0 : weigh(c)), 0);
  if (sharedWords < MIN_SHARED_WORDS || pageWeight === 0 || corpusWeight === 0) return { score: 0, pairs };
  const dice = (2 * matched) / (pageWeight + corpusWeight);
  const containment =
    (matched / Math.min(pageWeight, corpusWeight)) * Math.min(1, sharedWords / FULL_CONTAINMENT_WORDS);
  pairs.sort((x, y) => x[0] - y[0]);
  return { score: Math.max(dice, containment), pairs };
}

/** Direct cross-language matches of a page sentence, best first. */
export function crossMatches(matcher: Matcher, g: GlossToken[]): CrossMatch[] {
  const out: CrossMatch[] = [];
  for (const id of matcher.candidates(retrievalTokens(g))) {
    const target = matcher.sentences[id]!;
    const { score, pairs } = crossScore(g, target, matcher.weigh);
    if (score >= CROSS_THRESHOLD) out.push({ target, score, pairs });
  }
  return out.sort((x, y) => y.score - x.score);
}

/** Where the page and a corpus sentence differ in a number, date, name or negation. */
export function crossConflicts(
  text: string,
  g: GlossToken[],
  target: IndexedSentence,
  pairs: Array<[number, number]>,
  score: number,
): Reason[] {
  const reasons: Reason[] = [];
  const ctoks = target.tokens;
  const pageDone = new Set(pairs.map(([i]) => i));
  const corpusDone = new Set(pairs.map(([, j]) => j));
  // The corpus side is compared only where the page's words fell (a long corpus sentence holds
  // other statements with their own numbers).
  // Widened by a few words: "23 of the 32" may match only at "32".
  const js = pairs.map(([, j]) => j);
  const lo = Math.min(...js) - REGION_MARGIN;
  const hi = Math.max(...js) + REGION_MARGIN;
  const pageText = (t: GlossToken) => text.slice(t.start, t.end);
  const corpusText = (c: Token) => target.text.slice(c.start, c.end);
  for (const kind of ['number', 'date'] as const) {
    const isKind = (k: string) => (kind === 'number' ? k === 'number' || k === 'percent' : k === 'date');
    const pa = g.filter((t, i) => !pageDone.has(i) && isKind(t.kind));
    const cb = ctoks.filter((c, j) => j >= lo && j <= hi && !corpusDone.has(j) && isKind(c.kind));
    for (let k = 0; k < Math.min(pa.length, cb.length); k++) {
      reasons.push({ kind, page: pageText(pa[k]!), corpus: corpusText(cb[k]!) });
    }
  }
  if (score < CROSS_CLOSE) return reasons;
  // Names: a name on the page that the version lacks where the version has another name.
  const pageNames = g.filter((t, i) => i > 0 && !pageDone.has(i) && t.unknown && t.capital && t.kind === 'word');
  const corpusNames = ctoks.filter(
    (c, j) => j > lo && j < hi && !corpusDone.has(j) && c.capital && !c.stop && c.kind === 'word' && !c.title,
  );
  if (pageNames.length && corpusNames.length && pageNames.length <= 3 && corpusNames.length <= 3) {
    reasons.push({
      kind: 'name',
      page: pageNames.map(pageText).join(' '),
      corpus: corpusNames.map(corpusText).join(' '),
    });
  }
  const negPage = g.filter((t) => t.negation).length;
  const negCorpus = ctoks.filter((c, j) => j >= lo && j <= hi && c.negation).length;
  if (negPage % 2 !== negCorpus % 2) {
    const p = g.find((t, i) => t.negation && !pageDone.has(i));
    const c = ctoks.find((t, j) => t.negation && !corpusDone.has(j) && j >= lo && j <= hi);
    reasons.push({ kind: 'negation', page: p ? pageText(p) : '', corpus: c ? corpusText(c) : '' });
  }
  return reasons;
}

function version(text: string, g: GlossToken[], m: CrossMatch, lang: string, via?: string): Version {
  const { target } = m;
  const reasons = crossConflicts(text, g, target, m.pairs, m.score);
  const { meta } = target.article;
  return {
    article: target.article.id,
    outlet: meta.outlet,
    date: meta.date,
    language: meta.language,
    translated: meta.translated,
    kind: target.sentence.kind,
    text: target.text,
    start: target.sentence.start,
    end: target.sentence.end,
    score: Math.round(m.score * 1000) / 1000,
    verdict: reasons.length ? 'conflicting' : 'reworded',
    reasons,
    diff: [],
    ...(via ? { via } : {}),
    pageLanguage: lang,
    crossLanguage: true,
  };
}

/**
 * Versions of a page sentence written in `lang` (a language with a lexicon): direct matches
 * through the gloss, then the other versions of sure ones.
 */
export function crossVersions(
  matcher: Matcher,
  text: string,
  lexicon: Lexicon,
  lang: string = lexicon.lang,
): Version[] {
  const g = gloss(text, lexicon);
  const direct = crossMatches(matcher, g);
  const versions = new Map<number, Version>();
  for (const m of direct) versions.set(m.target.id, version(text, g, m, lang));
  for (const m of direct) {
    if (m.score < CROSS_ANCHOR) continue;
    for (const v of matcher.versions(m.target.text)) {
      const s = matcher.sentenceAt(v.article, v.start);
      if (!s || versions.has(s.id) || s.article.id === m.target.article.id) continue;
      const again = crossScore(g, s, matcher.weigh);
      // Its own score against the page; else the chain's, if the link is sure.
      const score = again.score >= CROSS_THRESHOLD ? again.score : v.score >= MIN_LINK_SCORE ? m.score * v.score : 0;
      if (score < CROSS_THRESHOLD || !again.pairs.length) continue;
      versions.set(s.id, version(text, g, { target: s, score, pairs: again.pairs }, lang, m.target.article.id));
    }
  }
  return [...versions.values()].sort((x, y) => y.score - x.score || x.article.localeCompare(y.article));
}

/**
 * Sentences of a text in a page language: the segmenter's, with a break after a day number
 * ("am 1. Oktober", "1. oktober", "der 3. Mai") undone, which German and Norwegian write with
 * a full stop.
 */
export function pageSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const s of sentences(text)) {
    const prev = out.at(-1);
    const gap = prev ? text.slice(prev.end, s.start) : '';
    if (prev && /(?:^|\s)\d{1,2}\.$/.test(prev.text) && /^[ \t]*$/.test(gap)) {
      out[out.length - 1] = { text: text.slice(prev.start, s.end), start: prev.start, end: s.end };
    } else out.push(s);
  }
  return out;
}

/**
 * A page sentence's versions on a page in a lexicon language: through the language layer, unless
 * the sentence itself reads as English (an English quote on a German page), which the matcher
 * takes. Without a lexicon (an English page), the matcher. The extension and the check command
 * both route sentences here.
 */
export function sentenceVersions(matcher: Matcher, text: string, lexicon: Lexicon | undefined): Version[] {
  if (lexicon && detectLanguage(text).lang !== 'en') return crossVersions(matcher, text, lexicon);
  return matcher.versions(text);
}

/** Check a plain text in a lexicon language: its sentences, each with its versions. */
export function crossCheck(matcher: Matcher, text: string, lexicon: Lexicon): CheckResult {
  return {
    sentences: pageSentences(text).map((s) => ({ ...s, versions: sentenceVersions(matcher, s.text, lexicon) })),
  };
}
