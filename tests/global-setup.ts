/**
 * Before any test file: the corpus index as the code and corpus are now (rebuilt only when they
 * changed), and the real pages unpacked, so `npx vitest run` works on a fresh clone.
 */
import { ensureIndex } from '../scripts/lib/corpus-index';
import { realPagesDir } from './realpages';

export default async function setup(): Promise<void> {
  await ensureIndex();
  realPagesDir();
}
