// Sentence and line segmentation: offsets round-trip, line breaks end sentences, stray closing quotes are glued back.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lines, sentences, trimSpan, type Span } from '../core/segment';

const corpusDir = join(import.meta.dirname, '..', 'corpus');
const articles = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => [f, readFileSync(join(corpusDir, f), 'utf8')] as const);

/** Spans point at their own text, are trimmed, non-empty, stay on one line and come in order. */
function expectWellFormed(text: string, spans: Span[]): void {
  let prevEnd = 0;
  for (const s of spans) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.text).toBe(s.text.trim());
    expect(s.text).not.toBe('');
    expect(s.text).not.toMatch(/[\r\n]/);
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    prevEnd = s.end;
  }
}

describe('offsets round-trip', () => {
  it('the corpus has articles to check', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it.each(articles)('every sentence and line of %s', (_, text) => {
    const found = sentences(text);
    expect(found.length).toBeGreaterThan(5);
    expectWellFormed(text, found);
    expectWellFormed(text, lines(text));
  });

  it.each([
    [
      'CRLF line ends',
      'Headline here\r\nFirst sentence. Second one.\r\n',
      ['Headline here', 'First sentence.', 'Second one.'],
    ],
    ['lines without full stop', 'no full stop\nLast line', ['no full stop', 'Last line']],
    [
      'leading and trailing spaces',
      '  leading and trailing  \n\n\t indented.  ',
      ['leading and trailing', 'indented.'],
    ],
    ['non-breaking spaces at the edges', '\u00A0 Text with nbsp.\u00A0', ['Text with nbsp.']],
    ['Unicode line separators', 'One line\u2028Another line', ['One line', 'Another line']],
    ['blank text', ' \n \r\n ', []],
  ])('%s', (_, text, expected) => {
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual(expected);
    expectWellFormed(text, found);
  });
});

describe('sentence boundaries', () => {
  it('a headline on its own line is its own sentence', () => {
    const text = 'NATO: Russian offensive no breakthrough so far\nStoltenberg said so in Brussels. He left.';
    expect(sentences(text).map((s) => s.text)).toEqual([
      'NATO: Russian offensive no breakthrough so far',
      'Stoltenberg said so in Brussels.',
      'He left.',
    ]);
  });

  it('splits sentences inside a line', () => {
    expect(sentences('"They have tried." He said so.').map((s) => s.text)).toEqual([
      '"They have tried."',
      'He said so.',
    ]);
  });

  it.each([
    ['He left. ”', 'He left. ”'],
    ['He left. "', 'He left. "'],
    ['He left. ) ', 'He left. )'],
  ])('a lone closing mark is glued to the sentence before it: %j', (text, expected) => {
    const found = sentences(text);
    expect(found.map((s) => s.text)).toEqual([expected]);
    expectWellFormed(text, found);
  });

  it('a closing mark followed by words starts a new sentence', () => {
    expect(sentences('It ended. ” Next one.').map((s) => s.text)).toEqual(['It ended.', '” Next one.']);
  });
});

describe('trimSpan', () => {
  it('trims and keeps offsets', () => {
    const text = 'ab  cd \u00A0ef';
    expect(trimSpan(text, 2, 8)).toEqual({ start: 4, end: 6, text: 'cd' });
  });

  it('returns undefined for blank text', () => {
    expect(trimSpan('a \u00A0\t b', 1, 5)).toBeUndefined();
  });
});
