// Spans: a page sentence that reports two neighbouring corpus sentences at once is matched
// against the two joined, on an invented corpus.
import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../core/corpus';
import { Matcher } from '../core/matcher';
import type { ArticleMeta } from '../core/types';
import { loadCorpus } from '../scripts/lib/load-corpus';

const META: ArticleMeta = {
  outlet: 'The Daily X',
  urlIsArticle: false,
  date: '2024-06',
  language: 'en',
  translated: false,
};
const FIRST = 'The ferry company cancelled all crossings to the island on Monday.';
const SECOND = 'Passengers were told to book seats on the morning train instead.';
const THIRD = 'The harbour master said repairs to the damaged pier would take a week.';
const matcherOf = (articles: Record<string, string>) =>
  new Matcher(
    buildCorpus(
      Object.entries(articles).map(([id, text]) => ({ id, bytes: new TextEncoder().encode(text), meta: META })),
    ),
  );
const joined = matcherOf({ a_1: ['Ferry trouble', `${FIRST} ${SECOND} ${THIRD}`].join('\n') });
const split = matcherOf({ a_1: ['Ferry trouble', FIRST, SECOND, THIRD].join('\n') });

const SPANNING = 'Ferry crossings to the island were cancelled and people had to book seats on a train.';

describe('a page sentence spanning two corpus sentences', () => {
  it('finds the two sentences joined, as one version covering both', () => {
    const vs = joined.versions(SPANNING);
    expect(vs.map((v) => v.text)).toEqual([`${FIRST} ${SECOND}`]);
    const article = joined.articles.get('a_1')!;
    expect(article.text.slice(vs[0]!.start, vs[0]!.end)).toBe(`${FIRST} ${SECOND}`);
    expect(vs[0]!.verdict).toBe('reworded');
  });

  it('does not join sentences across a paragraph break: only the closer one is found', () => {
    // Alone, the second sentence shares too little with the page sentence to match.
    expect(split.versions(SPANNING).map((v) => v.text)).toEqual([FIRST]);
  });

  it('keeps a better single sentence rather than a join holding it', () => {
    const vs = joined.versions('The ferry company cancelled all crossings to the island on Monday morning.');
    expect(vs.map((v) => v.text)).toEqual([FIRST]);
  });
});

describe('versions of one page sentence on the bundled corpus', () => {
  const corpus = new Matcher(loadCorpus());
  it('a clause reporting two sentences of other outlets finds each pair joined', () => {
    // 002's "who leaves his post on October 1 after 10 years at the head of NATO" is, in 000 and
    // 001, a sentence about October 1 followed by one about the ten years.
    const vs = corpus.versions('who leaves his post on October 1 after 10 years at the head of NATO.');
    for (const article of ['000_fb607a1be5cd114a', '001_a3d80e40c71e1304']) {
      const v = vs.find((x) => x.article === article);
      expect(v?.text, article).toMatch(/on October 1\. .*ten years/);
      expect(v?.verdict).toBe('reworded');
    }
  });

  it('never overlap in an article: a span and a link into one of its sentences give one version', () => {
    for (const s of corpus.sentences) {
      const vs = corpus.versions(s.text);
      for (const [k, v] of vs.entries()) {
        for (const w of vs.slice(k + 1)) {
          const overlap = v.article === w.article && v.start < w.end && w.start < v.end;
          expect(overlap, `${s.text}\n  ${v.text}\n  ${w.text}`).toBe(false);
        }
      }
    }
  });
});
