import { useEffect, useState } from 'preact/hooks';
import type { ReaderArticle } from '../../lib/protocol';
import { formatDate } from '../../core/partial-date';
import { readerUrl, request } from '../../lib/connector';
import { ArticleText } from './ArticleText';
import { ReaderStory, type Cluster } from './ReaderStory';
import { isWebUrl, originalHref } from './fragment';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'ok' } & ReaderArticle);

/** A non-negative integer query parameter, or undefined. */
function intParam(params: URLSearchParams, name: string): number | undefined {
  const v = params.get(name);
  return v !== null && /^\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * The reader view: one corpus article with the sentence a "View in context" link points at
 * marked and scrolled into view, and a link to the original on the outlet's site.
 */
export function Reader() {
  const params = new URLSearchParams(location.search);
  const id = params.get('article') ?? '';
  const start = intParam(params, 'start');
  const end = intParam(params, 'end');
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [cluster, setCluster] = useState<Cluster>({ kind: 'none' });

  useEffect(() => {
    if (!id) return setState({ kind: 'error', message: 'No article was asked for.' });
    request({ type: 'ui:get-article', article: id }).then(
      (r) => setState('article' in r ? { kind: 'ok', article: r.article } : { kind: 'error', message: r.error }),
      (e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [id]);

  useEffect(() => {
    // The story of the sentence the reader opens on: its versions in the other outlets.
    if (!id || start === undefined) return;
    setCluster({ kind: 'loading' });
    request({ type: 'ui:get-cluster', article: id, start }).then(
      (r) => setCluster({ kind: 'ok', timeline: r.timeline }),
      (e: unknown) => setCluster({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [id, start]);

  useEffect(() => {
    if (state.kind !== 'ok') return;
    document.title = `${state.article.meta.outlet} – Quote Check`;
    document.getElementById('target')?.scrollIntoView({ block: 'center' });
  }, [state]);

  if (state.kind !== 'ok')
    return (
      <div class="qc-app qc-reader" data-testid="reader-status" data-state={state.kind}>
        {state.kind === 'loading' ? (
          <p aria-busy="true">Loading the article…</p>
        ) : (
          <>
            <h1>This article could not be shown</h1>
            <p>{state.message}</p>
          </>
        )}
      </div>
    );

  const { meta, text } = state.article;
  const target =
    start !== undefined && end !== undefined && start < end && end <= text.length ? { start, end } : undefined;
  const sentence = target ? text.slice(target.start, target.end) : '';
  return (
    <div class="qc-app qc-reader">
      <header class="qc-reader-head">
        <h1>{meta.outlet}</h1>
        <p class="qc-meta">
          <time dateTime={meta.date}>{formatDate(meta.date)}</time>
          {' · '}
          {meta.translated ? `translated from ${meta.language}` : `language: ${meta.language}`}
        </p>
        {meta.note && <p class="qc-note">{meta.note}</p>}
        {isWebUrl(meta.url) && (
          <p>
            <a
              href={meta.urlIsArticle && sentence ? originalHref(meta.url, sentence) : meta.url}
              target="_blank"
              rel="noopener"
              data-testid="reader-original-link"
            >
              {meta.urlIsArticle
                ? 'Open the original'
                : "Open the outlet's site (the article's own address is not known)"}
            </a>
          </p>
        )}
      </header>
      {target && (
        <ReaderStory
          cluster={cluster}
          current={`${id}:${target.start}`}
          contextHref={(t) => readerUrl(t.article, t.start, t.end)}
        />
      )}
      <main lang={meta.translated ? undefined : meta.language}>
        <ArticleText text={text} target={target} />
      </main>
    </div>
  );
}
