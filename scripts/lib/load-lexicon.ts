/** Loads a language's lexicon (lang/<code>.json) for the command-line tools. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Lexicon, type LexiconData } from '../../core/lang/lexicon';
import { isLexiconLanguage } from '../../core/lang/stem';

export const lexiconDir = resolve(import.meta.dirname, '..', '..', 'lang');

const cache = new Map<string, Lexicon>();

/** The lexicon of a language, or undefined when the language has none. */
export function loadLexicon(lang: string): Lexicon | undefined {
  if (!isLexiconLanguage(lang)) return undefined;
  let lex = cache.get(lang);
  if (!lex) {
    lex = new Lexicon(JSON.parse(readFileSync(resolve(lexiconDir, `${lang}.json`), 'utf8')) as LexiconData);
    cache.set(lang, lex);
  }
  return lex;
}
