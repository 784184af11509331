// The background's tab reports: a page that is itself a corpus article lists the other
// outlets' versions, not its own sentences matching themselves.
import { describe, expect, it } from 'vitest';
import { Matcher } from '../core/matcher';
import { findSelfArticle } from '../lib/background/self-article';
import { loadTab, startTab, tabReport, updateTab, type StoredTab } from '../lib/background/reports';
import { worstVerdict, type MatchedSentence } from '../lib/protocol';
import { loadCorpus } from '../scripts/lib/load-corpus';

const data = loadCorpus();
const matcher = new Matcher(data);
const SOUTH_SHORE = '001_a3d80e40c71e1304';

/** The page's matches, as the background keeps them, for the sentences of one corpus article. */
function matchesOfArticle(id: string): MatchedSentence[] {
  const article = data.articles.find((a) => a.id === id)!;
  return article.sentences.flatMap((s, i) => {
    const text = article.text.slice(s.start, s.end);
    const versions = matcher.versions(text);
    return versions.length ? [{ id: i, text, versions, worst: worstVerdict(versions) }] : [];
  });
}

describe('tab reports', () => {
  const raw = matchesOfArticle(SOUTH_SHORE);
  const checked = data.articles.find((a) => a.id === SOUTH_SHORE)!.sentences.length;

  it('recognises a corpus article by its address and by its sentences', () => {
    const byUrl = findSelfArticle(
      data,
      'https://southshorejournal.org/stoltenberg-nato-does-not-expect-major-russian-breakthroughs',
      [],
      0,
    );
    expect(byUrl?.article).toBe(SOUTH_SHORE);
    expect(findSelfArticle(data, 'http://127.0.0.1/copy.html', raw, checked)?.article).toBe(SOUTH_SHORE);
    expect(findSelfArticle(data, 'http://127.0.0.1/other.html', raw.slice(0, 2), checked)).toBeUndefined();
  });

  it('sets the page’s own article apart and keeps the other outlets’ versions', () => {
    const stored = startTab(undefined, 'http://127.0.0.1/copy.html', 'Copy');
    stored.raw = raw;
    stored.report.self = { article: SOUTH_SHORE, outlet: 'South Shore Journal' };
    const report = tabReport(stored);
    expect(report.matches.length).toBeGreaterThan(5);
    expect(report.matches.length).toBeLessThan(raw.length);
    for (const m of report.matches) {
      expect(m.versions.length).toBeGreaterThan(0);
      expect(m.versions.every((v) => v.article !== SOUTH_SHORE)).toBe(true);
      expect(m.worst).toBe(worstVerdict(m.versions));
    }
  });

  it('keeps the highlight switch and the last selection when a page starts over', () => {
    const previous = startTab(undefined, 'a', 'a');
    previous.report.highlights = false;
    previous.selection = { text: 'x', result: { sentences: [] } };
    previous.raw = raw;
    const next = startTab(previous, 'b', 'b');
    expect(next.report.highlights).toBe(false);
    expect(next.selection).toEqual(previous.selection);
    expect(next.raw).toEqual([]);
    expect(tabReport(next).matches).toEqual([]);
  });
});

describe('tab report updates', () => {
  /** A storage area whose reads give copies and whose writes take a moment, as a browser's. */
  function slowArea() {
    const items = new Map<string, unknown>();
    const later = () => new Promise((resolve) => setTimeout(resolve, 1));
    return {
      get: async (key: string) => (await later(), items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
      set: async (values: Record<string, unknown>) => {
        await later();
        for (const [k, v] of Object.entries(values)) items.set(k, structuredClone(v));
      },
      remove: async (key: string) => void items.delete(key),
    } as unknown as Parameters<typeof updateTab>[2];
  }

  it('applies every one of many interleaved updates of a tab', async () => {
    const area = slowArea();
    await updateTab(1, () => startTab(undefined, 'u', 't'), area);
    const bump = (previous: StoredTab | undefined) => {
      previous!.report.checked++;
      return previous;
    };
    await Promise.all(Array.from({ length: 20 }, () => updateTab(1, bump, area)));
    expect((await loadTab(1, area))?.report.checked).toBe(20);
  });

  it('goes on after an update that fails, and runs other tabs’ updates alongside', async () => {
    const area = slowArea();
    const failed = updateTab(
      2,
      () => {
        throw new Error('boom');
      },
      area,
    );
    const next = updateTab(2, () => startTab(undefined, 'u', 't'), area);
    const other = updateTab(3, () => startTab(undefined, 'v', 't'), area);
    await expect(failed).rejects.toThrow('boom');
    expect((await next)?.report.url).toBe('u');
    expect((await other)?.report.url).toBe('v');
  });
});
