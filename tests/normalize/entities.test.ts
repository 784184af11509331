// Names written several ways share one key; different names do not.
import { describe, expect, it } from 'vitest';
import { comparisonString, tokenize } from '../../core/normalize';

describe('entities', () => {
  it.each([
    ['World War II', 'ww2'],
    ['the Second World War', 'the ww2'],
    ['WWI', 'ww1'],
    ['United States of America', 'usa'],
    ['U.S.', 'usa'],
    ['US', 'usa'],
    ['2 per cent', '2 %'],
    ['2 pct', '2 %'],
    ['Russians', 'country:ru'],
    ['Ukrainian', 'country:ua'],
  ])('%j -> %j', (text, key) => {
    expect(comparisonString(text)).toBe(key);
  });

  it('keeps the pronoun "us" and the verb "polish" as words', () => {
    expect(comparisonString('tell us')).not.toContain('usa');
    expect(tokenize('polish the floor')[0]!.key).not.toMatch(/^country:/);
  });
});
