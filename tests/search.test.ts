// Free-text corpus search: finds sentences by a few words, tolerates typos, ignores empty and boilerplate queries.
import { describe, expect, it } from 'vitest';
import { CorpusSearch, MAX_QUERY_LENGTH } from '../core/search';
import { loadCorpus } from '../scripts/lib/load-corpus';

const data = loadCorpus();
const search = new CorpusSearch(data);

describe('CorpusSearch', () => {
  it('finds the Rutte sentence for "rutte october"', () => {
    const hits = search.search('rutte october', 5);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.text).toMatch(/Rutte.*October 1/);
    expect(hits.map((h) => h.article)).toEqual(
      expect.arrayContaining(['000_fb607a1be5cd114a', '001_a3d80e40c71e1304']),
    );
  });

  it('hits point at their sentence in the article', () => {
    const articles = new Map(data.articles.map((a) => [a.id, a]));
    for (const h of search.search('stoltenberg', 20)) {
      expect(articles.get(h.article)?.text.slice(h.start, h.end)).toBe(h.text);
      expect(h.score).toBeGreaterThanOrEqual(0);
      expect(h.score).toBeLessThanOrEqual(1);
    }
  });

  it.each(['brekthrough', 'brekthroughs', 'Breaktrough'])('tolerates the typo %j', (query) => {
    const hits = search.search(query, 5);
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) expect(h.text.toLowerCase()).toContain('breakthrough');
  });

  it('ranks better matches first and respects the limit', () => {
    const hits = search.search('stoltenberg', 3);
    expect(hits).toHaveLength(3);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => a - b));
  });

  it.each(['', '   ', "'", 'subscribe newsletter', 'subscribe', 'advertisement', 'zzzqqq'])(
    'returns nothing for %j',
    (query) => {
      expect(search.search(query)).toEqual([]);
    },
  );

  it('treats fuse.js operator characters as plain text', () => {
    expect(search.search('!rutte').map((h) => h.text)).toEqual(search.search('rutte').map((h) => h.text));
  });

  it('does not throw on an overlong query', () => {
    expect(() => search.search('rutte '.repeat(MAX_QUERY_LENGTH))).not.toThrow();
  });
});
