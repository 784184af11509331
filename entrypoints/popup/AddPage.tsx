import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useTestId } from '../../components/testid';
import { activeTabId, request } from '../../lib/connector';
import type { PageDraft } from '../../lib/protocol';
import type { DraftFields } from '../../lib/library/fields';
import type { CorpusData } from '../../core/types';
import { askPersistence, openLibrary, type Library } from '../../lib/library/store';
import { DraftForm } from './DraftForm';

/** The library page's address. */
export const libraryHref = (): string => (browser.runtime.getURL as (p: string) => string)('/library.html');

let opened: Promise<Library> | undefined;
/** The library, opened once per page. */
export const pageLibrary = (): Promise<Library> => {
  opened ??= openLibrary();
  opened.catch(() => (opened = undefined));
  return opened;
};

let bundled: Promise<Map<string, string>> | undefined;
/** The bundled articles by their text's hash, read from the extension's index once per page. */
export const pageBundledHashes = (): Promise<Map<string, string>> => {
  bundled ??= (async () => {
    const res = await fetch((browser.runtime.getURL as (p: string) => string)('/corpus.json'));
    const { bundledHashes } = await import('../../lib/library/record');
    return bundledHashes((await res.json()) as CorpusData);
  })();
  bundled.catch(() => (bundled = undefined));
  return bundled;
};

/** Saves a draft from an extension page: asks for persistent storage, stores, tells the background. */
export const saveFromPage = async (draft: PageDraft, fields: DraftFields) => {
  void askPersistence(navigator.storage);
  // The article build (and the matcher it uses) is loaded only now, not with the popup.
  const { saveDraft } = await import('../../lib/library/save');
  return saveDraft(
    draft,
    fields,
    pageLibrary,
    () => request({ type: 'ui:library-changed' }),
    undefined,
    pageBundledHashes,
  );
};

type State =
  { kind: 'idle' } | { kind: 'reading' } | { kind: 'draft'; draft: PageDraft } | { kind: 'unreadable'; why: string };

/** The popup's "Add this page to references" button, its form, and the link to the library. */
export function AddPage() {
  const tid = useTestId('add-page');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const read = async () => {
    setState({ kind: 'reading' });
    try {
      const tabId = await activeTabId();
      if (tabId === undefined) return setState({ kind: 'unreadable', why: 'There is no active tab.' });
      const { draft } = await request({ type: 'ui:read-page', tabId });
      setState(
        draft ? { kind: 'draft', draft } : { kind: 'unreadable', why: 'No article text could be read from this page.' },
      );
    } catch (e) {
      setState({ kind: 'unreadable', why: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <section class="qc-popup-add" data-testid={tid}>
      {state.kind !== 'draft' && (
        <div class="qc-popup-library">
          <button
            type="button"
            class="qc-button"
            onClick={() => void read()}
            disabled={state.kind === 'reading'}
            data-testid={`${tid}-button`}
          >
            {state.kind === 'reading' ? 'Reading the page…' : 'Add this page to references'}
          </button>
          <a href={libraryHref()} target="_blank" rel="noreferrer" data-testid={`${tid}-library`}>
            Your library
          </a>
        </div>
      )}
      {state.kind === 'unreadable' && (
        <p class="qc-draft-error" role="alert">
          {state.why}
        </p>
      )}
      {state.kind === 'draft' && (
        <DraftForm
          draft={state.draft}
          onSave={(fields) => saveFromPage(state.draft, fields)}
          onCancel={() => setState({ kind: 'idle' })}
          libraryHref={libraryHref()}
        />
      )}
    </section>
  );
}
