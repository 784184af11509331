import { useState } from 'preact/hooks';
import type { LibraryRow } from '../../lib/protocol';

export interface ArticleTableProps {
  rows: LibraryRow[];
  onDelete: (id: string) => void;
  onHidden: (id: string, hidden: boolean) => void;
  readerHref: (id: string) => string;
}

/** The table of reference articles: the user's first (newest first), then the bundled ones. */
export function ArticleTable({ rows, onDelete, onHidden, readerHref }: ArticleTableProps) {
  const [confirming, setConfirming] = useState<string>();
  const sorted = [...rows].sort((a, b) =>
    a.user !== b.user
      ? a.user
        ? -1
        : 1
      : a.user
        ? (b.added ?? '').localeCompare(a.added ?? '')
        : a.id.localeCompare(b.id),
  );
  const yours = rows.filter((r) => r.user).length;
  return (
    <>
      <p class="qc-muted" data-testid="library-count">
        {rows.length} articles: {yours} of yours, {rows.length - yours} bundled
        {rows.some((r) => r.hidden) ? ` (${rows.filter((r) => r.hidden).length} hidden)` : ''}.
      </p>
      <div class="qc-library-table-wrap">
        <table class="qc-library-table" data-testid="library-table">
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Title</th>
              <th scope="col">Date</th>
              <th scope="col">Language</th>
              <th scope="col">Translated</th>
              <th scope="col" title="Statements that other reference articles also report">
                Shared
              </th>
              <th scope="col">Source</th>
              <th scope="col">
                <span class="qc-visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr
                key={r.id}
                data-testid="library-row"
                data-id={r.id}
                data-hidden={String(r.hidden)}
                class={r.hidden ? 'qc-library-hidden' : ''}
              >
                <td>{r.outlet}</td>
                <td>
                  <a href={readerHref(r.id)} target="_blank" rel="noreferrer">
                    {r.title}
                  </a>
                  {r.author && <span class="qc-muted"> · {r.author}</span>}
                </td>
                <td class="qc-library-date">{r.date}</td>
                <td>{r.language}</td>
                <td>{r.translated ? 'yes' : 'no'}</td>
                <td class="qc-library-num">{r.shared}</td>
                <td>{r.user ? 'yours' : r.hidden ? 'bundled, hidden' : 'bundled'}</td>
                <td class="qc-library-row-actions">
                  {r.user && confirming !== r.id && (
                    <button
                      type="button"
                      class="qc-button qc-button--plain"
                      onClick={() => setConfirming(r.id)}
                      aria-label={`Delete ${r.title}`}
                    >
                      Delete
                    </button>
                  )}
                  {r.user && confirming === r.id && (
                    <span role="group" aria-label="Confirm the deletion">
                      <button
                        type="button"
                        class="qc-button qc-button--danger"
                        data-testid="library-confirm-delete"
                        ref={(el) => el?.focus()}
                        onClick={() => {
                          setConfirming(undefined);
                          onDelete(r.id);
                        }}
                      >
                        Delete for good
                      </button>
                      <button type="button" class="qc-button qc-button--plain" onClick={() => setConfirming(undefined)}>
                        Keep
                      </button>
                    </span>
                  )}
                  {!r.user && (
                    <button
                      type="button"
                      class="qc-button qc-button--plain"
                      onClick={() => onHidden(r.id, !r.hidden)}
                      aria-label={`${r.hidden ? 'Show' : 'Hide'} ${r.title}`}
                    >
                      {r.hidden ? 'Show' : 'Hide'}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
