/**
 * npm run bench:lang: cost of the language layer. Per language: the lexicon's size (raw and
 * gzipped), its load time (read + JSON.parse + index), and the time per sentence of the gloss
 * alone and of crossVersions (gloss, retrieval, scoring, links, verdicts) over the development
 * probes of that language and the sentences of the saved real pages in it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { crossVersions, pageSentences } from '../core/lang/cross';
import { detectLanguage } from '../core/lang/detect';
import { gloss } from '../core/lang/gloss';
import { Lexicon, type LexiconData } from '../core/lang/lexicon';
import type { Probe } from '../core/lang/probes';
import { LEXICON_LANGUAGES } from '../core/lang/stem';
import { Matcher } from '../core/matcher';
import { readRealPage, realPages } from '../tests/realpages';
import { loadCorpus } from './lib/load-corpus';
import { lexiconDir } from './lib/load-lexicon';
import { readPage } from './lib/read-page';

const root = resolve(import.meta.dirname, '..');
const matcher = new Matcher(loadCorpus());
const { probes } = JSON.parse(readFileSync(resolve(root, 'tests', 'fixtures', 'dev-probes.json'), 'utf8')) as {
  probes: Probe[];
};

// Sentences of the saved pages that are not in English (German ones, for the German lexicon).
const pageSentencesByLang = new Map<string, string[]>();
for (const page of realPages()) {
  const raw = readRealPage(page).replace(/<(script|style)[\s\S]*?<\/\1>|<[^>]+>/gi, ' ');
  if (detectLanguage(raw).lang === 'en') continue;
  let text: string;
  try {
    text = readPage(page.file);
  } catch {
    continue;
  }
  const lang = detectLanguage(text).lang;
  const list = pageSentencesByLang.get(lang) ?? [];
  list.push(...pageSentences(text).map((s) => s.text));
  pageSentencesByLang.set(lang, list);
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
function timePer(sentences: string[], fn: (s: string) => unknown, rounds: number): number {
  for (const s of sentences) fn(s); // warm up (memos, lazy splits)
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const s of sentences) fn(s);
  return (performance.now() - t0) / (rounds * sentences.length);
}

console.log('lang  raw       gzip     load ms  sentences  gloss ms/sentence  crossVersions ms/sentence');
for (const lang of LEXICON_LANGUAGES) {
  const file = resolve(lexiconDir, `${lang}.json`);
  const bytes = readFileSync(file);
  const t0 = performance.now();
  const lexicon = new Lexicon(JSON.parse(bytes.toString('utf8')) as LexiconData);
  const load = performance.now() - t0;
  const sentences = [
    ...probes.filter((p) => p.lang === lang).map((p) => p.text),
    ...(pageSentencesByLang.get(lang) ?? []),
  ];
  const g = timePer(sentences, (s) => gloss(s, lexicon), 20);
  const c = timePer(sentences, (s) => crossVersions(matcher, s, lexicon), 5);
  console.log(
    `${lang.padEnd(5)} ${kb(bytes.length).padEnd(9)} ${kb(gzipSync(bytes).length).padEnd(8)} ${load.toFixed(0).padStart(7)}  ${String(sentences.length).padStart(9)}  ${g.toFixed(3).padStart(17)}  ${c.toFixed(3).padStart(25)}`,
  );
}
