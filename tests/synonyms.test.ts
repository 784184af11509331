// The English synonym table (lang/en-synonyms.json, built from WordNet and Aiksaurus by
// scripts/build-synonyms.ts) and how the alignment uses it (SimilarityOptions.synonyms).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignForScore, similarity, synonymPairs, type Weigher } from '../core/align';
import { tokenize } from '../core/normalize';
import { SynonymTable, type SynonymData } from '../core/synonyms';
import { aiksaurusPairs, readAiksaurus } from '../scripts/build-synonyms';

const data = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'lang', 'en-synonyms.json'), 'utf8'),
) as SynonymData;
const table = new SynonymTable(data);
const key = (word: string) => tokenize(word)[0]!.key;
const weigh: Weigher = (t) => (t.stop ? 0.05 : t.name ? 0.5 : 1);

describe('the synonym table', () => {
  it('names its source and holds common words', () => {
    expect(data.source).toMatch(/WordNet/);
    expect(data.source).toMatch(/Aiksaurus/);
    expect(data.license).toMatch(/GPL-2.0-or-later/);
    expect(table.size).toBeGreaterThan(1000);
  });

  it.each([
    ['keep', 'continue'],
    ['supply', 'provide'],
    ['withdraw', 'retreat'],
    // Rarer WordNet senses that Aiksaurus also groups together.
    ['endure', 'persist'],
    ['confer', 'consult'],
  ])('"%s" and "%s" are synonyms, both ways, by their comparison keys', (a, b) => {
    expect(table.has(key(a), key(b))).toBe(true);
    expect(table.has(key(b), key(a))).toBe(true);
    // Inflected forms have the same keys.
    expect(table.has(key(`${a}s`), key(b))).toBe(true);
  });

  it.each([
    // A broader word (hypernym) or a sibling is no synonym.
    ['sign', 'indication'],
    ['missile', 'weapon'],
    ['strike', 'attack'],
    // A sense WordNet's tagged texts use only past a word's first two: with all tagged senses,
    // "a snowballing media story ... the right side of" matched "we are on the right side of
    // history" on a real page.
    ['story', 'history'],
    // Aiksaurus alone: it groups "ambition" with "Venus"; WordNet has no sense in common.
    ['ambition', 'venus'],
    ['goal', 'ambition'],
  ])('"%s" and "%s" are not synonyms', (a, b) => {
    expect(table.has(key(a), key(b))).toBe(false);
  });

  it('holds no stop word, negation, title or country', () => {
    const keys = new Set([...Object.keys(data.synonyms), ...Object.values(data.synonyms).flat()]);
    for (const word of ['the', 'will', 'not', 'no', 'never', 'minister', 'president', 'russia', 'american']) {
      expect(keys.has(key(word)), word).toBe(false);
    }
    for (const k of keys) expect(k).not.toMatch(/^(country:|usa$)/);
  });

  it('refuses a table of another format', () => {
    expect(() => new SynonymTable({ ...data, format: 99 })).toThrow(/format/);
  });
});

describe('synonyms in the alignment', () => {
  const page = tokenize('The rebels keep shelling the northern bridge near the dam.');
  const corpus = tokenize('The rebels continue shelling the northern bridge near the dam.');

  it('pairs unaligned synonyms and adds their weight at the given share', () => {
    const al = alignForScore(page, corpus);
    expect(synonymPairs(page, corpus, al, table).map(([i, j]) => [page[i]!.key, corpus[j]!.key])).toEqual([
      [key('keep'), key('continue')],
    ]);
    const without = similarity(page, corpus, al, weigh).score;
    const half = similarity(page, corpus, al, weigh, { synonyms: { table, weight: 0.5 } }).score;
    const full = similarity(page, corpus, al, weigh, { synonyms: { table, weight: 1 } }).score;
    expect(half).toBeGreaterThan(without);
    expect(full).toBeGreaterThan(half);
  });

  it('synonyms count in the overlap, not in the containment of a short text in a long one', () => {
    // The short text holds words of the long one and a synonym ("keep" ~ "hold"): contained
    // by chance, it must not gain from the synonym.
    const long = tokenize(
      'Officials said the rebels keep shelling the towns near the river, day and night, with heavy guns far behind the lines.',
    );
    const short = tokenize('The rebels hold the towns near the river.');
    const al = alignForScore(long, short);
    expect(synonymPairs(long, short, al, table).map(([i, j]) => [long[i]!.key, short[j]!.key])).toEqual([
      [key('keep'), key('hold')],
    ]);
    const without = similarity(long, short, al, weigh);
    const with1 = similarity(long, short, al, weigh, { synonyms: { table, weight: 1 } });
    expect(with1.score).toBe(without.score);
    // ... while the overlap of the whole texts did count it.
    expect(with1.coverage[1]).toBeGreaterThan(without.coverage[1]);
  });

  it('synonyms alone are no evidence: texts sharing only synonyms stay far from a match', () => {
    const a = tokenize('Officials keep providing blankets.');
    const b = tokenize('Volunteers continue supplying food.');
    const al = alignForScore(a, b);
    expect(synonymPairs(a, b, al, table)).toHaveLength(2);
    expect(similarity(a, b, al, weigh, { synonyms: { table, weight: 1 } }).score).toBeLessThan(0.3);
  });
});

describe('reading Aiksaurus (a broader thesaurus measured against WordNet, not shipped)', () => {
  /** Aiksaurus' two data files for the given words and meanings (word numbers). */
  function files(words: Array<[string, number[]]>, meanings: number[][]): [Buffer, Buffer] {
    const w: number[] = [];
    for (const [name, ids] of words) {
      w.push(...Buffer.from(name.replaceAll(' ', ':'), 'latin1'), 0);
      for (const id of [...ids, 0xffff]) w.push(id >> 8, id & 0xff);
    }
    const m: number[] = [];
    for (const members of meanings)
      for (const id of [members[0]!, members[1]!, ...members, 0xffff]) m.push(id >> 8, id & 0xff);
    return [Buffer.from(w), Buffer.from(m)];
  }
  const [words, meanings] = files(
    [
      ['aim', [0, 1]],
      ['Polaris', [1]],
      ['ambition', [0, 1]],
      ['give up', [0]],
      ['goal', [0, 1]],
    ],
    [
      [0, 2, 3, 4],
      [0, 1, 2, 4],
    ],
  );

  it('reads the meanings as lists of words, phrases with spaces', () => {
    expect(readAiksaurus(words, meanings)).toEqual([
      ['aim', 'ambition', 'give up', 'goal'],
      ['aim', 'Polaris', 'ambition', 'goal'],
    ]);
  });

  it('pairs single lowercase words sharing enough meanings that the filter accepts', () => {
    const read = readAiksaurus(words, meanings);
    const all = () => true;
    expect(aiksaurusPairs(read, 2, all)).toEqual([
      ['aim', 'ambition'],
      ['aim', 'goal'],
      ['ambition', 'goal'],
    ]);
    // One shared meaning is enough at 1; names and phrases never pair.
    expect(aiksaurusPairs(read, 1, all)).toHaveLength(3);
    expect(aiksaurusPairs(read, 2, (a, b) => a !== 'aim' && b !== 'aim')).toEqual([['ambition', 'goal']]);
  });
});
