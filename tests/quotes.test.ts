// Quoted ranges: straight, curly, guillemet and doubled-apostrophe quotes, and quotes that cross sentence boundaries.
import { describe, expect, it } from 'vitest';
import { quotedRanges } from '../core/quotes';

const quoted = (text: string) => quotedRanges(text).map((r) => text.slice(r.start, r.end));

describe('quotedRanges', () => {
  it.each([
    ['straight double quotes', 'He said "it is over" today.', ['it is over']],
    ['curly double quotes', 'He said “it is over” today.', ['it is over']],
    ['guillemets', 'He said «it is over» today.', ['it is over']],
    ['doubled apostrophes', "He said ''it is over'' today.", ['it is over']],
    [
      'straight opener closed by doubled apostrophes',
      "\"I expect the US to remain a solid ally,'' Stoltenberg said.",
      ['I expect the US to remain a solid ally,'],
    ],
    ['two quotes in one sentence', '“One,” he said, “two.”', ['One,', 'two.']],
    ['opened in a previous sentence (straight closer only)', 'It is over," he said.', ['It is over,']],
    ['opened in a previous sentence (curly closer only)', 'It is over” he said.', ['It is over']],
    ['running to the end (straight)', 'He said: "It is over and', ['It is over and']],
    ['running to the end (curly)', 'He said: “It is over and', ['It is over and']],
    ['no quotes', 'No quotes here.', []],
    ['apostrophes are not quotes', "Trump's criticism isn't new.", []],
    ['empty quotes', 'He said "" nothing.', []],
    ['quotes around punctuation only', 'He said “…” and left.', []],
  ])('%s', (_, text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it('ranges are relative to the text and in order', () => {
    const text = 'A “b c” d “e f” g';
    expect(quotedRanges(text)).toEqual([
      { start: 3, end: 6 },
      { start: 11, end: 14 },
    ]);
  });
});
