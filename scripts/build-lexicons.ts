/**
 * npm run lexicons -- <folder with the FreeDict dictd files>
 *
 * Builds lang/<code>.json, the per-language lexicons of the language layer (core/lang/), from
 * the FreeDict dictionaries as Debian ships them, plus the news words of
 * scripts/lexicon-news.ts. The lexicons are committed, so a clone needs no download; to rebuild:
 *
 *   apt-get download dict-freedict-deu-eng dict-freedict-por-eng dict-freedict-eng-por \
 *     dict-freedict-eng-nor dict-freedict-eng-bul
 *   for f in dict-freedict-*.deb; do dpkg -x "$f" freedict; done
 *   npm run lexicons -- freedict/usr/share/dictd
 *
 * Each lexicon maps a word key (core/lang/stem.ts: the stem of a headword) to the English
 * comparison keys of its translations (core/normalize.ts), every sense kept, first senses
 * first. German and Portuguese are read German/Portuguese -> English; Norwegian, Bulgarian (and
 * Portuguese a second time) are read English -> X and reversed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tokenize } from '../core/normalize';
import { splitCompound } from '../core/lang/compound';
import { LEXICON_FORMAT, type LexiconData } from '../core/lang/lexicon';
import { stemKey, type LexiconLanguage } from '../core/lang/stem';
import bgCountries from 'i18n-iso-countries/langs/bg.json';
import deCountries from 'i18n-iso-countries/langs/de.json';
import nbCountries from 'i18n-iso-countries/langs/nb.json';
import ptCountries from 'i18n-iso-countries/langs/pt.json';
import { WORDS } from '../core/lang/words';
import { NEWS_WORDS } from './lexicon-news';

const COUNTRIES: Record<LexiconLanguage, { countries: object }> = {
  de: deCountries,
  pt: ptCountries,
  no: nbCountries,
  bg: bgCountries,
};

/** English keys kept per word: the first senses; the long tail is mostly rare or figurative. */
const MAX_KEYS = 10;
/** A translation longer than this (content words) is an explanation, not an equivalent. */
const MAX_PHRASE_WORDS = 3;
/** Usage labels of senses that news text does not use. */
const JUNK_LABEL_RE =
  /\[(?:obs|archaic|old|dated|poet|vulg|slang|coll|rare|humor|pej|dialect|Sc|Austr|Irish|NZ|Ind|SAfr)\.?\]/i;

interface Source {
  file: string;
  /** x-eng: headword is the foreign word; eng-x: headword is English (reversed). */
  direction: 'x-eng' | 'eng-x';
}

const SOURCES: Record<LexiconLanguage, { sources: Source[]; attribution: string; license: string }> = {
  de: {
    sources: [{ file: 'freedict-deu-eng', direction: 'x-eng' }],
    attribution: 'FreeDict German-English 1.9-fd1 (from the Ding dictionary, TU Chemnitz), https://freedict.org/',
    license: 'GPL-3.0-or-later OR AGPL-3.0-or-later',
  },
  pt: {
    sources: [
      { file: 'freedict-por-eng', direction: 'x-eng' },
      { file: 'freedict-eng-por', direction: 'eng-x' },
    ],
    attribution: 'FreeDict Portuguese-English and English-Portuguese, https://freedict.org/',
    license: 'GPL-2.0-or-later',
  },
  no: {
    sources: [{ file: 'freedict-eng-nor', direction: 'eng-x' }],
    attribution: 'FreeDict English-Norwegian (Bokmål), generated from Wiktionary, https://freedict.org/',
    license: 'CC-BY-SA-3.0',
  },
  bg: {
    sources: [{ file: 'freedict-eng-bul', direction: 'eng-x' }],
    attribution: 'FreeDict English-Bulgarian, generated from Wiktionary, https://freedict.org/',
    license: 'CC-BY-SA-3.0',
  },
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(s: string): number {
  let n = 0;
  for (const c of s) n = n * 64 + B64.indexOf(c);
  return n;
}

/** Every entry of a dictd dictionary (the 00-database-* entries skipped). */
function* entries(dir: string, name: string): Generator<string> {
  const index = readFileSync(join(dir, `${name}.index`), 'utf8');
  const dict = gunzipSync(readFileSync(join(dir, `${name}.dict.dz`)));
  const seen = new Set<number>();
  for (const line of index.split('\n')) {
    const [head, off, len] = line.split('\t');
    if (!head || !off || !len || head.startsWith('00-database') || head.startsWith('00database')) continue;
    const start = b64(off);
    if (seen.has(start)) continue;
    seen.add(start);
    yield dict.subarray(start, start + b64(len)).toString('utf8');
  }
}

/** The headword of an entry: its first line up to the pronunciation or the part of speech. */
function headword(entry: string): string {
  const first = entry.split('\n', 1)[0] ?? '';
  return first
    .replace(/\s+\/.*$/, '')
    .replace(/\s+<.*$/, '')
    .trim();
}

/** Translation lines: numbered lines, or the line after the headword when none is numbered. */
function translationLines(entry: string): string[] {
  const lines = entry.split('\n').slice(1);
  const numbered = lines.filter((l) => /^\s*\d+\.\s*\S/.test(l)).map((l) => l.replace(/^\s*\d+\.\s*/, ''));
  if (numbered.length) return numbered;
  const first = lines.find((l) => l.trim() !== '');
  return first ? [first] : [];
}

/** Split at commas and semicolons outside brackets; labels and grammar notes removed. */
function alternatives(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of line) {
    if ('([{<'.includes(ch)) depth++;
    if (')]}>'.includes(ch)) depth = Math.max(0, depth - 1);
    if ((ch === ',' || ch === ';') && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .filter((a) => !JUNK_LABEL_RE.test(a))
    .map((a) =>
      a
        .replace(/<[^>]*>|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|\/[^/]*\//g, ' ')
        .replace(/\b(?:sth|sb|so|etw|jdm|jdn|jds|jd)\.?(?=\s|$)/g, ' ')
        .replace(/\s\d+\.\s*$/, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter((a) => a !== '' && !a.includes('…') && !a.includes('...'));
}

/** English comparison keys of an English phrase: its content words, or nothing if too long. */
function englishKeys(phrase: string): string[] {
  const tokens = tokenize(phrase);
  const keys = tokens.filter((t) => !t.stop).map((t) => t.key);
  // A function word ("sa" -> "said"): kept, so the gloss knows the word and treats it as one.
  if (!keys.length && tokens.length === 1) return [tokens[0]!.key];
  return keys.length > MAX_PHRASE_WORDS ? [] : keys;
}

/** A foreign word worth a key: one word (hyphens allowed), letters only. */
function isWord(s: string): boolean {
  return /^[\p{L}][\p{L}\p{M}'-]*$/u.test(s) && s.length <= 30;
}

function build(dir: string, lang: LexiconLanguage): LexiconData {
  // key -> English keys with the rank they came with (sense order), lowest first.
  const ranked = new Map<string, Map<string, number>>();
  const add = (word: string, keys: string[], rank: number) => {
    const k = stemKey(lang, word);
    if (k.length < 2) return;
    let m = ranked.get(k);
    if (!m) ranked.set(k, (m = new Map()));
    for (const e of keys) if (!m.has(e) || m.get(e)! > rank) m.set(e, rank);
  };
  const { sources, attribution, license } = SOURCES[lang];
  for (const { file, direction } of sources) {
    const seenHead = new Map<string, number>();
    for (const entry of entries(dir, file)) {
      const head = headword(entry);
      const lines = translationLines(entry);
      if (direction === 'x-eng') {
        if (!isWord(head)) continue;
        // Entries of one headword come one after the other, one sense each: their order ranks.
        const n = seenHead.get(head) ?? 0;
        seenHead.set(head, n + 1);
        let r = n * 4;
        for (const line of lines) for (const alt of alternatives(line)) add(head, englishKeys(alt), r++);
      } else {
        const keys = englishKeys(head);
        if (!keys.length || head.split(/\s+/).length > 2) continue;
        lines.forEach((line, sense) => {
          alternatives(line).forEach((alt, k) => {
            if (isWord(alt)) add(alt, keys, sense * 4 + k);
          });
        });
      }
    }
  }
  // Country names in the language (one word), keyed as the English tokeniser keys countries.
  for (const [code, names] of Object.entries(COUNTRIES[lang].countries as Record<string, string | string[]>)) {
    for (const name of Array.isArray(names) ? names : [names]) {
      if (isWord(name)) add(name, [code === 'US' ? 'usa' : `country:${code.toLowerCase()}`], -2);
    }
  }
  for (const [word, english] of Object.entries(NEWS_WORDS[lang])) {
    for (const alt of english.split(',')) add(word, englishKeys(alt), -1);
  }
  const out: Record<string, string> = {};
  const final = new Map<string, string[]>();
  for (const [k, m] of ranked) {
    const keys = [...m].sort((x, y) => x[1] - y[1]).map(([e]) => e);
    if (keys.length) final.set(k, keys.slice(0, MAX_KEYS));
  }
  // A country's name means the country: its other senses are homographs or junk.
  for (const [k, keys] of final) {
    const countries = keys.filter((e) => e.startsWith('country:') || e === 'usa');
    if (countries.length && countries[0] === keys[0]) final.set(k, countries);
  }
  if (lang === 'de') dropRecoverableCompounds(final);
  for (const k of [...final.keys()].sort()) out[k] = final.get(k)!.join(' ');
  return { format: LEXICON_FORMAT, lang, source: attribution, license, entries: out };
}

/**
 * German compounds that the check-time split (core/lang/compound.ts) reads as well: left out
 * when the parts' senses hold the compound's first senses. Shortest first, so a part that is
 * left out itself is not relied on.
 */
function dropRecoverableCompounds(lex: Map<string, string[]>): void {
  const kept = new Set<string>();
  const known = (part: string) => !WORDS.de.stop.has(part) && kept.has(stemKey('de', part));
  for (const k of [...lex.keys()].sort((x, y) => x.length - y.length || (x < y ? -1 : 1))) {
    const keys = lex.get(k)!;
    // Country names are kept whole ("Deutschland" is not Deutsch + Land).
    const country = /^(?:country:|usa$)/.test(keys[0] ?? '');
    const parts = k.length >= 8 && !country ? splitCompound(k, known) : undefined;
    if (parts) {
      const partKeys = new Set(parts.flatMap((p) => lex.get(stemKey('de', p)) ?? []));
      if (keys.slice(0, 2).some((e) => partKeys.has(e)) || k.length > 14) {
        lex.delete(k);
        continue;
      }
    }
    kept.add(k);
  }
}

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run lexicons -- <folder with freedict-*.index and freedict-*.dict.dz>');
  process.exit(2);
}
const outDir = resolve(import.meta.dirname, '..', 'lang');
mkdirSync(outDir, { recursive: true });
for (const lang of Object.keys(SOURCES) as LexiconLanguage[]) {
  const data = build(dir, lang);
  const text = JSON.stringify(data);
  writeFileSync(join(outDir, `${lang}.json`), text);
  const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;
  console.log(
    `${lang}: ${Object.keys(data.entries).length} words, ${kb(Buffer.byteLength(text))} raw, ${kb(gzipSync(text).length)} gzipped`,
  );
}
