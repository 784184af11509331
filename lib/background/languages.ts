/**
 * Pages in another language than the corpus's: the page's language is told from its text (the
 * declared `lang` of a page is often wrong or missing), and for a language with a lexicon
 * (German, Portuguese, Norwegian, Bulgarian) the lexicon is fetched from the extension's own
 * files the first time a page in that language is checked, never before, and kept.
 */
import { crossCheck } from '../../core/lang/cross';
import { detectLanguage } from '../../core/lang/detect';
import { Lexicon, type LexiconData } from '../../core/lang/lexicon';
import { isLexiconLanguage } from '../../core/lang/stem';
import type { Matcher } from '../../core/matcher';
import type { CheckResult } from '../../core/types';

/** Characters of a page's text read to tell its language: plenty for function-word profiles. */
const SAMPLE_CHARS = 4000;

export type LoadLexicon = (lang: string) => Promise<LexiconData>;

export interface Languages {
  /** The lexicon for these texts' language, or undefined (English, or a language without one). */
  lexiconFor(texts: string[]): Promise<Lexicon | undefined>;
}

export function createLanguages(load: LoadLexicon): Languages {
  const lexicons = new Map<string, Promise<Lexicon>>();
  return {
    async lexiconFor(texts) {
      let sample = '';
      for (const t of texts) {
        if (sample.length >= SAMPLE_CHARS) break;
        sample += `${t} `;
      }
      const { lang } = detectLanguage(sample);
      if (!isLexiconLanguage(lang)) return undefined;
      let lexicon = lexicons.get(lang);
      if (!lexicon) {
        lexicon = load(lang).then((data) => new Lexicon(data));
        lexicons.set(lang, lexicon);
        // A failed load is tried again on the next page, not remembered.
        lexicon.catch(() => lexicons.delete(lang));
      }
      return lexicon;
    },
  };
}

/** A selection's answer, in its language. */
export function checkText(matcher: Matcher, text: string, lexicon: Lexicon | undefined): CheckResult {
  return lexicon ? crossCheck(matcher, text, lexicon) : matcher.check(text);
}

/** Loads lang/<code>.json from the extension's files (`url` gives a file's address). */
export function fetchLexicon(url: (path: string) => string, load: typeof fetch = fetch): LoadLexicon {
  return async (lang) => {
    const res = await load(url(`/lang/${lang}.json`));
    if (!res.ok) throw new Error(`no word list for language "${lang}" (${res.status})`);
    return (await res.json()) as LexiconData;
  };
}
