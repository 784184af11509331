/** Loads the generated corpus index for the command-line tools. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CorpusData } from '../../core/types';

export const corpusFile = resolve(import.meta.dirname, '..', '..', 'generated', 'corpus.json');

export function loadCorpus(file = corpusFile): CorpusData {
  if (!existsSync(file)) {
    throw new Error(`no corpus index at ${join('generated', 'corpus.json')}: run "npm run corpus" first`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as CorpusData;
}
