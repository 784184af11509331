import { useTestId } from './testid';

/** What a surface shows instead of results. */
export type StatusState = 'checking' | 'nothing' | 'not-article' | 'error';

/** Props of {@link StatusView}. */
export interface StatusViewProps {
  state: StatusState;
  /** The error's message, for `error`. */
  message?: string;
  /** Sentences checked so far, for `checking`. */
  checked?: number;
  /** For `not-article`: check the page all the same. */
  onCheckAnyway?: () => void;
}

/** The states of a check that have no results to list, each with what the reader can do. */
export function StatusView({ state, message, checked, onCheckAnyway }: StatusViewProps) {
  const tid = useTestId('status');
  return (
    <div class={`qc-status qc-status--${state}`} data-testid={tid} data-state={state} role="status">
      {state === 'checking' && (
        <p aria-busy="true">
          <span class="qc-spinner" aria-hidden="true" /> Checking this page…
          {checked ? ` ${checked} sentence${checked === 1 ? '' : 's'} checked.` : ''}
        </p>
      )}
      {state === 'nothing' && <p>No sentence of this page was found in the corpus.</p>}
      {state === 'not-article' && (
        <>
          <p>This page does not look like a news article, so it was not checked.</p>
          {onCheckAnyway && (
            <button type="button" class="qc-button" onClick={onCheckAnyway}>
              Check this page anyway
            </button>
          )}
        </>
      )}
      {state === 'error' && (
        <>
          <p>The check did not work.</p>
          {message && <p class="qc-error-message">{message}</p>}
        </>
      )}
    </div>
  );
}
