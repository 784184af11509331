/**
 * The matching engine in the background: the corpus index is fetched from the extension's own
 * files the first time a page or a quote is checked, never before.
 */
import { CorpusSearch } from '../../core/search';
import { Matcher } from '../../core/matcher';
import type { CorpusData } from '../../core/types';
import type { Languages } from './languages';

export interface Engine {
  data: CorpusData;
  matcher: Matcher;
  search: CorpusSearch;
  /** Pages in other languages (lib/background/languages.ts); absent: English only. */
  languages?: Languages;
}

let engine: Promise<Engine> | undefined;

/** The engine, loading the index on first use. `url` is the index's address in the extension. */
export function getEngine(url: string, load: typeof fetch = fetch, languages?: Languages): Promise<Engine> {
  engine ??= (async () => {
    const res = await load(url);
    if (!res.ok) throw new Error(`corpus index not found (${res.status})`);
    const data = (await res.json()) as CorpusData;
    return { data, matcher: new Matcher(data), search: new CorpusSearch(data), languages };
  })();
  engine.catch(() => (engine = undefined));
  return engine;
}
