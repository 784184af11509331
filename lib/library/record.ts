/**
 * A library record from an article's text and metadata: checked and built by the same code as
 * the corpus build (core/corpus.ts `articleOf`), with an id from its text's SHA-256, so the same
 * text always gets the same id (an export imported again is the same library).
 */
import { articleOf } from '../../core/corpus-article';
import { completeMeta, metaFields, type PartialMeta } from '../../core/library/read-file';
import type { ArticleMeta } from '../../core/types';
import type { LibraryRecord } from './store';

/** What is known of an article before it is built: from a file, a page, a form or an export. */
export interface ArticleDraft {
  /** The article's text (bytes, so the build can refuse binary or non-UTF-8 ones with their reason). */
  bytes: Uint8Array;
  meta: PartialMeta;
  title?: string;
  author?: string;
  /** Shown in refusals: the file's name, or the page's address. */
  file: string;
}

/** SHA-256 of a text, in hex (Web Crypto: in the pages, the background and Node alike). */
export async function textHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const USER_ID_PREFIX = 'user-';

/** Whether an article id is one of the user's (not bundled). */
export const isUserArticle = (id: string): boolean => id.startsWith(USER_ID_PREFIX);

/**
 * Builds the record; throws CorpusError (with the reason: empty, binary, not UTF-8, too large, a
 * metadata field missing, nothing left once boilerplate is dropped).
 */
export async function recordOf(draft: ArticleDraft, added: string): Promise<LibraryRecord> {
  const article = articleOf({
    id: USER_ID_PREFIX,
    file: draft.file,
    bytes: draft.bytes,
    // Only the known fields, trimmed: an empty field is a missing one, named in the refusal.
    meta: completeMeta(metaFields(draft.meta as Record<string, unknown>)) as ArticleMeta,
  });
  const hash = await textHash(article.text);
  article.id = `${USER_ID_PREFIX}${hash.slice(0, 16)}`;
  const page: LibraryRecord['page'] = {};
  if (draft.title?.trim()) page.title = draft.title.trim();
  if (draft.author?.trim()) page.author = draft.author.trim();
  return { id: article.id, hash, article, page, added };
}

/**
 * The bundled articles by their text's hash (what `importFiles` and `saveDraft` take as
 * `bundled`): adding one of them to the library again would only repeat it.
 */
export async function bundledHashes(data: {
  articles: Array<{ id: string; text: string }>;
}): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const a of data.articles) out.set(await textHash(a.text), a.id);
  return out;
}
