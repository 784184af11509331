/**
 * The matching engine in the background: the corpus index is fetched from the extension's own
 * files the first time a page or a quote is checked, never before, together with the user's
 * library (lib/library/store.ts): the engine matches the bundled articles the user did not hide
 * and the user's own. Adding, deleting or hiding an article changes the engine in place, so the
 * next check of any tab sees it.
 */
import { linkArticles } from '../../core/links';
import { CorpusSearch } from '../../core/search';
import { Matcher } from '../../core/matcher';
import type { CorpusArticle, CorpusData, CorpusLink } from '../../core/types';
import type { Languages } from './languages';

/** The user's side of the engine: their articles and the bundled ones they hid. */
export interface LibraryState {
  articles: CorpusArticle[];
  hidden: string[];
  /** Links found for a set of articles before (see `linksKey`), to start without finding them again. */
  links?: CachedLinks;
}

/** Cross-article links of one set of articles, named by `linksKey`. */
export interface CachedLinks {
  key: string;
  links: CorpusLink[];
}

/**
 * What the links of a set of articles depend on: the articles (a user's id is its text's hash;
 * a bundled id names one text in one release) and the code that links them (`version`).
 */
export function linksKey(articles: CorpusArticle[], version: string): string {
  return [version, ...articles.map((a) => a.id).sort()].join('\n');
}

export interface Engine {
  data: CorpusData;
  matcher: Matcher;
  search: CorpusSearch;
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
  /** Called with the links after each rebuild, to keep them for the next start. */
  onLinked?: (cached: CachedLinks) => void;
}

/**
 * The data, matcher and search for a set of articles: the one place the engine follows a change
 * of its articles. For now a full rebuild (cross-article links found again, as the corpus build
 * does); an incremental `Matcher.addArticle/removeArticle` can replace it here alone.
 */
export function reindex(articles: CorpusArticle[], links?: CorpusLink[]): Pick<Engine, 'data' | 'matcher' | 'search'> {
  const sorted = [...articles].sort((x, y) => x.id.localeCompare(y.id));
  const data: CorpusData = { format: 1, articles: sorted, links: links ?? [] };
  if (!links) data.links = linkArticles(new Matcher(data));
  return { data, matcher: new Matcher(data), search: new CorpusSearch(data) };
}

/**
 * Rebuilds the engine for its library's articles (bundled minus hidden, plus the user's), with
 * the links of `cached` when they are of these articles, and hands new links to `onLinked`.
 */
export function relink(engine: Engine, cached?: CachedLinks): void {
  const lib = engine.library!;
  const articles = articlesOf(engine);
  const key = linksKey(articles, lib.version ?? '');
  const reuse = cached?.key === key ? cached.links : undefined;
  Object.assign(engine, reindex(articles, reuse));
  if (!reuse) lib.onLinked?.({ key, links: engine.data.links });
}

/** The engine of the bundled index and a library (no rebuild when the library changes nothing). */
export function createEngine(
  bundled: CorpusData,
  state: LibraryState,
  languages?: Languages,
  options: Pick<EngineLibrary, 'version' | 'onLinked'> = {},
): Engine {
  const library: EngineLibrary = {
    bundled,
    user: new Map(state.articles.map((a) => [a.id, a])),
    hidden: new Set(state.hidden),
    ...options,
  };
  const engine: Engine = {
    data: bundled,
    matcher: undefined as unknown as Matcher,
    search: undefined as unknown as CorpusSearch,
    languages,
    library,
  };
  if (library.user.size || library.hidden.size) relink(engine, state.links);
  else Object.assign(engine, { matcher: new Matcher(bundled), search: new CorpusSearch(bundled) });
  return engine;
}

/** The articles the engine should match: bundled minus hidden, plus the user's. */
function articlesOf(engine: Engine): CorpusArticle[] {
  const lib = engine.library!;
  return [...lib.bundled.articles.filter((a) => !lib.hidden.has(a.id)), ...lib.user.values()];
}

function libraryOf(engine: Engine): EngineLibrary {
  engine.library ??= { bundled: engine.data, user: new Map(), hidden: new Set() };
  return engine.library;
}

/** Adds (or replaces) one of the user's articles. */
export function addArticle(engine: Engine, article: CorpusArticle): void {
  libraryOf(engine).user.set(article.id, article);
  relink(engine);
}

/** Removes one of the user's articles (false when the engine did not have it). */
export function removeArticle(engine: Engine, id: string): boolean {
  if (!libraryOf(engine).user.delete(id)) return false;
  relink(engine);
  return true;
}

/** Sets which bundled articles are hidden. */
export function setHidden(engine: Engine, ids: string[]): void {
  const lib = libraryOf(engine);
  const next = new Set(ids);
  if (next.size === lib.hidden.size && [...next].every((id) => lib.hidden.has(id))) return;
  lib.hidden = next;
  relink(engine);
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
  options: Pick<EngineLibrary, 'version' | 'onLinked'> = {},
): Promise<Engine> {
  engine ??= (async () => {
    const res = await load(url);
    if (!res.ok) throw new Error(`corpus index not found (${res.status})`);
    const data = (await res.json()) as CorpusData;
    let state: LibraryState = { articles: [], hidden: [] };
    if (library) {
      try {
        state = await library();
      } catch (err) {
        console.error('The library could not be read:', err);
      }
    }
    return createEngine(data, state, languages, options);
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Whether the engine has been loaded (a change of the library need not load it). */
export const engineLoaded = (): boolean => engine !== undefined;
