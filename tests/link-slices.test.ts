// An import of many articles: matched as soon as they are indexed, linked a few at a time after,
// with pauses between slices in which the background answers other messages (a page's check,
// the library page asking how many are left); the links handed over once all are linked.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createEngine,
  getEngine,
  LINK_AT_ONCE,
  LINK_SLICE,
  linkInSlices,
  pauseAwake,
  applyLibrary,
  type CachedLinks,
} from '../lib/background/engine';
import { createHandlers, type Api } from '../lib/background/handlers';
import { recordOf } from '../lib/library/record';
import { openLibrary, type LibraryRecord } from '../lib/library/store';
import type { CorpusArticle } from '../core/types';
import { loadCorpus } from '../scripts/lib/load-corpus';

const bundled = loadCorpus();
const api = fakeBrowser as unknown as Api;
const enc = (s: string) => new TextEncoder().encode(s);

/** Article `i`: a sentence of its own, and one of a bundled article repeated word for word. */
const QUOTED = (() => {
  const a = bundled.articles[1]!;
  const s = a.sentences.find((x) => x.kind === 'body' && x.end - x.start > 80)!;
  return a.text.slice(s.start, s.end);
})();
const ownSentence = (i: number) =>
  `The harbour of Vik number ${i} will reopen its northern quay to ferries after ${i + 2} years of repairs.`;
async function record(i: number): Promise<LibraryRecord> {
  const text = `${ownSentence(i)}\n${QUOTED}\nThe mayor thanked the divers of crew ${i} for their patience.\n`;
  return recordOf(
    { bytes: enc(text), meta: { outlet: `Outlet ${i}`, date: '2026-03', language: 'en' }, file: 'x' },
    '2026-01-01T00:00:00.000Z',
  );
}
const outlets = (articles: CorpusArticle[]) => articles.map((a) => a.meta.outlet);
/** The verdict of the version from `outlet` (the own sentences of the articles are alike: one per outlet). */
const verdictFrom = (versions: Array<{ outlet: string; verdict: string }>, outlet: string) =>
  versions.find((v) => v.outlet === outlet)?.verdict;

describe('linking in slices', () => {
  it('matches the articles once indexed, links them a slice at a time, and hands the links over at the end', async () => {
    const kept: CachedLinks[] = [];
    const e = createEngine(bundled, { articles: [], hidden: [] }, undefined, { onLinked: (c) => kept.push(c) });
    const records = await Promise.all(Array.from({ length: 3 * LINK_AT_ONCE + 1 }, (_, i) => record(i)));
    const articles = records.map((r) => r.article);
    expect(applyLibrary(e, articles, [], { link: false })).toBe(true);
    expect(e.matcher.pending).toHaveLength(articles.length);
    expect(kept).toEqual([]);
    const before = e.data.links.length;
    // Matched at once, directly.
    expect(verdictFrom(e.matcher.versions(ownSentence(5)), 'Outlet 5')).toBe('identical');
    const left: number[] = [];
    let pauses = 0;
    const linked = await linkInSlices(e, { pause: async () => void pauses++, onProgress: (n) => left.push(n) });
    expect(linked).toBe(articles.length);
    expect(left).toEqual(
      Array.from({ length: articles.length }, (_, k) => articles.length - (k + 1) * LINK_SLICE).filter((n) => n >= 0),
    );
    expect(left.at(-1)).toBe(0);
    expect(left).toHaveLength(Math.ceil(articles.length / LINK_SLICE));
    expect(pauses).toBe(left.length);
    expect(e.matcher.pending).toEqual([]);
    // The engine's data (library rows, stories) follows the links made after indexing.
    expect(e.data.links.length).toBeGreaterThan(before);
    // Linked: the bundled sentence each repeats leads to every one of them, and the links are kept once.
    const found = e.matcher.versions(QUOTED).map((v) => v.outlet);
    for (const o of outlets(articles)) expect(found).toContain(o);
    expect(kept).toHaveLength(1);
    expect(Object.keys(kept[0]!.segments!).sort()).toEqual(articles.map((a) => a.id).sort());
    // Nothing left: no work, nothing handed over again.
    expect(await linkInSlices(e, { pause: async () => undefined })).toBe(0);
    expect(kept).toHaveLength(1);
  });

  it('a second call while linking joins the run: each article linked once, the links handed over once', async () => {
    const kept: CachedLinks[] = [];
    const e = createEngine(bundled, { articles: [], hidden: [] }, undefined, { onLinked: (c) => kept.push(c) });
    const records = await Promise.all(Array.from({ length: 2 * LINK_AT_ONCE }, (_, i) => record(i)));
    applyLibrary(
      e,
      records.map((r) => r.article),
      [],
      { link: false },
    );
    const pause = () => new Promise<void>((ok) => setTimeout(ok, 0));
    const first = linkInSlices(e, { pause });
    const second = linkInSlices(e, { pause });
    expect(second).toBe(first);
    expect(await first).toBe(records.length);
    expect(kept).toHaveLength(1);
  });

  it('pauses with a call to the browser between slices, which keeps a service worker awake', async () => {
    const getPlatformInfo = vi.fn(async () => ({}));
    await pauseAwake({ runtime: { getPlatformInfo } });
    expect(getPlatformInfo).toHaveBeenCalledOnce();
    // A browser without it: the pause alone.
    await pauseAwake({ runtime: { getPlatformInfo: () => Promise.reject(new Error('not here')) } });
  });

  it('a few articles are linked at once, as before', async () => {
    const e = createEngine(bundled, { articles: [], hidden: [] });
    const few = await Promise.all(Array.from({ length: LINK_AT_ONCE }, (_, i) => record(i)));
    applyLibrary(
      e,
      few.map((r) => r.article),
      [],
      { link: false },
    );
    expect(e.matcher.pending).toEqual([]);
  });

  it('a start without stored links matches the library at once and links it after', async () => {
    const records = await Promise.all(Array.from({ length: 2 * LINK_AT_ONCE }, (_, i) => record(i)));
    const state = { articles: records.map((r) => r.article), hidden: [] };
    expect(createEngine(bundled, state).matcher.pending).toHaveLength(records.length);
    const kept: CachedLinks[] = [];
    const load = (async () => new Response(JSON.stringify(bundled))) as unknown as typeof fetch;
    const e = await getEngine('corpus.json', load, undefined, async () => state, {
      onLinked: (c) => kept.push(c),
      slices: { pause: () => new Promise((ok) => setTimeout(ok, 0)) },
    });
    expect(verdictFrom(e.matcher.versions(ownSentence(1)), 'Outlet 1')).toBe('identical');
    await vi.waitFor(() => expect(kept).toHaveLength(1));
    expect(e.matcher.pending).toEqual([]);
  });
});

describe('the library page waiting for an import', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is answered how many articles are left to link while the background links them', async () => {
    const lib = await openLibrary('link-slices');
    const e = createEngine(bundled, { articles: [], hidden: [] });
    const handlers = createHandlers(
      api,
      async () => e,
      async () => lib,
      () => true,
    );
    for (const r of await Promise.all(Array.from({ length: 3 * LINK_AT_ONCE }, (_, i) => record(i)))) await lib.add(r);
    const seen: number[] = [];
    let done = false;
    const changed = handlers['ui:library-changed']({ type: 'ui:library-changed' }, {}).finally(() => (done = true));
    // Between slices the background answers: the articles are matched, and fewer are left each time.
    let matched: string | undefined;
    while (!done) {
      await new Promise((ok) => setTimeout(ok, 0));
      const { linking } = await handlers['ui:library-status']({ type: 'ui:library-status' }, {});
      if (linking > 0 && !seen.length) matched = verdictFrom(e.matcher.versions(ownSentence(2)), 'Outlet 2');
      if (linking > 0) seen.push(linking);
    }
    expect(seen.length).toBeGreaterThan(1);
    expect([...seen].sort((x, y) => y - x)).toEqual(seen);
    expect(matched).toBe('identical');
    expect(await changed).toEqual({ ok: true, rechecked: 0 });
    expect((await handlers['ui:library-status']({ type: 'ui:library-status' }, {})).linking).toBe(0);
    expect(e.matcher.versions(QUOTED).length).toBeGreaterThan(3 * LINK_AT_ONCE);
  });
});
