import { useEffect, useRef, useState } from 'preact/hooks';
import { TestIdPrefix } from '../../components/testid';
import { parseable } from '../../core/library/read-file';
import { readerUrl, request } from '../../lib/connector';
import { exportFileName, exportLibrary } from '../../lib/library/export';
import { droppedSources } from '../../lib/library/dropped';
import { fromFile, importFiles, type ImportResult, type ImportSource } from '../../lib/library/import';
import { askPersistence, LibraryError, storageErrorLine } from '../../lib/library/store';
import type { LibraryRow, PageDraft } from '../../lib/protocol';
import { pageBundledHashes, pageLibrary, saveFromPage } from '../popup/AddPage';
import { DraftForm } from '../popup/DraftForm';
import { ArticleTable } from './ArticleTable';

const parseHtml = (html: string) => new DOMParser().parseFromString(parseable(html), 'text/html');
const messageOf = (e: unknown) => (e instanceof LibraryError ? e.message : e instanceof Error ? e.message : String(e));

interface ImportRun {
  done: number;
  total: number;
  results: ImportResult[];
  stopped?: string;
  running: boolean;
  /** The files are stored; the background is taking them in. */
  indexing?: boolean;
  /** Articles the background has yet to link to the others (matched already). */
  linking?: number;
}

/**
 * The library page: every reference article, bundled and the user's own, with delete, hide and
 * show; import of files, folders and drops with a per-file report; export to one file; and the
 * draft left by the context menu's "Add this page to references".
 */
export function LibraryPage() {
  const [rows, setRows] = useState<LibraryRow[]>();
  const [error, setError] = useState<string>();
  const [draft, setDraft] = useState<PageDraft | null | 'none'>(null);
  const [run, setRun] = useState<ImportRun>();
  const [exported, setExported] = useState<{ href: string; name: string; count: number }>();
  const [dragging, setDragging] = useState(false);
  const stop = useRef<AbortController>();

  const refresh = async () => {
    try {
      setRows((await request({ type: 'ui:library-list' })).rows);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    void askPersistence(navigator.storage);
    void refresh();
    const asked = new URLSearchParams(location.search).get('draft');
    if (asked === 'none') setDraft('none');
    else if (asked)
      void request({ type: 'ui:take-draft' }).then(
        (r) => setDraft(r.draft ?? 'none'),
        () => setDraft('none'),
      );
  }, []);

  const changed = async () => {
    await request({ type: 'ui:library-changed' });
    await refresh();
  };

  const runImport = async (sources: ImportSource[]) => {
    if (!sources.length || run?.running) return;
    setError(undefined);
    stop.current = new AbortController();
    setRun({ done: 0, total: sources.length, results: [], running: true });
    let final: ImportRun | undefined;
    try {
      const report = await importFiles(sources, {
        library: await pageLibrary(),
        parseHtml,
        bundled: await pageBundledHashes().catch(() => undefined),
        signal: stop.current.signal,
        onProgress: (results, done, total) => setRun({ done, total, results: [...results], running: true }),
      });
      final = {
        done: sources.length - report.notImported,
        total: sources.length,
        results: report.results,
        stopped: report.stopped,
        running: false,
      };
      if (report.stopped && report.stopped !== 'The import was stopped.') setError(report.stopped);
    } catch (e) {
      setError(e instanceof LibraryError ? e.message : storageErrorLine(e));
    }
    // The background takes the new articles in (one rebuild for the whole import) before the
    // import shows as finished, so the table and the next check agree with the report.
    setRun((r) => r && { ...(final ?? r), running: true, indexing: true });
    // A large import is linked to the other articles for a while after it is matched: how many
    // articles are left is asked now and then, and shown.
    let listed = false;
    const poll = setInterval(() => {
      void request({ type: 'ui:library-status' }).then(
        ({ linking }) => {
          setRun((r) => (r?.indexing ? { ...r, linking } : r));
          // The new articles are matched already: the table lists them while they are linked.
          if (linking && !listed) {
            listed = true;
            void refresh();
          }
        },
        () => undefined,
      );
    }, 500);
    await changed()
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => clearInterval(poll));
    setRun((r) => r && { ...(final ?? r), running: false });
  };

  const doExport = async () => {
    try {
      const lib = await pageLibrary();
      const records = await lib.all();
      const text = exportLibrary(records, await lib.hidden());
      if (exported) URL.revokeObjectURL(exported.href);
      const href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
      const name = exportFileName(new Date());
      setExported({ href, name, count: records.length });
      const a = document.createElement('a');
      a.href = href;
      a.download = name;
      a.click();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const remove = async (id: string) => {
    try {
      await (await pageLibrary()).remove(id);
      await changed();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const setHidden = async (id: string, hidden: boolean) => {
    try {
      await (await pageLibrary()).setHidden(id, hidden);
      await changed();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const counts = run
    ? (['added', 'skipped', 'refused'] as const).map(
        (s) => [s, run.results.filter((r) => r.status === s).length] as const,
      )
    : [];

  return (
    <TestIdPrefix.Provider value="library">
      <div class="qc-app qc-library">
        <header class="qc-library-head">
          <img class="qc-logo" src="/icon/32.png" alt="" width={24} height={24} />
          <h1 class="qc-title">Quote Check library</h1>
        </header>
        <main>
          {error && (
            <p class="qc-library-error" role="alert" data-testid="library-error">
              {error}
            </p>
          )}
          {draft === 'none' && (
            <p class="qc-draft-error" role="alert">
              No article text could be read from that page.
            </p>
          )}
          {draft && draft !== 'none' && (
            <DraftForm
              draft={draft}
              onSave={async (fields) => {
                const outcome = await saveFromPage(draft, fields);
                if (outcome.state === 'saved') await refresh();
                return outcome;
              }}
              onCancel={() => setDraft(null)}
            />
          )}

          <section
            class={`qc-library-import${dragging ? ' qc-library-import--over' : ''}`}
            aria-labelledby="import-heading"
            data-testid="library-drop"
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              if (e.dataTransfer) void droppedSources(e.dataTransfer.items, e.dataTransfer.files).then(runImport);
            }}
          >
            <h2 id="import-heading">Import and export</h2>
            <p class="qc-muted">
              Drop files or a folder here, or pick them: .txt and .md articles with front matter (outlet, date,
              language), saved .html pages, and library exports or corpus indexes (.json).
            </p>
            <div class="qc-library-actions">
              <label class="qc-button qc-file-button">
                Import files…
                <input
                  type="file"
                  multiple
                  accept=".txt,.md,.markdown,.html,.htm,.xhtml,.json"
                  data-testid="library-import-files"
                  onChange={(e) => {
                    const input = e.currentTarget;
                    void runImport([...(input.files ?? [])].map(fromFile)).then(() => (input.value = ''));
                  }}
                />
              </label>
              <label class="qc-button qc-file-button">
                Import a folder…
                <input
                  type="file"
                  // @ts-expect-error: not in Preact's attribute types, supported by Chromium and Firefox
                  webkitdirectory=""
                  data-testid="library-import-folder"
                  onChange={(e) => {
                    const input = e.currentTarget;
                    void runImport([...(input.files ?? [])].map(fromFile)).then(() => (input.value = ''));
                  }}
                />
              </label>
              <button type="button" class="qc-button" onClick={() => void doExport()} data-testid="library-export">
                Export your library
              </button>
              {exported && (
                <a href={exported.href} download={exported.name} data-testid="library-export-link">
                  {exported.name} ({exported.count} {exported.count === 1 ? 'article' : 'articles'})
                </a>
              )}
            </div>
            {run && (
              <div class="qc-library-run" data-testid="library-import" data-running={String(run.running)}>
                <label class="qc-library-progress">
                  <span>
                    {run.running ? 'Importing' : 'Imported'} {run.done} of {run.total}{' '}
                    {run.total === 1 ? 'file' : 'files'}
                  </span>
                  <progress max={run.total} value={run.done} />
                </label>
                {run.indexing && !!run.linking && (
                  <p class="qc-muted" data-testid="library-linking">
                    Matched already; linking {run.linking} {run.linking === 1 ? 'article' : 'articles'} to the others…
                  </p>
                )}
                {run.running && !run.indexing && (
                  <button type="button" class="qc-button qc-button--plain" onClick={() => stop.current?.abort()}>
                    Stop
                  </button>
                )}
                <p role="status" data-testid="library-import-summary">
                  {counts.map(([s, n]) => `${n} ${s}`).join(', ')}
                  {run.stopped ? `. ${run.stopped}` : ''}
                </p>
                <ul class="qc-library-results" data-testid="library-import-results">
                  {run.results.map((r) => (
                    <li key={r.name} data-status={r.status}>
                      <span class={`qc-library-status qc-library-status--${r.status}`}>{r.status}</span> {r.name}
                      {r.reason && <span class="qc-muted"> — {r.reason}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>

          <section aria-labelledby="articles-heading">
            <h2 id="articles-heading">Reference articles</h2>
            {!rows ? (
              <p class="qc-muted">Loading…</p>
            ) : (
              <ArticleTable
                rows={rows}
                onDelete={(id) => void remove(id)}
                onHidden={(id, hidden) => void setHidden(id, hidden)}
                readerHref={(id) => readerUrl(id, 0, 0)}
              />
            )}
          </section>
        </main>
      </div>
    </TestIdPrefix.Provider>
  );
}
