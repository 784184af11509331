/**
 * The "Add this page" form's fields and their checks: apart from save.ts so the popup shows the
 * form without loading the article build (core/corpus.ts and the matcher it uses), which is
 * loaded only when the user saves.
 */
import type { PageDraft } from '../protocol';

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
