/**
 * The matching engine in the background: the corpus index is fetched from the extension's own
 * files the first time a page or a quote is checked, never before, together with the user's
 * library (lib/library/store.ts): the engine matches the bundled articles the user did not hide
 * and the user's own. Adding, deleting or hiding an article changes the engine in place, so the
 * next check of any tab sees it.
 */
import type { ArticleSegment } from '../../core/index/segment';
import { CorpusSearch } from '../../core/search';
import { Matcher } from '../../core/matcher';
import type { CorpusArticle, CorpusData, CorpusLink, StoredCorpus } from '../../core/types';
import type { Languages } from './languages';

/** The user's side of the engine: their articles and the bundled ones they hid. */
export interface LibraryState {
  articles: CorpusArticle[];
  hidden: string[];
  /** What linking the user's articles found before (see `linksKey`), to start without linking again. */
  links?: CachedLinks;
}

/**
 * The cross-article links that touch the user's articles, and those articles' index segments
 * (typed arrays, stored as they are in IndexedDB), for one set of articles named by `linksKey`:
 * with them a start puts the user's articles back without tokenising or linking them.
 */
export interface CachedLinks {
  key: string;
  links: CorpusLink[];
  segments?: Record<string, ArticleSegment>;
}

/**
 * What the links of a set of articles depend on: the articles (a user's id is its text's hash;
 * a bundled id names one text in one release) and the code that links them (`version`).
 */
export function linksKey(articles: CorpusArticle[], version: string): string {
  return [version, ...articles.map((a) => a.id).sort()].join('\n');
}

export interface Engine {
  /** The articles matched now and their links (made again only after a change). */
  readonly data: CorpusData;
  matcher: Matcher;
  /** The corpus search box's index, made on its first use after a change. */
  readonly search: CorpusSearch;
  /** Pages in other languages (lib/background/languages.ts); absent: English only. */
  languages?: Languages;
  /** The bundled index as shipped and the user's library; absent: the bundled articles only. */
  library?: EngineLibrary;
}

export interface EngineLibrary {
  bundled: CorpusData;
  user: Map<string, CorpusArticle>;
  hidden: Set<string>;
  /** The extension's version, part of the links' cache key. */
  version?: string;
  /** Called with the user's links and segments after each change, to keep them for the next start. */
  onLinked?: (cached: CachedLinks) => void;
  /** The user's articles' segments handed to `onLinked` so far (an article's never changes). */
  segments?: Map<string, ArticleSegment>;
  /** The shipped index's links, by `refKey`. */
  shipped?: Set<string>;
}

/** An engine around a matcher: `data` and `search` follow the matcher's revision. */
function engineOf(matcher: Matcher, languages?: Languages, library?: EngineLibrary): Engine {
  let dataAt = -1;
  let data: CorpusData | undefined;
  let searchAt = -1;
  let search: CorpusSearch | undefined;
  return {
    matcher,
    languages,
    library,
    get data() {
      if (!data || dataAt !== this.matcher.revision) {
        dataAt = this.matcher.revision;
        data = { format: 2, articles: [...this.matcher.articles.values()], links: this.matcher.allLinks() };
      }
      return data;
    },
    get search() {
      if (!search || searchAt !== this.matcher.revision) {
        searchAt = this.matcher.revision;
        search = new CorpusSearch(this.data);
      }
      return search;
    },
  };
}

/** The articles the engine should match: bundled minus hidden, plus the user's. */
function articlesOf(lib: EngineLibrary): CorpusArticle[] {
  return [...lib.bundled.articles.filter((a) => !lib.hidden.has(a.id)), ...lib.user.values()];
}

const refKey = (l: CorpusLink) => `${l.a.article}\u0000${l.a.index}\u0000${l.b.article}\u0000${l.b.index}`;

/**
 * Hands what the user's articles added to `onLinked`: every link the shipped index does not have
 * (the user's links, and links between bundled sentences made through a user's sentence by the
 * transitive step) and the user's articles' segments.
 */
function keep(engine: Engine): void {
  const lib = engine.library!;
  if (!lib.onLinked) return;
  const shipped = (lib.shipped ??= new Set(lib.bundled.links.map(refKey)));
  // Only the articles added since the last time are read out of the index.
  const kept = (lib.segments ??= new Map());
  for (const id of kept.keys()) if (!lib.user.has(id)) kept.delete(id);
  for (const id of lib.user.keys()) {
    if (kept.has(id)) continue;
    const seg = engine.matcher.segmentOf(id);
    if (seg) kept.set(id, seg);
  }
  lib.onLinked({
    key: linksKey(articlesOf(lib), lib.version ?? ''),
    links: engine.matcher.allLinks().filter((l) => !shipped.has(refKey(l))),
    segments: Object.fromEntries(kept),
  });
}

/**
 * Brings the engine to a set of the user's articles and hidden bundled ids, changing only what
 * changed: removed and newly hidden articles are taken out of the index with their links, added
 * and shown again ones are indexed and linked against the rest (Matcher.importArticles), in one
 * pass however many there are. False when nothing changed.
 */
export function applyLibrary(
  engine: Engine,
  articles: CorpusArticle[],
  hidden: Iterable<string>,
  { link = true }: { link?: boolean } = {},
): boolean {
  const lib = libraryOf(engine);
  const bundledIds = new Set(lib.bundled.articles.map((a) => a.id));
  const nextHidden = new Set([...hidden].filter((id) => bundledIds.has(id)));
  const nextUser = new Map(articles.map((a) => [a.id, a]));
  const out = [
    ...[...lib.user.keys()].filter((id) => !nextUser.has(id)),
    ...[...nextHidden].filter((id) => !lib.hidden.has(id)),
  ];
  const into = [
    ...lib.bundled.articles.filter((a) => lib.hidden.has(a.id) && !nextHidden.has(a.id)),
    ...articles.filter((a) => !lib.user.has(a.id)),
  ];
  lib.user = nextUser;
  lib.hidden = nextHidden;
  if (!out.length && !into.length) return false;
  for (const id of out) engine.matcher.removeArticle(id);
  if (into.length) engine.matcher.indexUnlinked(into);
  linkIfFew(engine, link);
  return true;
}

/** Links what is pending now when there are few articles (or `always`); more wait for linkInSlices. */
function linkIfFew(engine: Engine, always = false): void {
  if (!always && engine.matcher.pending.length > LINK_AT_ONCE) return;
  engine.matcher.linkPending();
  keep(engine);
}

/** Up to this many new articles are linked before the change is answered (adding one page). */
export const LINK_AT_ONCE = 4;
/**
 * Articles linked in one go before the background lets other messages in (see linkInSlices):
 * one, because a page checked meanwhile waits for a slice at each of its messages. Linking one
 * generated article into a few hundred takes 0.1-0.2 s; a page checked during an import of 300
 * highlighted after 7.9 s with four at a time.
 */
export const LINK_SLICE = 1;

/** What linkInSlices waits on between two slices, and what it reports after each. */
export interface SliceOptions {
  /** Resolves when other work may run (the background: a macrotask, and a call that keeps it awake). */
  pause: () => Promise<void>;
  /** Called after each slice with the articles still to link. */
  onProgress?: (left: number) => void;
}

/**
 * A pause between two slices of long work in the background: a macrotask, so that other
 * messages are answered, and an extension API call, which keeps a service worker from being
 * stopped as idle meanwhile (Chrome counts API calls as activity).
 */
export async function pauseAwake(browser: { runtime: { getPlatformInfo(): Promise<unknown> } }): Promise<void> {
  await new Promise((ok) => setTimeout(ok, 0));
  try {
    await browser.runtime.getPlatformInfo();
  } catch {
    // Not there (a test's fake browser): the pause alone.
  }
}

/** The linking under way per engine (see linkInSlices). */
const linking = new WeakMap<Engine, Promise<number>>();

/**
 * Links the articles the engine indexed but has not linked yet (applyLibrary with `link: false`,
 * or a start without stored links), LINK_SLICE at a time, pausing between slices so that checks
 * of pages run in between: an import of a thousand articles into a large library links for
 * minutes, and the articles are matched directly from the moment they are indexed. Articles
 * indexed meanwhile are linked by the same run. The links are handed to `onLinked` once all are
 * linked. A call while a run is under way joins it. Resolves with the number of articles linked.
 */
export function linkInSlices(engine: Engine, options: SliceOptions): Promise<number> {
  let run = linking.get(engine);
  if (!run) {
    run = slices(engine, options).finally(() => linking.delete(engine));
    linking.set(engine, run);
  }
  return run;
}

async function slices(engine: Engine, { pause, onProgress }: SliceOptions): Promise<number> {
  let linked = 0;
  for (let ids = engine.matcher.pending; ids.length; ids = engine.matcher.pending) {
    const slice = ids.slice(0, LINK_SLICE);
    engine.matcher.linkPending(slice);
    linked += slice.length;
    onProgress?.(engine.matcher.pending.length);
    await pause();
  }
  if (linked) keep(engine);
  return linked;
}

/** The engine of the bundled index and a library (the user's articles put back or linked once). */
export function createEngine(
  bundled: StoredCorpus,
  state: LibraryState,
  languages?: Languages,
  options: Pick<EngineLibrary, 'version' | 'onLinked'> = {},
): Engine {
  const matcher = new Matcher(bundled);
  const shipped: CorpusData = {
    format: 2,
    articles: bundled.articles,
    links: bundled.format === 2 ? bundled.links : matcher.allLinks(),
  };
  const library: EngineLibrary = { bundled: shipped, user: new Map(), hidden: new Set(), ...options };
  const engine = engineOf(matcher, languages, library);
  const bundledIds = new Set(bundled.articles.map((a) => a.id));
  library.hidden = new Set(state.hidden.filter((id) => bundledIds.has(id)));
  for (const id of library.hidden) matcher.removeArticle(id);
  if (!state.articles.length) return engine;
  library.user = new Map(state.articles.map((a) => [a.id, a]));
  const cached = state.links;
  const segments = state.articles.map((a) => cached?.segments?.[a.id]);
  if (cached?.key === linksKey(articlesOf(library), library.version ?? '') && segments.every(Boolean)) {
    matcher.restoreArticles(state.articles, segments as ArticleSegment[], cached.links);
    library.segments = new Map(state.articles.map((a, i) => [a.id, segments[i]!]));
  } else {
    matcher.indexUnlinked(state.articles);
    // A large library is linked in slices after the start (getEngine), not before the first check.
    linkIfFew(engine);
  }
  return engine;
}

function libraryOf(engine: Engine): EngineLibrary {
  engine.library ??= { bundled: engine.data, user: new Map(), hidden: new Set() };
  return engine.library;
}

/** Adds (or replaces) one of the user's articles. */
export function addArticle(engine: Engine, article: CorpusArticle): void {
  const lib = libraryOf(engine);
  const rest = [...lib.user.values()].filter((a) => a.id !== article.id);
  if (lib.user.has(article.id)) applyLibrary(engine, rest, lib.hidden);
  applyLibrary(engine, [...rest, article], lib.hidden);
}

/** Removes one of the user's articles (false when the engine did not have it). */
export function removeArticle(engine: Engine, id: string): boolean {
  const lib = libraryOf(engine);
  if (!lib.user.has(id)) return false;
  return applyLibrary(
    engine,
    [...lib.user.values()].filter((a) => a.id !== id),
    lib.hidden,
  );
}

/** Sets which bundled articles are hidden. */
export function setHidden(engine: Engine, ids: string[]): void {
  const lib = libraryOf(engine);
  applyLibrary(engine, [...lib.user.values()], ids);
}

let engine: Promise<Engine> | undefined;

/**
 * The engine, loading the index (and the library, when `library` is given) on first use. `url`
 * is the index's address in the extension. A library that cannot be read leaves the bundled
 * articles working: its error is logged, not thrown at every check.
 */
export function getEngine(
  url: string,
  load: typeof fetch = fetch,
  languages?: Languages,
  library?: () => Promise<LibraryState>,
  options: Pick<EngineLibrary, 'version' | 'onLinked'> & { slices?: SliceOptions } = {},
): Promise<Engine> {
  engine ??= (async () => {
    const res = await load(url);
    if (!res.ok) throw new Error(`corpus index not found (${res.status})`);
    const data = (await res.json()) as StoredCorpus;
    let state: LibraryState = { articles: [], hidden: [] };
    if (library) {
      try {
        state = await library();
      } catch (err) {
        console.error('The library could not be read:', err);
      }
    }
    const { slices, ...rest } = options;
    const made = createEngine(data, state, languages, rest);
    // Articles a start could not restore with their links are matched now and linked after.
    if (made.matcher.pending.length)
      void linkInSlices(made, slices ?? { pause: () => new Promise((ok) => setTimeout(ok, 0)) }).catch((err: unknown) =>
        console.error('The library could not be linked:', err),
      );
    return made;
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Whether the engine has been loaded (a change of the library need not load it). */
export const engineLoaded = (): boolean => engine !== undefined;
