import { useState } from 'preact/hooks';
import { useTestId } from '../../components/testid';
import type { PageDraft } from '../../lib/protocol';
import { fieldsOf, type DraftFields, type SaveOutcome } from '../../lib/library/fields';

export interface DraftFormProps {
  draft: PageDraft;
  onSave: (fields: DraftFields) => Promise<SaveOutcome>;
  onCancel?: () => void;
  /** Where the library page is, for the "saved" line. */
  libraryHref?: string;
}

type State = { kind: 'editing' } | { kind: 'saving' } | SaveOutcome;

/**
 * The page's article as a draft: what the page declared, editable, then saved to the user's
 * library. Used by the popup and by the library page (the context menu's draft).
 */
export function DraftForm({ draft, onSave, onCancel, libraryHref }: DraftFormProps) {
  const tid = useTestId('draft');
  const [fields, setFields] = useState<DraftFields>(() => fieldsOf(draft));
  const [state, setState] = useState<State>({ kind: 'editing' });
  const set = (k: keyof DraftFields) => (e: Event) => {
    const el = e.currentTarget as HTMLInputElement;
    setFields((f) => ({ ...f, [k]: k === 'translated' ? el.checked : el.value }));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    setState(await onSave(fields));
  };
  const busy = 'kind' in state && state.kind === 'saving';
  const done = 'state' in state && (state.state === 'saved' || state.state === 'duplicate');
  const lines = draft.text.split('\n').length;
  const field = (k: Exclude<keyof DraftFields, 'translated'>, label: string, extra: Record<string, unknown> = {}) => (
    <label class="qc-draft-field">
      <span>{label}</span>
      <input
        name={k}
        value={fields[k]}
        onInput={set(k)}
        disabled={busy || done}
        data-testid={`${tid}-${k}`}
        {...extra}
      />
    </label>
  );
  return (
    <form class="qc-draft" data-testid={tid} onSubmit={(e) => void submit(e)} aria-labelledby={`${tid}-heading`}>
      <h2 class="qc-draft-heading" id={`${tid}-heading`}>
        Add to your references
      </h2>
      <p class="qc-muted qc-draft-text" title={draft.text.slice(0, 400)}>
        {draft.text.length.toLocaleString('en')} characters of article text in {lines}{' '}
        {lines === 1 ? 'block' : 'blocks'}, starting “{draft.text.slice(0, 80).split('\n')[0]}”
      </p>
      {field('outlet', 'Outlet', { required: true })}
      {field('title', 'Title')}
      <div class="qc-draft-row">
        {field('date', 'Date', { required: true, placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' })}
        {field('language', 'Language', { required: true, placeholder: 'en', size: 6 })}
      </div>
      <label class="qc-draft-check">
        <input
          type="checkbox"
          name="translated"
          checked={fields.translated}
          onChange={set('translated')}
          disabled={busy || done}
          data-testid={`${tid}-translated`}
        />
        <span>The text is a translation</span>
      </label>
      {field('url', 'Address', { type: 'url' })}
      {field('author', 'Author')}
      <div class="qc-draft-actions">
        {!done && (
          <button type="submit" class="qc-button" disabled={busy} data-testid={`${tid}-save`}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        )}
        {onCancel && !busy && (
          <button type="button" class="qc-button qc-button--plain" onClick={onCancel} data-testid={`${tid}-cancel`}>
            {done ? 'Close' : 'Cancel'}
          </button>
        )}
      </div>
      <p
        class="qc-draft-state"
        role="status"
        data-testid={`${tid}-state`}
        data-state={'state' in state ? state.state : state.kind}
      >
        {busy && 'Saving…'}
        {'state' in state && state.state === 'saved' && (
          <>
            Saved: the next check of any page uses it.{' '}
            {libraryHref && (
              <a href={libraryHref} target="_blank" rel="noreferrer">
                Open the library
              </a>
            )}
          </>
        )}
        {'state' in state &&
          state.state === 'duplicate' &&
          (state.bundled
            ? 'This is one of the bundled articles already: nothing was added.'
            : 'Already in the library: nothing was added.')}
        {'state' in state && state.state === 'error' && <span class="qc-draft-error">{state.message}</span>}
      </p>
    </form>
  );
}
