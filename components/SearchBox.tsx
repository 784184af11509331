import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { SearchHit } from '../core/search';
import { useTestId } from './testid';
import type { ContextHref } from './types';

/** Props of {@link SearchBox}. */
export interface SearchBoxProps {
  onSearch: (query: string) => Promise<SearchHit[]>;
  contextHref: ContextHref;
  label?: string;
  /** Milliseconds of quiet typing before a search runs. */
  delay?: number;
}

type State =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'hits'; hits: SearchHit[] } | { kind: 'error'; message: string };

/**
 * Free-text search of the corpus. Debounced, and only the answer to the latest query is
 * shown, so fast typing never shows stale results.
 */
export function SearchBox({ onSearch, contextHref, label = 'Search the corpus', delay = 150 }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const seq = useRef(0);
  // The latest callback, without restarting the search when the parent re-renders.
  const search = useRef(onSearch);
  search.current = onSearch;
  const input = useId();
  const tidInput = useTestId('search-input');
  const tidResult = useTestId('search-result');

  useEffect(() => {
    const n = ++seq.current;
    const q = query.trim();
    if (!q) {
      setState({ kind: 'idle' });
      return;
    }
    const timer = setTimeout(() => {
      setState({ kind: 'busy' });
      search.current(q).then(
        (hits) => n === seq.current && setState({ kind: 'hits', hits }),
        (e: unknown) =>
          n === seq.current && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [query, delay]);

  return (
    // A search landmark, so it is reachable as one and no content is outside a landmark.
    <section class="qc-search" role="search" aria-busy={state.kind === 'busy'}>
      <label class="qc-search-label" for={input}>
        {label}
      </label>
      <input
        id={input}
        class="qc-search-input"
        type="search"
        // Words, not pasted paragraphs: the corpus search caps queries at this length.
        maxLength={200}
        autoComplete="off"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        data-testid={tidInput}
      />
      <div class="qc-search-status" role="status">
        {state.kind === 'hits' &&
          (state.hits.length ? `${state.hits.length} found` : 'No sentence of the corpus matches.')}
        {state.kind === 'error' && `Search failed: ${state.message}`}
      </div>
      {state.kind === 'hits' && state.hits.length > 0 && (
        <ul class="qc-hits">
          {state.hits.map((h) => (
            <li key={`${h.article}:${h.start}`} class="qc-hit" data-testid={tidResult}>
              <p class="qc-meta">
                <span class="qc-outlet">{h.outlet}</span>
                {' · '}
                <time dateTime={h.date}>{h.date}</time>
              </p>
              <p class="qc-hit-text">{h.text}</p>
              <a class="qc-context-link" href={contextHref(h)} target="_blank" rel="noopener">
                View in context
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
