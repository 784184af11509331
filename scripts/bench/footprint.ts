/**
 * What the built Chrome extension ships: the content script injected into every page, the
 * popup (its HTML and every file it loads, following the chunks' static imports) and the index.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { addBytes, bytesOf, type Bytes } from './measure';

export interface FileBytes extends Bytes {
  file: string;
}

export interface Footprint {
  contentScript: FileBytes;
  contentCss?: FileBytes;
  popup: { files: FileBytes[]; total: Bytes; lazy: string[] };
  index: FileBytes;
  /** A source file is newer than the build, or the shipped index is not the generated one: figures may be out of date. */
  stale: boolean;
}

const STATIC_IMPORT_RE = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT_RE = /\bimport\(\s*["']([^"']+\.js)["']\s*\)/g;
const SCRIPT_RE = /<script\b[^>]*\bsrc="([^"]+)"/g;
const LINK_RE =
  /<link\b[^>]*\brel="(?:stylesheet|modulepreload)"[^>]*\bhref="([^"]+)"|<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="(?:stylesheet|modulepreload)"/g;

function fileBytes(dir: string, file: string): FileBytes {
  return { file, ...bytesOf(readFileSync(join(dir, file))) };
}

/** A path of the extension (`/chunks/x.js` or `./x.js` relative to `from`), relative to its root. */
function resolveIn(from: string, ref: string): string {
  return ref.startsWith('/') ? ref.slice(1) : posix.normalize(posix.join(posix.dirname(from), ref));
}

function popupFiles(dir: string): { files: string[]; lazy: string[] } {
  const html = readFileSync(join(dir, 'popup.html'), 'utf8');
  const files = new Set<string>(['popup.html']);
  const lazy = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(SCRIPT_RE)) queue.push(resolveIn('popup.html', m[1]!));
  for (const m of html.matchAll(LINK_RE)) queue.push(resolveIn('popup.html', (m[1] ?? m[2])!));
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT_RE)) queue.push(resolveIn(file, m[1]!));
    for (const m of code.matchAll(DYNAMIC_IMPORT_RE)) lazy.add(resolveIn(file, m[1]!));
  }
  return { files: [...files], lazy: [...lazy].filter((f) => !files.has(f)) };
}

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newest(join(path, f))));
}

/** `root` is the repository, `dir` the built Chrome extension. */
export function measureFootprint(root: string, dir: string): Footprint {
  const { files, lazy } = popupFiles(dir);
  const popup = files.map((f) => fileBytes(dir, f));
  const sources = ['core', 'lib', 'entrypoints', 'components', 'public'].map((d) => newest(join(root, d)));
  const generated = join(root, 'generated', 'corpus.json');
  const indexChanged = existsSync(generated) && !readFileSync(generated).equals(readFileSync(join(dir, 'corpus.json')));
  const contentCss = join('content-scripts', 'content.css');
  return {
    contentScript: fileBytes(dir, join('content-scripts', 'content.js')),
    contentCss: existsSync(join(dir, contentCss)) ? fileBytes(dir, contentCss) : undefined,
    popup: { files: popup, total: addBytes(popup), lazy },
    index: fileBytes(dir, 'corpus.json'),
    stale: indexChanged || Math.max(...sources) > statSync(join(dir, 'manifest.json')).mtimeMs,
  };
}
