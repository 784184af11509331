/**
 * Links between sentences of different corpus articles that report the same statement,
 * computed once when the corpus is built.
 *
 * Outlets that report one interview tell it in the same order, so the articles can be aligned
 * like parallel texts: pairs that match well are anchors; between two anchors, a pair that
 * shares only a little wording is still the same statement (the gap is aligned one to one);
 * one sentence may hold what another outlet wrote in two (a 1:2 merge); and a version linked to
 * a version is linked too (one transitive step). At check time, a page sentence that clearly is
 * one corpus sentence gets all of that sentence's versions, also those too far in wording to
 * match the page directly.
 *
 * Incremental: given the ids of new articles, only pairs with a sentence of a new article are
 * looked at (the new sentences' candidates, the merges and gaps around them, and chains through
 * their links), against the links the matcher already holds, so adding an article costs its own
 * sentences' retrieval and alignment, not a rebuild.
 */
import { align, bestSimilarity, type Similarity } from './align';
import { regionSpan, type IndexedSentence, type Matcher } from './matcher';
import type { Token } from './normalize';
import type { CorpusLink } from './types';

/** A pair matches on its own wording from this score on. */
export const LINK_STRONG = 0.45;
/** A headline is short and shares words by chance more easily: it needs this score. */
const LINK_HEADLINE = 0.6;
/** Between anchors on both sides, a pair needs only this score (and a shared content word). */
const LINK_SANDWICHED = 0;
/** Next to an anchor on one side only, a pair needs this score. */
const LINK_ONE_SIDED = 0.35;
/** Versions of a sentence that transitive links go through. */
const MAX_CHAIN = 6;
/** A 1:2 merge must score at least this much better than either sentence alone. */
const MERGE_GAIN = 0;

const key = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

/**
 * Links between sentences of different articles: all of them, or, with `only`, the new links of
 * those articles' sentences (the matcher's links count as made already). Returns the new links.
 */
export function linkArticles(m: Matcher, only?: ReadonlySet<string>): CorpusLink[] {
  const S = m.sentences;
  const isNew = (i: number) => !only || only.has(S[i]!.article.id);
  const sims = new Map<string, Similarity>();
  const simOf = (a: number, b: number): Similarity => {
    const k = key(a, b);
    let sim = sims.get(k);
    if (!sim) {
      const [x, y] = a < b ? [S[a]!, S[b]!] : [S[b]!, S[a]!];
      sim = bestSimilarity(x, y, m.weigh);
      sims.set(k, sim);
    }
    return sim;
  };
  const links = new Map<string, CorpusLink & { x: number; y: number }>();
  /** For each sentence, the articles it has a new link into. */
  const into = new Map<number, Set<string>>();
  const articlesLinked = (i: number) => {
    let set = into.get(i);
    if (!set) into.set(i, (set = new Set()));
    return set;
  };
  const stored = (a: number, b: number) => m.linksOf(S[a]!).some((l) => l.to === S[b]);
  const linked = (a: number | undefined, b: number | undefined) =>
    a !== undefined && b !== undefined && (links.has(key(a, b)) || stored(a, b));
  const add = (
    a: number,
    b: number,
    score: number,
    aSpan?: [number, number],
    bSpan?: [number, number],
    chained = false,
  ) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (linked(x, y)) return false;
    const sim = simOf(x, y);
    const xs = a < b ? aSpan : bSpan;
    const ys = a < b ? bSpan : aSpan;
    articlesLinked(x).add(S[y]!.article.id);
    articlesLinked(y).add(S[x]!.article.id);
    links.set(key(x, y), {
      x,
      y,
      a: S[x]!.ref,
      b: S[y]!.ref,
      aSpan: xs ?? regionSpan(S[x]!, sim.regionA),
      bSpan: ys ?? regionSpan(S[y]!, sim.regionB),
      score: Math.round(Math.min(1, score) * 1000) / 1000,
      ...(chained ? { chained: true as const } : {}),
    });
    return true;
  };
  // Headlines summarise several statements at once: they neither anchor gaps nor chain links.
  const headline = (i: number) => S[i]!.sentence.kind === 'headline';
  const anchored = (a: number | undefined, b: number | undefined) => linked(a, b) && !headline(a!) && !headline(b!);
  const linkedInto = (i: number, article: string) =>
    (into.get(i)?.has(article) ?? false) || m.linksOf(S[i]!).some((l) => l.to.article.id === article);
  const neighbour = (i: number, step: -1 | 1): number | undefined => {
    const n = S[i + step];
    return n && n.article === S[i]!.article ? i + step : undefined;
  };
  const mine = (s: IndexedSentence) => m.candidates(s.tokens, new Set([s.article.id]));
  const fresh = only ? S.filter((s) => only.has(s.article.id)) : S;
  const candidatesOf = new Map<number, number[]>(fresh.map((s) => [s.id, mine(s)]));

  // Candidate pairs across articles, from the retrieval index.
  const pairs: Array<[number, number]> = [];
  const seen = new Set<string>();
  for (const s of fresh) {
    for (const c of candidatesOf.get(s.id)!) {
      if (seen.has(key(s.id, c))) continue;
      seen.add(key(s.id, c));
      pairs.push([Math.min(s.id, c), Math.max(s.id, c)]);
    }
  }

  // 1. Anchors: pairs that match on their own wording.
  for (const [a, b] of pairs) {
    const sim = simOf(a, b);
    const needed = headline(a) || headline(b) ? LINK_HEADLINE : LINK_STRONG;
    if (sim.score >= needed) add(a, b, sim.score);
  }

  // 2. 1:2 merges: one sentence holds two consecutive sentences of another article.
  const merge = (s: IndexedSentence, c: number) => {
    const next = neighbour(c, 1);
    if (next === undefined) return;
    const first = S[c]!;
    const second = S[next]!;
    // A sentence that holds two others shares content words with each: without, no alignment.
    const words = contentKeys(s);
    if (!sharesWord(words, first) || !sharesWord(words, second)) return;
    // The two sentences as one text (offsets shifted so clause windows still work).
    const shift = first.text.length + 1;
    const merged = {
      text: `${first.text} ${second.text}`,
      tokens: [...first.tokens, ...second.tokens.map((t) => ({ ...t, start: t.start + shift, end: t.end + shift }))],
    };
    const sim = bestSimilarity(s, merged, m.weigh);
    const alone = Math.max(simOf(s.id, c).score, simOf(s.id, next).score);
    if (sim.score < LINK_STRONG || sim.score < alone + MERGE_GAIN) return;
    // Which part of s aligns with which of the two sentences.
    const win = s.tokens.slice(sim.regionA[0], sim.regionA[1]);
    const al = align(win, merged.tokens);
    const split = first.tokens.length;
    for (const [part, inPart] of [
      [c, (j: number) => j < split],
      [next, (j: number) => j >= split],
    ] as const) {
      const own = al.pairs.filter(([, j]) => inPart(j));
      if (!carries(own, win, merged.tokens)) continue;
      const sFrom = win[own[0]![0]]!;
      const sTo = win[own.at(-1)![0]]!;
      const sSpan: [number, number] = [s.sentence.start + sFrom.start, s.sentence.start + sTo.end];
      const target = S[part]!;
      add(s.id, part, sim.score, sSpan, [target.sentence.start, target.sentence.end]);
    }
  };
  const keysOf = new Map<IndexedSentence, Set<string>>();
  const contentKeys = (x: IndexedSentence) => {
    let set = keysOf.get(x);
    if (!set) keysOf.set(x, (set = new Set(x.tokens.filter((t) => !t.stop).map((t) => t.key))));
    return set;
  };
  const sharesWord = (words: Set<string>, x: IndexedSentence) => x.tokens.some((t) => !t.stop && words.has(t.key));
  const tried = new Set<string>();
  const tryMerge = (s: IndexedSentence, c: number | undefined) => {
    if (c === undefined || headline(c) || headline(s.id) || S[c]!.article === s.article) return;
    const k = `${s.id}>${c}`;
    if (tried.has(k)) return;
    tried.add(k);
    merge(s, c);
  };
  for (const s of fresh) {
    for (const c of candidatesOf.get(s.id)!) {
      tryMerge(s, c);
      tryMerge(s, neighbour(c, -1));
    }
  }
  // An older sentence that holds two consecutive new ones: found from the new side.
  if (only) {
    for (const n of fresh) {
      for (const c of candidatesOf.get(n.id)!) {
        if (isNew(c)) continue;
        tryMerge(S[c]!, n.id);
        tryMerge(S[c]!, neighbour(n.id, -1));
      }
    }
  }

  // 3. Gaps between anchors, until nothing changes. The neighbours of anchors are candidates
  // even when they share too few words for the retrieval index to propose them.
  for (let changed = true, round = 0; changed && round < 4; round++) {
    changed = false;
    const gapPairs = [...pairs];
    for (const l of links.values()) {
      for (const step of [-1, 1] as const) {
        const x = neighbour(l.x, step);
        const y = neighbour(l.y, step);
        if (x !== undefined && y !== undefined) gapPairs.push([x, y]);
      }
    }
    for (const [a, b] of gapPairs) {
      if (linked(a, b) || S[a]!.article === S[b]!.article) continue;
      const sim = simOf(a, b);
      if (sim.shared < 1) continue;
      if (headline(a) || headline(b)) continue;
      const before = anchored(neighbour(a, -1), neighbour(b, -1));
      const after = anchored(neighbour(a, 1), neighbour(b, 1));
      // Between anchors on both sides the gap is aligned one to one. Next to one anchor only,
      // the pair must score well and neither sentence may have a version there already.
      const sandwiched = before && after && sim.score >= LINK_SANDWICHED;
      const oneSided =
        (before || after) &&
        sim.score >= LINK_ONE_SIDED &&
        !linkedInto(a, S[b]!.article.id) &&
        !linkedInto(b, S[a]!.article.id);
      if (sandwiched || oneSided) {
        const whole = (i: number): [number, number] => [S[i]!.sentence.start, S[i]!.sentence.end];
        changed = add(a, b, Math.max(sim.score, LINK_STRONG), whole(a), whole(b)) || changed;
      }
    }
  }

  // 4. One transitive step: a version of a version, when the middle spans agree. Only through a
  // sentence with a new link (with `only`): chains through older links alone were made before.
  interface Via {
    b: number;
    aSpan: readonly [number, number];
    bSpan: readonly [number, number];
    score: number;
  }
  const byId = new Map<number, Via[]>();
  const via = (from: number) => {
    let list = byId.get(from);
    if (!list) {
      byId.set(from, (list = []));
      if (only)
        for (const l of m.linksOf(S[from]!)) list.push({ b: l.to.id, aSpan: l.aSpan, bSpan: l.bSpan, score: l.score });
    }
    return list;
  };
  for (const l of links.values()) {
    if (l.chained) continue;
    via(l.x).push({ b: l.y, aSpan: l.aSpan, bSpan: l.bSpan, score: l.score });
    via(l.y).push({ b: l.x, aSpan: l.bSpan, bSpan: l.aSpan, score: l.score });
  }
  for (const [mid, all] of byId) {
    if (headline(mid)) continue;
    // Chains through the best few versions only: a statement repeated by hundreds of outlets
    // would otherwise link every pair of them.
    const list = all.sort((x, y) => y.score - x.score).slice(0, MAX_CHAIN);
    for (const x of list) {
      for (const y of list) {
        if (headline(x.b) || headline(y.b)) continue;
        if (x.b >= y.b || S[x.b]!.article === S[y.b]!.article || linked(x.b, y.b)) continue;
        if (!overlap(x.aSpan, y.aSpan)) continue;
        add(x.b, y.b, x.score * y.score, x.bSpan as [number, number], y.bSpan as [number, number], true);
      }
    }
  }
  return [...links.values()].sort((p, q) => p.x - q.x || p.y - q.y).map(({ x: _x, y: _y, ...link }) => link);
}

/**
 * Whether aligned pairs carry a statement rather than touch it: shared content worth three
 * words (see carryWeight),
 * or a run of three words in a row with at least one content word that is not a name
 * ("has now changed"). A shared attribution ("Stoltenberg told AFP") carries nothing.
 */
function carries(pairs: Array<[number, number]>, a: Token[], b: Token[]): boolean {
  const worth = pairs.reduce((n, [, j]) => n + carryWeight(b[j]!), 0);
  if (worth >= 3) return true;
  let run = 1;
  let word = false;
  for (let k = 0; k < pairs.length; k++) {
    const [i, j] = pairs[k]!;
    const prev = pairs[k - 1];
    if (prev && prev[0] === i - 1 && prev[1] === j - 1) run++;
    else {
      run = 1;
      word = false;
    }
    word ||= !a[i]!.stop && !a[i]!.name;
    if (run >= 3 && word) return true;
  }
  return false;
}

/** A number or date is specific (2); a name half a word; a title only says who spoke (0). */
function carryWeight(t: Token): number {
  if (t.stop || t.title) return 0;
  if (t.kind !== 'word') return 2;
  return t.name ? 0.5 : 1;
}

function overlap(x: readonly [number, number], y: readonly [number, number]): boolean {
  const inter = Math.min(x[1], y[1]) - Math.max(x[0], y[0]);
  return inter > 0 && inter >= 0.5 * Math.min(x[1] - x[0], y[1] - y[0]);
}
