/**
 * The background's side of the user's library: the engine follows the store after a change, the
 * library page's rows, the tabs to check again, and the draft that the context menu's "Add this
 * page to references" leaves for the library page.
 */
import type { browser as BrowserApi } from 'wxt/browser';
import type { CorpusArticle, CorpusData } from '../../core/types';
import type { LibraryRow, PageDraft } from '../protocol';
import type { Library, LibraryRecord } from '../library/store';
import { applyLibrary, type Engine } from './engine';

type Area = Pick<typeof BrowserApi.storage.session, 'get' | 'set' | 'remove'>;

/**
 * Brings the engine to the library's state: the user's articles and the hidden bundled ids, with
 * one rebuild for any number of changes (an import of a thousand files is one). False when
 * nothing changed.
 */
export function syncEngine(
  engine: Engine,
  articles: CorpusArticle[],
  hidden: string[],
  options?: { link?: boolean },
): boolean {
  return applyLibrary(engine, articles, hidden, options);
}

/** Per article id, how many of its sentences have a link to another article's. */
export function sharedCounts(data: CorpusData): Map<string, number> {
  const linked = new Set<string>();
  for (const { a, b } of data.links) {
    if (a.article === b.article) continue;
    linked.add(`${a.article}\u0000${a.index}`).add(`${b.article}\u0000${b.index}`);
  }
  const counts = new Map<string, number>();
  for (const s of linked) {
    const id = s.slice(0, s.indexOf('\u0000'));
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** An article's title: the one its page declared, else its first headline, else its first sentence. */
export function titleOf(article: CorpusArticle, declared?: string): string {
  if (declared) return declared;
  const s = article.sentences.find((x) => x.kind === 'headline') ?? article.sentences[0];
  const text = s ? article.text.slice(s.start, s.end).trim() : article.id;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

/** The library page's rows: every bundled article (hidden ones too) and every one of the user's. */
export function libraryRows(engine: Engine, records: LibraryRecord[]): LibraryRow[] {
  const lib = engine.library;
  const bundled = lib?.bundled ?? engine.data;
  const hidden = lib?.hidden ?? new Set<string>();
  const now = sharedCounts(engine.data);
  // A hidden article is not matched now: its count is what it shares among the bundled ones.
  const asShipped = hidden.size ? sharedCounts(bundled) : now;
  const row = (a: CorpusArticle, user: boolean, r?: LibraryRecord): LibraryRow => {
    const out: LibraryRow = {
      id: a.id,
      outlet: a.meta.outlet,
      title: titleOf(a, r?.page.title),
      date: a.meta.date,
      language: a.meta.language,
      translated: a.meta.translated,
      shared: (hidden.has(a.id) ? asShipped : now).get(a.id) ?? 0,
      user,
      hidden: hidden.has(a.id),
    };
    if (a.meta.url) out.url = a.meta.url;
    if (r?.page.author) out.author = r.page.author;
    if (r) out.added = r.added;
    return out;
  };
  return [...bundled.articles.map((a) => row(a, false)), ...records.map((r) => row(r.article, true, r))];
}

/** The tabs the background holds a report for (pages the content script checked). */
export async function checkedTabs(area: Pick<Area, 'get'>): Promise<number[]> {
  const all = (await area.get(null)) as Record<string, unknown>;
  return Object.keys(all)
    .filter((k) => /^tab:\d+$/.test(k))
    .map((k) => Number(k.slice(4)));
}

const DRAFT_KEY = 'library:draft';

/** Keeps the draft read by the context menu until the library page takes it. */
export async function putDraft(area: Area, draft: PageDraft): Promise<void> {
  await area.set({ [DRAFT_KEY]: draft });
}

/** The draft left by the context menu, taken once. */
export async function takeDraft(area: Area): Promise<PageDraft | null> {
  const got = (await area.get(DRAFT_KEY))[DRAFT_KEY] as PageDraft | undefined;
  if (got) await area.remove(DRAFT_KEY);
  return got ?? null;
}

/** The library, opened once per background (undefined until first asked). */
export function libraryOpener(open: () => Promise<Library>): () => Promise<Library> {
  let lib: Promise<Library> | undefined;
  return () => {
    lib ??= open();
    lib.catch(() => (lib = undefined));
    return lib;
  };
}
