import { useId } from 'preact/hooks';
import type { SelectionReport } from '../lib/protocol';
import { SentenceItem } from './SentenceItem';
import { TestIdPrefix, useTestId } from './testid';
import type { ContextHref } from './types';

/**
 * The result of "Check this quote": every sentence of the selection, with its versions or
 * a plain "Not found in the corpus". Inner test ids get a `-selection` infix so they are not
 * counted with the page's own matched sentences.
 */
export function SelectionView({ report, contextHref }: { report: SelectionReport; contextHref: ContextHref }) {
  const tid = useTestId('selection');
  const title = useId();
  const sentences = report.result.sentences;
  const matched = sentences.filter((s) => s.versions.length).length;
  return (
    <section class="qc-selection" data-testid={tid} aria-labelledby={title}>
      <h2 class="qc-section-title" id={title}>
        Checked selection
      </h2>
      <TestIdPrefix.Provider value={tid}>
        <ol class="qc-sentences">
          {sentences.map((s, i) =>
            s.versions.length ? (
              <SentenceItem
                key={i}
                text={s.text}
                versions={s.versions}
                contextHref={contextHref}
                defaultOpen={matched === 1}
              />
            ) : (
              <li key={i} class="qc-sentence qc-sentence--none">
                <p class="qc-sentence-text">{s.text}</p>
                <p class="qc-muted">Not found in the corpus</p>
              </li>
            ),
          )}
          {!sentences.length && <li class="qc-muted">The selection holds no sentence to check.</li>}
        </ol>
      </TestIdPrefix.Provider>
    </section>
  );
}
