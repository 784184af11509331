// The library's background side: the engine over bundled (minus hidden) and the user's articles,
// the library page's rows, the library messages and the "Add this page" menu item, on WXT's fake
// browser and fake-indexeddb; the page's draft read from a document.
import 'fake-indexeddb/auto';
import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { LINK_STRONG } from '../core/links';
import { pageMetadata } from '../core/library/read-file';
import {
  addArticle,
  createEngine,
  linksKey,
  removeArticle,
  setHidden,
  type CachedLinks,
  type Engine,
} from '../lib/background/engine';
import { createHandlers, type Api } from '../lib/background/handlers';
import { libraryRows, sharedCounts, syncEngine, titleOf } from '../lib/background/library';
import { ADD_PAGE_ID, createMenu, createMenuListener } from '../lib/background/menu';
import { bundledHashes, recordOf } from '../lib/library/record';
import { checkFields, fieldsOf, saveDraft } from '../lib/library/save';
import { openLibrary, type Library } from '../lib/library/store';
import { readPageDraft } from '../lib/page/read';
import { isMessage, type PageDraft } from '../lib/protocol';
import { loadCorpus } from '../scripts/lib/load-corpus';

const bundled = loadCorpus();
const enc = (s: string) => new TextEncoder().encode(s);
const api = fakeBrowser as unknown as Api;
const NOW = () => '2026-01-01T00:00:00.000Z';

/** The user's own article: it repeats one bundled sentence and adds sentences of its own. */
const OWN_SENTENCE =
  'The lighthouse keepers of Skarvik island will return in April after thirty years of remote monitoring.';
function ownText(extra = ''): string {
  const a = bundled.articles[1]!;
  const s = a.sentences.find((x) => x.kind === 'body' && x.end - x.start > 80)!;
  return `${OWN_SENTENCE}\n${a.text.slice(s.start, s.end)}\nThe keepers will rotate every six weeks. ${extra}\n`;
}
const own = (extra = '') =>
  recordOf(
    { bytes: enc(ownText(extra)), meta: { outlet: 'Ledger', date: '2026-03', language: 'en' }, file: 'x' },
    NOW(),
  );

const outletsFor = (e: Engine, text: string) => e.matcher.versions(text).map((v) => v.outlet);

describe('engine over the library', () => {
  it('matches the user’s articles once added, not once removed; hidden bundled ones are not matched', async () => {
    const e = createEngine(bundled, { articles: [], hidden: [] });
    // No library: the shipped articles and links as they are.
    expect(e.data.articles.map((a) => a.id)).toEqual(bundled.articles.map((a) => a.id));
    expect(e.data.links).toHaveLength(bundled.links.length);
    expect(outletsFor(e, OWN_SENTENCE)).toEqual([]);
    const rec = await own();
    addArticle(e, rec.article);
    expect(outletsFor(e, OWN_SENTENCE)).toEqual(['Ledger']);
    // The shared sentence is linked to the bundled article's, as the corpus build would.
    expect(sharedCounts(e.data).get(rec.id)).toBeGreaterThanOrEqual(1);
    const target = bundled.articles[1]!;
    const s = target.sentences.find((x) => x.kind === 'body' && x.end - x.start > 80)!;
    const bundledSentence = target.text.slice(s.start, s.end);
    expect(outletsFor(e, bundledSentence)).toContain(target.meta.outlet);
    setHidden(e, [target.id]);
    expect(outletsFor(e, bundledSentence)).not.toContain(target.meta.outlet);
    expect(outletsFor(e, bundledSentence)).toContain('Ledger');
    setHidden(e, []);
    expect(removeArticle(e, rec.id)).toBe(true);
    expect(removeArticle(e, rec.id)).toBe(false);
    expect(outletsFor(e, OWN_SENTENCE)).toEqual([]);
    expect(e.data.articles.map((a) => a.id).sort()).toEqual(bundled.articles.map((a) => a.id).sort());
    // Shown again, the hidden article's statements find their versions again: for every strong
    // link of the corpus build, a page with one side's words gets the other side. (The links
    // themselves may differ: linked against the corpus of the moment, a sentence the user's
    // article repeats word for word is grouped with it and linked through it.)
    const strong = bundled.links.filter((l) => l.score >= LINK_STRONG && !l.chained);
    for (const l of strong) {
      const [a, b] = [e.matcher.sentenceOf(l.a)!, e.matcher.sentenceOf(l.b)!];
      const found = e.matcher.versions(a.text).map((v) => `${v.article}:${v.start}`);
      expect(found, a.text).toContain(`${b.article.id}:${b.sentence.start}`);
    }
  });

  it('hands over the segment of every article it holds, and of none it let go, after each change', async () => {
    const kept: CachedLinks[] = [];
    const e = createEngine(bundled, { articles: [], hidden: [] }, undefined, { onLinked: (c) => kept.push(c) });
    const a = await own('One.');
    const b = await own('Two.');
    addArticle(e, a.article);
    addArticle(e, b.article);
    expect(Object.keys(kept.at(-1)!.segments!).sort()).toEqual([a.id, b.id].sort());
    expect(kept.at(-1)!.segments![a.id]).toEqual(e.matcher.segmentOf(a.id));
    removeArticle(e, a.id);
    expect(Object.keys(kept.at(-1)!.segments!)).toEqual([b.id]);
    expect(kept.at(-1)!.segments![b.id]).toEqual(e.matcher.segmentOf(b.id));
  });

  it('keeps the links it found, and starts again from them when the articles and the version are the same', async () => {
    const rec = await own();
    const kept: CachedLinks[] = [];
    const first = createEngine(bundled, { articles: [rec.article], hidden: [] }, undefined, {
      version: '1.0',
      onLinked: (c) => kept.push(c),
    });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.key).toBe(linksKey(first.data.articles, '1.0'));
    // What is kept is what the user's article adds: its links and its index segment.
    expect(kept[0]!.links.length).toBeGreaterThan(0);
    const shipped = new Set(bundled.links.map((l) => JSON.stringify([l.a, l.b])));
    expect(kept[0]!.links.some((l) => shipped.has(JSON.stringify([l.a, l.b])))).toBe(false);
    expect(kept[0]!.links.some((l) => l.a.article === rec.id || l.b.article === rec.id)).toBe(true);
    expect(Object.keys(kept[0]!.segments ?? {})).toEqual([rec.id]);
    // The next start reuses them: nothing is linked again, the matches are the same.
    const again: CachedLinks[] = [];
    const second = createEngine(bundled, { articles: [rec.article], hidden: [], links: kept[0] }, undefined, {
      version: '1.0',
      onLinked: (c) => again.push(c),
    });
    expect(again).toEqual([]);
    const sorted = (e: Engine) => e.data.links.map((l) => JSON.stringify(l)).sort();
    expect(sorted(second)).toEqual(sorted(first));
    expect(outletsFor(second, OWN_SENTENCE)).toEqual(['Ledger']);
    // Another version (other linking code) or other articles: linked again.
    createEngine(bundled, { articles: [rec.article], hidden: [], links: kept[0] }, undefined, {
      version: '1.1',
      onLinked: (c) => again.push(c),
    });
    createEngine(bundled, { articles: [rec.article], hidden: ['001_x'], links: kept[0] }, undefined, {
      version: '1.0',
      onLinked: (c) => again.push(c),
    });
    expect(again).toHaveLength(1); // '001_x' is no bundled id: the same articles as before
    createEngine(bundled, { articles: [rec.article], hidden: [bundled.articles[0]!.id], links: kept[0] }, undefined, {
      version: '1.0',
      onLinked: (c) => again.push(c),
    });
    expect(again).toHaveLength(2);
  });

  it('follows the store in one rebuild, and says when nothing changed', async () => {
    const e = createEngine(bundled, { articles: [], hidden: [] });
    const a = await own('One.');
    const b = await own('Two.');
    expect(syncEngine(e, [a.article, b.article], ['001_x'])).toBe(true);
    expect(syncEngine(e, [b.article, a.article], ['001_x'])).toBe(false);
    expect(e.data.articles.filter((x) => x.id.startsWith('user-'))).toHaveLength(2);
  });

  it('lists every article with its outlet, title, date, language, translation and shared statements', async () => {
    const rec = await own();
    rec.page.title = 'Keepers return';
    const e = createEngine(bundled, { articles: [rec.article], hidden: [bundled.articles[0]!.id] });
    const rows = libraryRows(e, [rec]);
    expect(rows).toHaveLength(bundled.articles.length + 1);
    const mine = rows.find((r) => r.user)!;
    expect(mine).toMatchObject({
      id: rec.id,
      outlet: 'Ledger',
      title: 'Keepers return',
      date: '2026-03',
      user: true,
      hidden: false,
    });
    expect(mine.shared).toBeGreaterThanOrEqual(1);
    const hidden = rows.find((r) => r.id === bundled.articles[0]!.id)!;
    expect(hidden.hidden).toBe(true);
    // A hidden article's count is what it shares among the bundled ones.
    expect(hidden.shared).toBe(sharedCounts(bundled).get(hidden.id) ?? 0);
    expect(titleOf(bundled.articles[0]!)).not.toBe('');
  });
});

describe('library messages', () => {
  let lib: Library;
  let n = 0;
  beforeEach(async () => {
    fakeBrowser.reset();
    lib = await openLibrary(`bg-library-${++n}`);
  });

  it('validates the new messages', () => {
    expect(isMessage({ type: 'ui:library-changed' })).toBe(true);
    expect(isMessage({ type: 'ui:read-page', tabId: 3 })).toBe(true);
    expect(isMessage({ type: 'ui:read-page', tabId: -1 })).toBe(false);
    expect(isMessage({ type: 'ui:read-page' })).toBe(false);
    expect(isMessage({ type: 'content:read-page' })).toBe(true);
    expect(isMessage({ type: 'content:recheck' })).toBe(true);
  });

  it('after a change, the engine knows the stored articles and checked tabs are asked to check again', async () => {
    const e = createEngine(bundled, { articles: [], hidden: [] });
    const sent = vi.fn(async () => ({ ok: true }));
    fakeBrowser.tabs.sendMessage = sent as unknown as typeof fakeBrowser.tabs.sendMessage;
    await fakeBrowser.storage.session.set({ 'tab:4': { report: {} }, 'tab:9': { report: {} }, other: 1 });
    const handlers = createHandlers(
      api,
      async () => e,
      async () => lib,
      () => true,
    );
    const rec = await own();
    await lib.add(rec);
    expect(await handlers['ui:library-changed']({ type: 'ui:library-changed' }, {})).toEqual({
      ok: true,
      rechecked: 2,
    });
    expect(sent.mock.calls.map((c) => (c as unknown[])[0])).toEqual([4, 9]);
    expect(outletsFor(e, OWN_SENTENCE)).toEqual(['Ledger']);
    // Nothing changed: no tab is bothered.
    expect(await handlers['ui:library-changed']({ type: 'ui:library-changed' }, {})).toEqual({
      ok: true,
      rechecked: 0,
    });
    await lib.remove(rec.id);
    await handlers['ui:library-changed']({ type: 'ui:library-changed' }, {});
    expect(outletsFor(e, OWN_SENTENCE)).toEqual([]);
    const { rows } = await handlers['ui:library-list']({ type: 'ui:library-list' }, {});
    expect(rows.filter((r) => r.user)).toEqual([]);
    // A hidden bundled article still opens in the reader.
    const hiddenId = bundled.articles[0]!.id;
    await lib.setHidden(hiddenId, true);
    await handlers['ui:library-changed']({ type: 'ui:library-changed' }, {});
    expect(e.data.articles.map((a) => a.id)).not.toContain(hiddenId);
    const reply = await handlers['ui:get-article']({ type: 'ui:get-article', article: hiddenId }, {});
    expect('article' in reply && reply.article.id).toBe(hiddenId);
  });

  it('"Add this page to references" in the menu opens the library page with the page’s draft', async () => {
    const draft: PageDraft = { text: ownText(), url: 'https://ledger.example/a', outlet: 'Ledger' };
    fakeBrowser.tabs.sendMessage = vi.fn(async () => ({ draft })) as unknown as typeof fakeBrowser.tabs.sendMessage;
    const create = vi.fn(async (p: unknown) => p);
    fakeBrowser.tabs.create = create as unknown as typeof fakeBrowser.tabs.create;
    const removeAll = vi.fn(async () => undefined);
    const items: unknown[] = [];
    const withMenus = {
      ...fakeBrowser,
      contextMenus: { removeAll, create: (i: unknown) => items.push(i) },
    } as unknown as Api;
    await createMenu(withMenus);
    expect(items).toContainEqual({ id: ADD_PAGE_ID, title: 'Add this page to references', contexts: ['page'] });
    await createMenuListener(withMenus, async () => createEngine(bundled, { articles: [], hidden: [] }))(
      { menuItemId: ADD_PAGE_ID } as Browser.contextMenus.OnClickData,
      { id: 5, index: 1 } as Browser.tabs.Tab,
    );
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/\/library\.html\?draft=1$/), index: 2 }),
    );
    const handlers = createHandlers(
      api,
      async () => createEngine(bundled, { articles: [], hidden: [] }),
      async () => lib,
    );
    expect(await handlers['ui:take-draft']({ type: 'ui:take-draft' }, {})).toEqual({ draft });
    // Taken once.
    expect(await handlers['ui:take-draft']({ type: 'ui:take-draft' }, {})).toEqual({ draft: null });
  });
});

describe('the page’s draft', () => {
  const html = `<!doctype html><html lang="en-GB"><head><title>Fallback title</title>
    <meta property="og:title" content="Keepers return">
    <link rel="canonical" href="https://ledger.example/keepers">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"H","datePublished":"2026-03-14T08:00:00Z","author":[{"@type":"Person","name":"A. One"},{"@type":"Person","name":"B. Two"}],"publisher":{"name":"The Ledger"}}]}</script>
    </head><body><nav>Home News</nav><article><h1>Keepers return</h1>${ownText()
      .split('\n')
      .filter(Boolean)
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`;

  it('reads what the page declares: tags first, then JSON-LD (in a @graph too)', () => {
    const { document } = parseHTML(html);
    expect(pageMetadata(document as unknown as Document)).toEqual({
      outlet: 'The Ledger',
      date: '2026-03-14',
      language: 'en',
      url: 'https://ledger.example/keepers',
      title: 'Keepers return',
      author: 'A. One, B. Two',
    });
  });

  it('reads the article with the checks’ reader, and saves it as edited', async () => {
    const { document } = parseHTML(html);
    const draft = readPageDraft(document as unknown as Document)!;
    expect(draft.text).toContain(OWN_SENTENCE);
    expect(draft.text).not.toContain('Home News');
    expect(draft).toMatchObject({
      outlet: 'The Ledger',
      url: 'https://ledger.example/keepers',
      author: 'A. One, B. Two',
    });
    const fields = { ...fieldsOf(draft), outlet: 'Ledger (edited)', translated: true };
    expect(checkFields({ ...fields, date: '14 March' })).toBe('Give the date as YYYY, YYYY-MM or YYYY-MM-DD.');
    const lib = await openLibrary('draft-save');
    const changed = vi.fn(async () => undefined);
    const saved = await saveDraft(draft, fields, async () => lib, changed, NOW);
    expect(saved).toMatchObject({ state: 'saved' });
    expect(changed).toHaveBeenCalledTimes(1);
    const [rec] = await lib.all();
    expect(rec!.article.meta).toEqual({
      outlet: 'Ledger (edited)',
      date: '2026-03-14',
      language: 'en',
      translated: true,
      url: 'https://ledger.example/keepers',
      urlIsArticle: true,
    });
    expect(rec!.page).toEqual({ title: 'Keepers return', author: 'A. One, B. Two' });
    expect(await saveDraft(draft, fields, async () => lib, changed, NOW)).toMatchObject({ state: 'duplicate' });
    expect(await saveDraft({ ...draft, text: '' }, fields, async () => lib, changed, NOW)).toEqual({
      state: 'error',
      message: 'The article cannot be added: the article is empty.',
    });
    expect(changed).toHaveBeenCalledTimes(1);
    // A bundled article's text is not added again.
    const b = bundled.articles[0]!;
    const hashes = await bundledHashes(bundled);
    expect(
      await saveDraft(
        { ...draft, text: b.text },
        fields,
        async () => lib,
        changed,
        NOW,
        async () => hashes,
      ),
    ).toEqual({ state: 'duplicate', id: b.id, bundled: true });
    expect(await lib.all()).toHaveLength(1);
    lib.close();
  });
});
