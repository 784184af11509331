/**
 * Saving a page's draft, as edited in the form (popup or library page): built and stored like
 * an imported file, then the background is told so its engine and the open tabs follow.
 */
import { CorpusError } from '../../core/corpus-article';
import type { PageDraft } from '../protocol';
import { checkFields, type DraftFields, type SaveOutcome } from './fields';
import { recordOf } from './record';
import { LibraryError, type Library } from './store';

export { checkFields, DATE_RE, fieldsOf, type DraftFields, type SaveOutcome } from './fields';

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
