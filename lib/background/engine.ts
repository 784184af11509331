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
import type { CorpusArticle, CorpusData } from '../../core/types';
import type { Languages } from './languages';

/** The user's side of the engine: their articles and the bundled ones they hid. */
export interface LibraryState {
  articles: CorpusArticle[];
  hidden: string[];
}

export interface Engine {
  data: CorpusData;
  matcher: Matcher;
  search: CorpusSearch;
  /** Pages in other languages (lib/background/languages.ts); absent: English only. */
  languages?: Languages;
  /** The bundled index as shipped and the user's library; absent: the bundled articles only. */
  library?: { bundled: CorpusData; user: Map<string, CorpusArticle>; hidden: Set<string> };
}

/**
 * The data, matcher and search for a set of articles: the one place the engine follows a change
 * of its articles. For now a full rebuild (cross-article links found again, as the corpus build
 * does); an incremental `Matcher.addArticle/removeArticle` can replace it here alone.
 */
export function reindex(articles: CorpusArticle[]): Pick<Engine, 'data' | 'matcher' | 'search'> {
  const sorted = [...articles].sort((x, y) => x.id.localeCompare(y.id));
  const data: CorpusData = { format: 1, articles: sorted, links: [] };
  data.links = linkArticles(new Matcher(data));
  return { data, matcher: new Matcher(data), search: new CorpusSearch(data) };
}

/** The engine of the bundled index and a library (no rebuild when the library changes nothing). */
export function createEngine(bundled: CorpusData, state: LibraryState, languages?: Languages): Engine {
  const library = { bundled, user: new Map(state.articles.map((a) => [a.id, a])), hidden: new Set(state.hidden) };
  const engine: Engine = {
    data: bundled,
    matcher: undefined as unknown as Matcher,
    search: undefined as unknown as CorpusSearch,
    languages,
    library,
  };
  if (library.user.size || library.hidden.size) Object.assign(engine, reindex(articlesOf(engine)));
  else Object.assign(engine, { matcher: new Matcher(bundled), search: new CorpusSearch(bundled) });
  return engine;
}

/** The articles the engine should match: bundled minus hidden, plus the user's. */
function articlesOf(engine: Engine): CorpusArticle[] {
  const lib = engine.library!;
  return [...lib.bundled.articles.filter((a) => !lib.hidden.has(a.id)), ...lib.user.values()];
}

function libraryOf(engine: Engine): NonNullable<Engine['library']> {
  engine.library ??= { bundled: engine.data, user: new Map(), hidden: new Set() };
  return engine.library;
}

/** Adds (or replaces) one of the user's articles. */
export function addArticle(engine: Engine, article: CorpusArticle): void {
  libraryOf(engine).user.set(article.id, article);
  Object.assign(engine, reindex(articlesOf(engine)));
}

/** Removes one of the user's articles (false when the engine did not have it). */
export function removeArticle(engine: Engine, id: string): boolean {
  if (!libraryOf(engine).user.delete(id)) return false;
  Object.assign(engine, reindex(articlesOf(engine)));
  return true;
}

/** Sets which bundled articles are hidden. */
export function setHidden(engine: Engine, ids: string[]): void {
  const lib = libraryOf(engine);
  const next = new Set(ids);
  if (next.size === lib.hidden.size && [...next].every((id) => lib.hidden.has(id))) return;
  lib.hidden = next;
  Object.assign(engine, reindex(articlesOf(engine)));
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
    return createEngine(data, state, languages);
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}

/** Whether the engine has been loaded (a change of the library need not load it). */
export const engineLoaded = (): boolean => engine !== undefined;
