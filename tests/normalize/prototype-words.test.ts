// Words that name Object properties ("constructor", "toString") are words like any other: word
// tables are looked up without a prototype (core/word-table.ts). Before, "constructor" was read
// as the number `function Object() { [native code] }th`.
import { describe, expect, it } from 'vitest';
import { gloss } from '../../core/lang/gloss';
import { Lexicon, LEXICON_FORMAT } from '../../core/lang/lexicon';
import { tokenize } from '../../core/normalize';

const NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('words that name Object properties', () => {
  it.each(NAMES)('%s, as written and in lower case, is a plain word in English', (name) => {
    for (const text of [`The ${name} said so on 5 May.`, `${name.toLowerCase()} 5 and more`, `A ${name} of $5m.`]) {
      for (const t of tokenize(text)) {
        expect(typeof t.key).toBe('string');
        expect(t.key).not.toContain('function');
      }
      const own = tokenize(text).filter(
        (t) => /[a-z]{4}/i.test(t.key) && name.toLowerCase().includes(t.key.slice(0, 4)),
      );
      for (const t of own) expect(t.kind).toBe('word');
    }
  });

  it('is a plain word in a glossed German sentence too', () => {
    const lexicon = new Lexicon({
      format: LEXICON_FORMAT,
      lang: 'de',
      source: 'test',
      license: 'CC0-1.0',
      entries: { sagt: 'say' },
    });
    for (const name of NAMES) {
      const tokens = gloss(`Der ${name} sagt nicht ${name.toLowerCase()} fünf.`, lexicon);
      for (const t of tokens) for (const k of t.keys) expect(typeof k).toBe('string');
      expect(tokens.flatMap((t) => t.keys).join(' ')).not.toContain('function');
    }
  });
});
