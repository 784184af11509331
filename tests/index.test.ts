// The index that updates: stored segments, postings that grow and shrink, articles added and
// removed with their links, format 1 still read, near-identical sentences grouped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../core/corpus';
import { evaluateClaims, type Claim } from '../core/evaluate';
import { Postings } from '../core/index/postings';
import { buildSegment, packSegments, unpackSegments } from '../core/index/segment';
import { linkArticles } from '../core/links';
import { Matcher } from '../core/matcher';
import { tokenize } from '../core/normalize';
import type { ArticleMeta, CorpusData, CorpusDataV1, CorpusLink } from '../core/types';
import { loadCorpus } from '../scripts/lib/load-corpus';

const bundled = loadCorpus();
const { claims } = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'seed-claims.json'), 'utf8')) as {
  claims: Array<{ versions: Array<{ text: string }> }>;
};
const claimTexts = claims.flatMap((c) => c.versions.map((v) => v.text));

const linkKey = (l: CorpusLink) =>
  `${l.a.article}#${l.a.index}|${l.b.article}#${l.b.index}|${l.aSpan.join('-')}|${l.bSpan.join('-')}|${l.score}`;
/** Links as a sorted list of strings, each pair in one order. */
const linkSet = (links: readonly CorpusLink[]) =>
  links
    .map((l) =>
      `${l.a.article}#${l.a.index}` < `${l.b.article}#${l.b.index}`
        ? linkKey(l)
        : linkKey({ a: l.b, b: l.a, aSpan: l.bSpan, bSpan: l.aSpan, score: l.score }),
    )
    .sort();
/** Linked sentence pairs, whatever their scores. */
const pairSet = (links: readonly CorpusLink[]) =>
  new Set(links.map((l) => [`${l.a.article}#${l.a.index}`, `${l.b.article}#${l.b.index}`].sort().join('|')));
const evalClaims = (
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'seed-claims.json'), 'utf8')) as { claims: Claim[] }
).claims;
const checks = (m: Matcher) => claimTexts.map((t) => m.versions(t));

describe('segments', () => {
  it('are packed into the index file and unpacked to the same arrays', () => {
    const segments = bundled.articles.map((a) => buildSegment(a));
    const back = unpackSegments(
      packSegments(segments),
      bundled.articles.map((a) => a.id),
    );
    back.forEach((b, i) => {
      const s = segments[i]!;
      expect(b.article).toBe(s.article);
      expect([...b.length]).toEqual([...s.length]);
      expect([...b.stops]).toEqual([...s.stops]);
      expect([...b.flags]).toEqual([...s.flags]);
      // Same keys, token by token, through each one's key table.
      expect([...b.term].map((t) => b.terms[t])).toEqual([...s.term].map((t) => s.terms[t]));
    });
  });

  it('keep key numbers past 65,536 (32-bit then)', () => {
    const many = Array.from({ length: 70_000 }, (_, i) => `k${i}`);
    const seg = {
      article: 'x',
      terms: many,
      length: Uint16Array.of(3),
      stops: Uint16Array.of(0),
      term: Uint32Array.of(0, 65_536, 69_999),
      flags: new Uint8Array(3),
    };
    const packed = packSegments([seg]);
    expect(packed.wide).toBe(true);
    const [back] = unpackSegments(packed, ['x']);
    expect([...back!.term].map((t) => back!.terms[t])).toEqual(['k0', 'k65536', 'k69999']);
    expect(packSegments([buildSegment(bundled.articles[0]!)]).wide).toBeUndefined();
  });

  it('survive a structured clone (what IndexedDB stores)', () => {
    const s = buildSegment(bundled.articles[0]!);
    const copy = structuredClone(s);
    expect(copy.term).toBeInstanceOf(Uint32Array);
    expect(copy).toEqual(s);
  });

  it('hold only content words, with the stop words counted', () => {
    const article = buildArticle('x', 'The minister said the talks failed.', META);
    const s = buildSegment(article);
    const tokens = tokenize('The minister said the talks failed.');
    expect(s.length[0]).toBe(tokens.filter((t) => !t.stop).length);
    expect(s.stops[0]).toBe(tokens.filter((t) => t.stop).length);
  });

  it('a matcher loaded from them finds what one that tokenises the corpus finds', () => {
    expect(bundled.format).toBe(2);
    expect(bundled.segments).toBeDefined();
    const fromSegments = new Matcher(bundled);
    const fromText = new Matcher({ ...bundled, segments: undefined });
    expect(checks(fromSegments)).toEqual(checks(fromText));
  });
});

describe('postings', () => {
  const seg = (article: string, sentences: string[][]) => {
    const terms = [...new Set(sentences.flat())];
    return {
      article,
      terms,
      length: Uint16Array.from(sentences.map((s) => s.length)),
      stops: new Uint16Array(sentences.length),
      term: Uint32Array.from(sentences.flat().map((k) => terms.indexOf(k))),
      flags: new Uint8Array(sentences.flat().length),
    };
  };
  const lists = (p: Postings) =>
    Object.fromEntries(p.keys.map((k) => [k, [...p.list(p.termId(k)!)]]).filter(([, l]) => l!.length));

  it('append sentences in order and cut them out, moving the later ones down', () => {
    const p = new Postings();
    p.add([
      seg('a', [
        ['war', 'talks'],
        ['talks', 'talks'],
      ]),
    ]);
    p.add([seg('b', [['war']]), seg('c', [['peace', 'war']])]);
    expect(p.count).toBe(4);
    expect(lists(p)).toEqual({ war: [0, 2, 3], talks: [0, 1], peace: [3] });
    p.remove(1, 3);
    expect(p.count).toBe(2);
    expect(lists(p)).toEqual({ war: [0, 1], talks: [0], peace: [1] });
    expect([...p.tokensOf(1).term].map((t) => p.keys[t])).toEqual(['peace', 'war']);
  });
});

const META: ArticleMeta = { outlet: 'X', urlIsArticle: false, date: '2024', language: 'en', translated: false };

describe('adding and removing articles', () => {
  const [first, ...rest] = bundled.articles;

  it('linked one at a time, the bundled articles get nearly the links of a whole build', () => {
    const m = new Matcher({ format: 2, articles: [first!], links: [] });
    for (const a of rest) m.addArticle(a);
    // Scores differ a little (word rarity is that of the corpus when each article came), and a
    // few weak pairs are left out; nothing that a whole build does not link.
    const whole = pairSet(bundled.links);
    const one = pairSet(m.allLinks());
    for (const p of one) expect(whole.has(p)).toBe(true);
    expect(one.size).toBeGreaterThanOrEqual(0.9 * whole.size);
    const report = evaluateClaims(m, evalClaims);
    expect(report.recall).toBeGreaterThanOrEqual(evaluateClaims(new Matcher(bundled), evalClaims).recall);
  });

  it('an article removed takes its sentences and links out; the others keep theirs', () => {
    const m = new Matcher(bundled);
    const gone = rest[1]!.id;
    const revision = m.revision;
    expect(m.removeArticle(gone)).toBe(true);
    expect(m.revision).not.toBe(revision);
    expect(m.removeArticle(gone)).toBe(false);
    expect(m.sentences.every((s, i) => s.id === i && s.article.id !== gone)).toBe(true);
    const kept = bundled.links.filter((l) => l.a.article !== gone && l.b.article !== gone);
    expect(linkSet(m.allLinks())).toEqual(linkSet(kept));
    // The same as a matcher that never had it (links of the others as stored).
    const without = new Matcher({
      format: 2,
      articles: bundled.articles.filter((a) => a.id !== gone),
      links: kept,
    });
    expect(checks(m)).toEqual(checks(without));
    for (const v of checks(m).flat()) expect(v.article).not.toBe(gone);
  });

  it('an article removed and added again is found again, with its links', () => {
    const m = new Matcher(bundled);
    const again = rest[0]!;
    m.removeArticle(again.id);
    const links = m.addArticle(again, buildSegment(again));
    expect(links.length).toBeGreaterThan(0);
    // Every pair of the whole build is linked again (a few weak chains may be added).
    const now = pairSet(m.allLinks());
    for (const p of pairSet(bundled.links)) expect(now.has(p)).toBe(true);
    const found = (x: Matcher) => checks(x).map((vs) => vs.map((v) => `${v.article}:${v.start}:${v.verdict}`).sort());
    expect(found(m)).toEqual(found(new Matcher(bundled)));
  });

  it('an article stored with its segment and links is restored without linking again', () => {
    const m = new Matcher(bundled);
    const article = rest[0]!;
    const segment = m.segmentOf(article.id)!;
    const links = m.allLinks().filter((l) => l.a.article === article.id || l.b.article === article.id);
    m.removeArticle(article.id);
    // What IndexedDB would give back: structured clones.
    m.restoreArticles([structuredClone(article)], [structuredClone(segment)], structuredClone(links));
    expect(linkSet(m.allLinks())).toEqual(linkSet(bundled.links));
    const found = (x: Matcher) => checks(x).map((vs) => vs.map((v) => `${v.article}:${v.start}:${v.verdict}`).sort());
    expect(found(m)).toEqual(found(new Matcher(bundled)));
  });

  it('indexed without links, articles match at once and are linked in slices after', () => {
    const m = new Matcher({ format: 2, articles: [first!], links: [] });
    m.indexUnlinked(rest);
    expect(m.pending).toEqual(rest.map((a) => a.id));
    // Direct matches already: every claim finds what a fully linked matcher finds directly.
    const direct = (x: Matcher) =>
      checks(x).map((vs) =>
        vs
          .filter((v) => !v.via)
          .map((v) => `${v.article}:${v.start}`)
          .sort(),
      );
    const linked = new Matcher({ format: 2, articles: [first!], links: [] });
    linked.importArticles(rest);
    expect(direct(m)).toEqual(direct(linked));
    expect(m.allLinks()).toEqual([]);
    // Linked two at a time, then the rest; an id not pending is no work.
    const made = [...m.linkPending(m.pending.slice(0, 2)), ...m.linkPending()];
    expect(m.pending).toEqual([]);
    expect(m.linkPending([rest[0]!.id])).toEqual([]);
    expect(made.length).toBeGreaterThan(0);
    expect(linkSet(m.allLinks())).toEqual(linkSet(made));
    // The claims are found as well as when the articles were linked at once.
    expect(evaluateClaims(m, evalClaims).recall).toBeGreaterThanOrEqual(evaluateClaims(linked, evalClaims).recall);
  });

  it('an article removed before it was linked is no longer pending', () => {
    const m = new Matcher({ format: 2, articles: [first!], links: [] });
    m.indexUnlinked(rest);
    m.removeArticle(rest[1]!.id);
    expect(m.pending).toEqual(rest.filter((_, i) => i !== 1).map((a) => a.id));
    m.linkPending();
    for (const l of m.allLinks()) expect([l.a.article, l.b.article]).not.toContain(rest[1]!.id);
  });

  it('a segment that does not fit its article is refused', () => {
    const m = new Matcher(bundled);
    expect(() => m.addArticle({ ...rest[0]!, id: 'other' }, buildSegment(first!))).toThrow(/does not fit/);
  });

  it('segmentOf gives back the segment the article was indexed with', () => {
    const m = new Matcher(bundled);
    const s = m.segmentOf(first!.id)!;
    const fresh = buildSegment(first!);
    expect([...s.term].map((t) => s.terms[t])).toEqual([...fresh.term].map((t) => fresh.terms[t]));
    expect([...s.flags]).toEqual([...fresh.flags]);
  });
});

describe('format 1', () => {
  it('is still read: links by global sentence number become links by article', () => {
    const numbers = new Map<string, number>();
    let n = 0;
    for (const a of bundled.articles) a.sentences.forEach((_, i) => numbers.set(`${a.id}#${i}`, n++));
    const v1: CorpusDataV1 = {
      format: 1,
      articles: bundled.articles,
      links: bundled.links.map((l) => ({
        ...l,
        a: numbers.get(`${l.a.article}#${l.a.index}`)!,
        b: numbers.get(`${l.b.article}#${l.b.index}`)!,
      })),
    };
    const m = new Matcher(v1);
    expect(linkSet(m.allLinks())).toEqual(linkSet(bundled.links));
    expect(checks(m)).toEqual(checks(new Matcher(bundled)));
  });
});

describe('near-identical sentences', () => {
  const text = (n: number) =>
    `Harbour report\n\nThe harbour authority said that ${n} container ships were held at the northern pier overnight.\n`;
  const data: CorpusData = {
    format: 2,
    articles: [10, 10, 12, 14].map((n, i) => buildArticle(`a${i}`, text(n), { ...META, outlet: `Outlet ${i}` })),
    links: [],
  };

  it('are grouped, and every member is listed with its own verdict', () => {
    const m = new Matcher(data);
    const body = m.sentences.filter((s) => s.sentence.kind === 'body');
    expect(body.every((s) => s.group?.length === 4)).toBe(true);
    const versions = m.versions(
      'The harbour authority said that 10 container ships were held at the northern pier overnight.',
    );
    expect(versions.map((v) => [v.article, v.verdict]).sort()).toEqual([
      ['a0', 'identical'],
      ['a1', 'identical'],
      ['a2', 'conflicting'],
      ['a3', 'conflicting'],
    ]);
    expect(versions.find((v) => v.article === 'a3')!.reasons).toEqual([{ kind: 'number', page: '10', corpus: '14' }]);
  });

  it('more than MAX_CANDIDATES copies are all found (a group is one candidate)', () => {
    const many: CorpusData = {
      format: 2,
      articles: Array.from({ length: 30 }, (_, i) => buildArticle(`c${i}`, text(10 + i), META)),
      links: [],
    };
    const versions = new Matcher(many).versions(
      'The harbour authority said that 25 container ships were held at the northern pier overnight.',
    );
    expect(versions.length).toBe(30);
    expect(versions.filter((v) => v.verdict === 'identical').map((v) => v.article)).toEqual(['c15']);
  });

  it('of candidates that share as much, a copy goes before longer sentences that hold the same words', () => {
    const statement = 'The harbour authority said that container ships were held at the northern pier overnight.';
    const extras = ['fishermen', 'tourists', 'inspectors', 'reporters', 'engineers', 'farmers', 'cyclists'];
    const longer = extras.flatMap((a, i) =>
      extras.slice(i + 1).map((b) => `${statement.slice(0, -1)}, while ${a} and ${b} waited on the quay.`),
    );
    expect(longer.length).toBeGreaterThan(12);
    // The copy comes last, so that the sentence number (the old tie-break) would leave it out.
    const articles = [...longer, statement].map((t, i) =>
      buildArticle(`s${String(i).padStart(2, '0')}`, `Harbour report\n\n${t}\n`, META),
    );
    const m = new Matcher({ format: 2, articles, links: [] });
    const versions = m.versions(statement);
    const copy = articles.at(-1)!.id;
    expect(versions.find((v) => v.article === copy)?.verdict).toBe('identical');
  });

  it('leave the group when their article is removed', () => {
    const m = new Matcher(data);
    m.removeArticle('a0');
    m.removeArticle('a1');
    const body = m.sentences.filter((s) => s.sentence.kind === 'body');
    expect(body.map((s) => s.group?.length)).toEqual([2, 2]);
    m.removeArticle('a2');
    expect(m.sentences.find((s) => s.sentence.kind === 'body')!.group).toBeUndefined();
  });

  it('a different word is not the same statement', () => {
    const m = new Matcher({
      ...data,
      articles: [...data.articles, buildArticle('b', text(10).replace('northern', 'southern'), META)],
    });
    const other = m.sentences.find((s) => s.article.id === 'b' && s.sentence.kind === 'body')!;
    expect(other.group).toBeUndefined();
  });
});

describe('incremental linking', () => {
  it('adds only new links, against the links held already', () => {
    // The second article reports statements of the others (it has links in the whole build).
    const next = bundled.articles[1]!;
    expect(bundled.links.some((l) => l.a.article === next.id || l.b.article === next.id)).toBe(true);
    const m = new Matcher({ format: 2, articles: bundled.articles.filter((a) => a !== next), links: [] });
    const held = linkArticles(m);
    m.addLinks(held);
    const added = m.addArticle(next);
    // New pairs have a sentence of the new article, or are two versions chained through one.
    expect(added.some((l) => l.a.article === next.id || l.b.article === next.id)).toBe(true);
    const heldKeys = new Set(linkSet(held));
    for (const k of linkSet(added)) expect(heldKeys.has(k)).toBe(false);
    expect(linkSet(m.allLinks())).toEqual(linkSet([...held, ...added]));
  });
});

describe('sentenceAt', () => {
  it('finds every sentence by its article and start, nothing between starts or once removed', () => {
    const m = new Matcher(bundled);
    for (const s of m.sentences) expect(m.sentenceAt(s.article.id, s.sentence.start)).toBe(s);
    const first = m.sentences[0]!;
    expect(m.sentenceAt(first.article.id, first.sentence.start + 1)).toBeUndefined();
    m.removeArticle(first.article.id);
    expect(m.sentenceAt(first.article.id, first.sentence.start)).toBeUndefined();
  });
});
