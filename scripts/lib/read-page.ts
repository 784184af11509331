/**
 * Reads a file given to the check command: a text file as it is, an HTML page reduced to its
 * article's blocks, one per line (`core/article.ts`, the same reading as the content script's). Every refusal is a `UsageError`
 * with one line naming the file and the reason.
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../core/extract';

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

/**
 * linkedom builds no usable document from text before the doctype or `<html>` (a server's error
 * message printed first): a browser puts that text at the start of the body. So does this.
 */
function parseable(html: string): string {
  const start = html.search(/<(?:!doctype|html[\s>])/i);
  if (start <= 0 || !/[^\s]/.test(html.slice(0, start)) || /^\s*<(?:\?xml|!--)/i.test(html)) return html;
  const rest = html.slice(start);
  const body = /<body\b[^>]*>/i.exec(rest);
  if (!body) return rest;
  const at = body.index + body[0].length;
  return rest.slice(0, at) + html.slice(0, start) + rest.slice(at);
}
