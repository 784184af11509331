/**
 * The saved real pages (tests/fixtures/realpages/pages.tgz), unpacked once into
 * .cache/realpages/ and listed by name. Used by the unit tests, the end-to-end tests and the
 * benchmark.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const archive = join(root, 'tests', 'fixtures', 'realpages', 'pages.tgz');
const cache = join(root, '.cache', 'realpages');
const dir = join(cache, 'devpages');

export interface RealPage {
  /** The file name without `.html`: the site it was saved from. */
  name: string;
  file: string;
}

/** The folder of unpacked pages; unpacks the archive when it is newer than the folder. */
export function realPagesDir(): string {
  if (!existsSync(dir) || statSync(dir).mtimeMs < statSync(archive).mtimeMs) {
    // Unpacked beside and renamed into place, so a reader running at the same time never sees
    // half a folder.
    const tmp = join(cache, `tmp-${process.pid}-${Date.now()}`);
    mkdirSync(tmp, { recursive: true });
    execFileSync('tar', ['xzf', archive, '-C', tmp]);
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(join(tmp, 'devpages'), dir);
    } catch (err) {
      if (!existsSync(dir)) throw err; // another process put it there first
    }
    rmSync(tmp, { recursive: true, force: true });
  }
  return dir;
}

/** Every saved page, sorted by name. */
export function realPages(): RealPage[] {
  const d = realPagesDir();
  return readdirSync(d)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: f.replace(/\.html$/, ''), file: join(d, f) }));
}

/** A page's HTML. */
export function readRealPage(page: RealPage): string {
  return readFileSync(page.file, 'utf8');
}
