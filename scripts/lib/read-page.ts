/**
 * Reads a file given to the check command: a text file as it is, an HTML page reduced to its
 * article's blocks, one per line (`core/article.ts`, the same reading as the content script's). Every refusal is a `UsageError`
 * with one line naming the file and the reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../core/extract';
import { parseable } from '../../core/library/read-file';

/** Largest input file read: a saved news page is well under this. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export { UsageError } from './usage-error';
import { UsageError } from './usage-error';

export function readPage(file: string): string {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UsageError(`${file} is a directory, not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (size > MAX_FILE_BYTES) throw new UsageError(`${file} is ${size} bytes, more than the ${MAX_FILE_BYTES} accepted`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (bytes.includes(0)) throw new UsageError(`${file} is binary, not a text or HTML page`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file} is not UTF-8 text`);
  }
  const isHtml = ['.html', '.htm', '.xhtml'].includes(extname(file).toLowerCase()) || /^\s*<(!doctype|html)/i.test(raw);
  if (!isHtml) return raw;
  const { document } = parseHTML(parseable(raw));
  const article = extractArticle(document as unknown as Document, { force: true });
  if (!article) throw new UsageError(`${file}: no article text found in the page`);
  return article.text;
}
