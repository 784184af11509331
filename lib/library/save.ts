/**
 * Saving a page's draft, as edited in the form (popup or library page): built and stored like
 * an imported file, then the background is told so its engine and the open tabs follow.
 */
import { CorpusError } from '../../core/corpus';
import type { PageDraft } from '../protocol';
import { recordOf } from './record';
import { LibraryError, type Library } from './store';

/** The form's fields. */
export interface DraftFields {
  outlet: string;
  title: string;
  date: string;
  language: string;
  translated: boolean;
  url: string;
  author: string;
}

/** The form's first values: what the page declared. */
export function fieldsOf(draft: PageDraft): DraftFields {
  return {
    outlet: draft.outlet ?? '',
    title: draft.title ?? '',
    date: draft.date ?? '',
    language: draft.language ?? '',
    translated: false,
    url: draft.url,
    author: draft.author ?? '',
  };
}

/** A date as the corpus keeps them: YYYY, YYYY-MM or YYYY-MM-DD. */
export const DATE_RE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** What is wrong with the fields before saving (one line), or undefined. */
export function checkFields(f: DraftFields): string | undefined {
  if (!f.outlet.trim()) return 'Give the outlet.';
  if (!DATE_RE.test(f.date.trim())) return 'Give the date as YYYY, YYYY-MM or YYYY-MM-DD.';
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(f.language.trim()))
    return 'Give the language as a code, such as en or de.';
  return undefined;
}

export type SaveOutcome =
  | { state: 'saved'; id: string }
  /** `bundled`: the text is one of the bundled articles'. */
  | { state: 'duplicate'; id: string; bundled?: true }
  | { state: 'error'; message: string };

/** Builds and stores the article; `changed` tells the background. Never throws: the outcome says. */
export async function saveDraft(
  draft: PageDraft,
  fields: DraftFields,
  library: () => Promise<Library>,
  changed: () => Promise<unknown>,
  now: () => string = () => new Date().toISOString(),
  bundled?: () => Promise<Map<string, string>>,
): Promise<SaveOutcome> {
  const invalid = checkFields(fields);
  if (invalid) return { state: 'error', message: invalid };
  try {
    const record = await recordOf(
      {
        bytes: new TextEncoder().encode(draft.text),
        meta: {
          outlet: fields.outlet,
          date: fields.date,
          language: fields.language,
          translated: fields.translated,
          url: fields.url,
        },
        title: fields.title,
        author: fields.author,
        file: fields.url || 'this page',
      },
      now(),
    );
    const same = (await bundled?.().catch(() => undefined))?.get(record.hash);
    if (same) return { state: 'duplicate', id: same, bundled: true };
    const outcome = await (await library()).add(record);
    if (outcome.status === 'duplicate') return { state: 'duplicate', id: outcome.id };
    await changed();
    return { state: 'saved', id: outcome.id };
  } catch (err) {
    if (err instanceof CorpusError) return { state: 'error', message: `The article cannot be added: ${err.reason}.` };
    if (err instanceof LibraryError) return { state: 'error', message: err.message };
    return { state: 'error', message: err instanceof Error ? err.message : String(err) };
  }
}
