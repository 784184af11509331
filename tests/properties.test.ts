// Property-based tests (fast-check): normalisation, segmentation and matching never throw,
// offsets always map back into the original text, and a corpus sentence always finds itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../core/matcher';
import { comparisonString, tokenize } from '../core/normalize';
import { sentences } from '../core/segment';
import { loadCorpus } from '../scripts/lib/load-corpus';

const matcher = new Matcher(loadCorpus());

// Text with the characters that make normalisation and segmentation hard: quotes, dashes,
// soft hyphens, invisible characters, line breaks, digits, RTL, CJK, emoji, combining marks.
const tricky = fc.constantFrom(
  ' ',
  ' ',
  '\n',
  '\r\n',
  '\u00A0',
  '\u00AD',
  '\u200B',
  '.',
  '!',
  '?',
  ',',
  ';',
  ':',
  '"',
  '“',
  '”',
  '‘',
  '’',
  "'",
  '-',
  '–',
  '—',
  '%',
  '(',
  ')',
  '23',
  '2,000',
  '1.5',
  'May',
  '10',
  'ten',
  'twenty-three',
  'World War II',
  'doesn’t',
  'U.S.',
  'Ukrainians',
  'مرحبا',
  'שלום',
  '日本語の文。',
  '한국어',
  '😀',
  '👩‍👩‍👧',
  'é',
  'e\u0301',
  'ﬁ',
  '２３',
  'İ',
  'ß',
  '\uFEFF',
  '\uD800',
);
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.oneof(tricky, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((a) => a.join('')),
);

describe('properties', () => {
  it('tokenize never throws and every token points inside the text, in order', () => {
    fc.assert(
      fc.property(text, (t) => {
        const tokens = tokenize(t);
        let last = 0;
        for (const tok of tokens) {
          expect(tok.start).toBeGreaterThanOrEqual(0);
          expect(tok.end).toBeLessThanOrEqual(t.length);
          expect(tok.end).toBeGreaterThan(tok.start);
          expect(tok.start).toBeGreaterThanOrEqual(last - (tok.negation ? 3 : 0));
          last = tok.start;
          expect(tok.key.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('normalisation is stable: normalising twice changes nothing about the keys', () => {
    fc.assert(
      fc.property(text, (t) => {
        const once = comparisonString(t);
        expect(typeof once).toBe('string');
        expect(comparisonString(t)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('sentences never throw and their offsets round-trip to the original text', () => {
    fc.assert(
      fc.property(text, (t) => {
        let prevEnd = 0;
        for (const s of sentences(t)) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.trim()).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(prevEnd);
          prevEnd = s.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('checking any text never throws and every version points into its article', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const s of matcher.check(t).sentences) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          for (const v of s.versions) {
            const article = matcher.articles.get(v.article)!;
            expect(article.text.slice(v.start, v.end)).toBe(v.text);
            expect(v.score).toBeGreaterThanOrEqual(0);
            expect(v.score).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('a corpus sentence always finds itself, as identical', () => {
    const all = matcher.sentences.filter((s) => s.tokens.filter((t) => !t.stop).length >= 3);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), (i) => {
        const s = all[i]!;
        const self = matcher.versions(s.text).find((v) => v.article === s.article.id && v.start === s.sentence.start);
        expect(self?.verdict).toBe('identical');
      }),
      { numRuns: 200 },
    );
  });

  it('a corpus sentence inside other text still finds itself', () => {
    const all = matcher.sentences.filter(
      (s) => s.sentence.kind === 'body' && s.tokens.filter((t) => !t.stop).length >= 4,
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: all.length - 1 }),
        fc.constantFrom('', 'In short: ', 'He said: '),
        (i, prefix) => {
          const s = all[i]!;
          const found = matcher
            .check(`The meeting was long. ${prefix}${s.text} Then it rained.`)
            .sentences.flatMap((x) => x.versions);
          expect(found.some((v) => v.article === s.article.id && v.start === s.sentence.start)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
