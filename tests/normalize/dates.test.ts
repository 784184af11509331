// Dates: day and month in either order, only where a month is written as a month.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../core/normalize';
import { compare } from '../../core/verdict';

const dates = (text: string) =>
  tokenize(text)
    .filter((t) => t.kind === 'date')
    .map((t) => t.key);

describe('dates', () => {
  it.each([
    ['on 10 May', ['date:5-10']],
    ['on May 10', ['date:5-10']],
    ['the 10th of May', ['date:5-10']],
    ['October 1st', ['date:10-1']],
    ['on 3 March', ['date:3-3']],
    ['on 1 oct', ['date:10-1']],
    ['1 in 10 may lose their jobs', []],
    ['Prices 10 march higher', []],
    ['You may go', []],
    ['32 members', []],
  ])('%j -> %j', (text, keys) => {
    expect(dates(text)).toEqual(keys);
  });

  it('reads "1 in 10 may lose" as two numbers, so no date conflicts with it', () => {
    const tok = (text: string) => ({ text, tokens: tokenize(text) });
    const c = compare(tok('1 in 10 may lose their jobs.'), tok('One in 10 may lose their jobs.'));
    expect(c.reasons.filter((r) => r.kind === 'date')).toEqual([]);
  });
});
