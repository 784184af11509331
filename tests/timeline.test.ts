/** The story of a quote (core/timeline.ts): date spans, order, earliest versions, translations, changes. */
import { describe, expect, it } from 'vitest';
import { Matcher } from '../core/matcher';
import { buildTimeline, corpusCluster, dateSpan, formatDate, knownBefore } from '../core/timeline';
import type { Version } from '../core/types';
import { loadCorpus } from '../scripts/lib/load-corpus';

let n = 0;
const version = (over: Partial<Version> = {}): Version => ({
  article: `a${n}`,
  outlet: `Outlet ${n}`,
  date: '2024-06-27',
  language: 'en',
  translated: false,
  kind: 'body',
  text: 'Stoltenberg said 23 of the 32 member states now meet the target.',
  start: n++ * 100,
  end: 0,
  score: 0.9,
  verdict: 'reworded',
  reasons: [],
  diff: [],
  ...over,
});

describe('dates', () => {
  it('reads a date as the days it allows', () => {
    expect(dateSpan('2024')).toEqual({ from: '2024-01-01', to: '2024-12-31', precision: 'year' });
    expect(dateSpan('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29', precision: 'month' });
    expect(dateSpan('2023-02')?.to).toBe('2023-02-28');
    expect(dateSpan('2024-06-27')).toEqual({ from: '2024-06-27', to: '2024-06-27', precision: 'day' });
    for (const bad of ['', 'June 2024', '2024-13', '2024-02-30', '24-06-01']) expect(dateSpan(bad)).toBeUndefined();
  });

  it('puts one date before another only when its whole span ends first', () => {
    expect(knownBefore(dateSpan('2024-05'), dateSpan('2024-06-01'))).toBe(true);
    expect(knownBefore(dateSpan('2024-06'), dateSpan('2024-06-27'))).toBe(false);
    expect(knownBefore(dateSpan('2024-06-27'), dateSpan('2024-06'))).toBe(false);
    expect(knownBefore(dateSpan('2024'), dateSpan('2024-06'))).toBe(false);
    expect(knownBefore(undefined, dateSpan('2024'))).toBe(false);
  });

  it('writes a date to the precision it is known', () => {
    expect(formatDate('2024')).toBe('2024');
    expect(formatDate('2024-06')).toBe('June 2024');
    expect(formatDate('2024-06-27')).toBe('27 June 2024');
    expect(formatDate('')).toBe('date not known');
  });
});

describe('buildTimeline', () => {
  it('orders by date and marks the one known earliest version', () => {
    const late = version({ date: '2024-06-21', outlet: 'Late' });
    const early = version({ date: '2022-04-05', outlet: 'Early' });
    const t = buildTimeline([late, early]);
    expect(t.entries.map((e) => e.outlet)).toEqual(['Early', 'Late']);
    expect(t.entries.map((e) => e.order)).toEqual(['first', 'after']);
    expect(t.earliest).toEqual([t.entries[0]!.id]);
    expect(t.earliestCertain).toBe(true);
  });

  it('does not invent an order between equal dates or a month and a day inside it', () => {
    const a = version({ date: '2024-06', outlet: 'A' });
    const b = version({ date: '2024-06', outlet: 'B' });
    const c = version({ date: '2024-06-27', outlet: 'C' });
    const later = version({ date: '2024-07-02', outlet: 'D' });
    const t = buildTimeline([c, a, later, b]);
    expect(t.entries.map((e) => e.outlet)).toEqual(['A', 'B', 'C', 'D']);
    expect(t.entries.map((e) => e.order)).toEqual(['first', 'same-date', 'order-unknown', 'after']);
    // None of A, B, C is known to come first; D is known to come after all of them.
    expect(t.entries.map((e) => e.earliest)).toEqual([true, true, true, false]);
    expect(t.earliestCertain).toBe(false);
  });

  it('keeps a translation after its original and never marks it earliest', () => {
    // The translation's date is known only to the month, so it could start earlier.
    const translation = version({ date: '2024-06', language: 'de', translated: true, outlet: 'Translated' });
    const original = version({ date: '2024-06-27', language: 'de', outlet: 'Original' });
    const other = version({ date: '2024-06-27', language: 'en', outlet: 'Other' });
    const t = buildTimeline([translation, other, original]);
    const names = t.entries.map((e) => e.outlet);
    expect(names.indexOf('Translated')).toBe(names.indexOf('Original') + 1);
    const tr = t.entries.find((e) => e.outlet === 'Translated')!;
    const orig = t.entries.find((e) => e.outlet === 'Original')!;
    expect(tr.translation).toEqual({ from: 'de', of: orig.id });
    expect(tr.earliest).toBe(false);
    expect(tr.change?.against).toBe(orig.id);
    expect(orig.earliest).toBe(true);
    expect(t.entries.find((e) => e.outlet === 'Other')!.earliest).toBe(true);
  });

  it('names the language of a translation whose original is not in the cluster', () => {
    const t = buildTimeline([version({ language: 'bg', translated: true }), version({ language: 'en' })]);
    expect(t.entries.find((e) => e.translation)?.translation).toEqual({ from: 'bg' });
    // Two untranslated candidates in the language: the original is not known.
    const two = buildTimeline([
      version({ language: 'de', translated: true, date: '2024-07' }),
      version({ language: 'de', date: '2024-06-01' }),
      version({ language: 'de', date: '2024-06-02' }),
    ]);
    expect(two.entries.find((e) => e.translation)?.translation).toEqual({ from: 'de' });
  });

  it('says what changed against the previous version: words, and a detail that differs', () => {
    const first = version({ date: '2024-06-01', text: 'Stoltenberg said 23 of the 32 member states meet the target.' });
    const same = version({ date: '2024-06-02', text: 'Stoltenberg said 23 of the 32 member states meet the target.' });
    const number = version({
      date: '2024-06-03',
      text: 'Stoltenberg said 24 of the 32 member states meet the target.',
    });
    const t = buildTimeline([number, same, first]);
    const [, b, c] = t.entries;
    expect(b!.change).toMatchObject({ against: t.entries[0]!.id, kind: 'same', details: [] });
    expect(c!.change?.kind).toBe('detail');
    expect(c!.change?.details).toEqual([{ kind: 'number', before: '23', after: '24' }]);
    expect(c!.change?.diff).toContainEqual({ op: 'delete', text: '23' });
    expect(c!.change?.diff).toContainEqual({ op: 'insert', text: '24' });
    expect(t.entries[0]!.change).toBeUndefined();
  });

  it('puts the page last, undated, compared with its closest version', () => {
    const best = version({ date: '2024-06-27', text: 'Stoltenberg said 23 of the 32 member states meet the target.' });
    const older = version({
      date: '2024-01',
      text: 'Stoltenberg said 23 of the 32 member states meet the target now.',
    });
    const t = buildTimeline([best, older], {
      page: { text: 'Stoltenberg said 24 of the 32 member states meet the target.' },
    });
    const page = t.entries.at(-1)!;
    expect(page).toMatchObject({ id: 'page', outlet: 'This page', order: 'undated', earliest: false });
    expect(page.change?.against).toBe(`${best.article}:${best.start}`);
    expect(page.change?.details).toEqual([{ kind: 'number', before: '23', after: '24' }]);
  });

  it('compares a page in another language by its details only', () => {
    const v = version({
      crossLanguage: true,
      pageLanguage: 'de',
      verdict: 'conflicting',
      reasons: [{ kind: 'number', page: '24', corpus: '23' }],
    });
    const t = buildTimeline([v], { page: { text: '24 der 32 Mitgliedstaaten erfüllen das Ziel.', language: 'de' } });
    expect(t.entries.at(-1)!.change).toEqual({
      against: `${v.article}:${v.start}`,
      kind: 'language',
      details: [{ kind: 'number', before: '23', after: '24' }],
      diff: [],
    });
  });

  it('places versions without a readable date after the dated ones, never earliest', () => {
    const t = buildTimeline([version({ date: 'unknown', outlet: 'X' }), version({ date: '2024', outlet: 'Y' })]);
    expect(t.entries.map((e) => [e.outlet, e.order, e.earliest])).toEqual([
      ['Y', 'first', true],
      ['X', 'undated', false],
    ]);
  });

  it('lists a version once even when given twice', () => {
    const v = version();
    expect(buildTimeline([v, { ...v }]).entries).toHaveLength(1);
  });
});

describe('the bundled corpus clusters', () => {
  const data = loadCorpus();
  const matcher = new Matcher(data);
  /**
   * First publication as known from the sources' own record of them (SOURCES.md of the corpus
   * seeds), written here by hand rather than read from corpus/metadata.ts: 000 and 001 are
   * only known to June 2024, 002 to 27 June 2024 (hours before the first Biden–Trump debate),
   * 003 to Friday 21 June 2024 (the page's date), 004 to Tuesday 5 April 2022 (the statement's
   * date; the page's "Wednesday, May 18" is a date widget).
   */
  const FIRST_PUBLISHED: Record<string, [string, string]> = {
    '000_fb607a1be5cd114a': ['2024-06-01', '2024-06-30'],
    '001_a3d80e40c71e1304': ['2024-06-01', '2024-06-30'],
    '002_7b03f4becdd2075e': ['2024-06-27', '2024-06-27'],
    '003_ade93db7d64a4f7e': ['2024-06-21', '2024-06-21'],
    '004_ffd2c1fc0b86dfc0': ['2022-04-05', '2022-04-05'],
  };
  /** Translated, and from which language, per the sources' record. */
  const TRANSLATED_FROM: Record<string, string | undefined> = {
    '000_fb607a1be5cd114a': 'de',
    '002_7b03f4becdd2075e': 'bg',
    '004_ffd2c1fc0b86dfc0': 'pt',
  };
  const linked = new Set(data.links.flatMap((l) => [l.a, l.b]).map((ref) => matcher.sentenceOf(ref)!));
  const clusters = [...linked]
    .sort((a, b) => a.id - b.id)
    .map((s) => {
      return {
        s,
        timeline: buildTimeline(corpusCluster(matcher, s.article.id, s.sentence.start)!, { weigh: matcher.weigh }),
      };
    });

  it('has clusters to show', () => {
    expect(clusters.length).toBeGreaterThan(20);
    for (const { s, timeline } of clusters) {
      // The sentence itself is one of its cluster's entries, and the cluster has another.
      expect(timeline.entries.some((e) => e.id === `${s.article.id}:${s.sentence.start}`)).toBe(true);
      expect(new Set(timeline.entries.map((e) => e.version!.article)).size).toBeGreaterThan(1);
    }
  });

  it('marks as earliest exactly the articles no other in the cluster is known to precede', () => {
    for (const { s, timeline } of clusters) {
      const articles = [...new Set(timeline.entries.map((e) => e.version!.article))];
      const expected = articles.filter((a) => !articles.some((b) => FIRST_PUBLISHED[b]![1] < FIRST_PUBLISHED[a]![0]));
      const marked = [...new Set(timeline.entries.filter((e) => e.earliest).map((e) => e.version!.article))];
      expect(marked.sort(), `cluster of sentence ${s.id}`).toEqual(expected.sort());
      expect(timeline.earliestCertain).toBe(expected.length === 1);
    }
  });

  it('gives the 2022 statement as the certain earliest version of its cluster', () => {
    const with004 = clusters.filter(({ timeline }) =>
      timeline.entries.some((e) => e.version!.article === '004_ffd2c1fc0b86dfc0'),
    );
    expect(with004.length).toBeGreaterThan(0);
    for (const { timeline } of with004) {
      expect(timeline.earliestCertain).toBe(true);
      expect(timeline.entries[0]!.version!.article).toBe('004_ffd2c1fc0b86dfc0');
      expect(timeline.entries.slice(1).every((e) => !e.earliest && e.order !== 'first')).toBe(true);
    }
  });

  it('leaves the order of the June 2024 interview versions open', () => {
    const interview = clusters.filter(({ timeline }) =>
      timeline.entries.some((e) => e.version!.article === '001_a3d80e40c71e1304'),
    );
    expect(interview.length).toBeGreaterThan(10);
    for (const { timeline } of interview) {
      expect(timeline.earliestCertain).toBe(false);
      expect(timeline.entries.some((e) => e.order === 'after')).toBe(false);
    }
  });

  it('marks the translations with the language they are translated from, their originals not in the corpus', () => {
    for (const { timeline } of clusters) {
      for (const e of timeline.entries) {
        const from = TRANSLATED_FROM[e.version!.article];
        expect(e.translation).toEqual(from ? { from } : undefined);
      }
    }
  });
});
