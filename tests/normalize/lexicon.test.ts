// The lexicon: spelling variants, stop words, negations, titles.
import { describe, expect, it } from 'vitest';
import { isStopword, tokenize } from '../../core/normalize';
import { spellingVariant } from '../../core/normalize/lexicon';

describe('lexicon', () => {
  it.each([
    ['defence', 'defense'],
    ['organisation', 'organization'],
    ['mobilised', 'mobilized'],
    ['promised', 'promised'],
    ['advised', 'advised'],
    ['grey', 'gray'],
  ])('spelling %s -> %s', (w, v) => {
    expect(spellingVariant(w)).toBe(v);
  });

  it('keeps negations apart from stop words', () => {
    expect(isStopword('the')).toBe(true);
    expect(isStopword('said')).toBe(true);
    expect(isStopword('not')).toBe(false);
    expect(tokenize('never').map((t) => [t.key, t.negation])).toEqual([['not', true]]);
  });

  it('marks words of office as titles and names', () => {
    const [t] = tokenize('secretary');
    expect(t).toMatchObject({ title: true, name: true });
  });
});
