// Numbers and currencies: one key per value, whatever the spelling; the pronoun "one" is no number.
import { describe, expect, it } from 'vitest';
import { canonicalNumber } from '../../core/normalize/numbers';
import { comparisonString, tokenize } from '../../core/normalize';
import { compare } from '../../core/verdict';

const numbers = (text: string) =>
  tokenize(text)
    .filter((t) => t.kind === 'number')
    .map((t) => t.key);
const tok = (text: string) => ({ text, tokens: tokenize(text) });

describe('canonicalNumber', () => {
  it.each([
    ['2,000', '2000'],
    ['1.000.000', '1000000'],
    ['2.1', '2.1'],
    ['2.10', '2.1'],
    ['2,10', '2.1'],
    ['3.0', '3'],
    ['12,500.50', '12500.5'],
    ['23', '23'],
    ['100', '100'],
  ])('%s -> %s', (raw, key) => {
    expect(canonicalNumber(raw)).toBe(key);
  });
});

describe('number keys', () => {
  it.each([
    ['€40bn', ['40000000000']],
    ['40 billion euros', ['40000000000']],
    ['£3.5 bn', ['3500000000']],
    ['$5m', ['5000000']],
    ['5 million dollars', ['5000000']],
    ['€200k', ['200000']],
    ['a 5m wall', ['5']],
    ['twenty-three members', ['23']],
    ['two hundred and five', ['205']],
    ['one million people', ['1000000']],
    ['one year later', ['1']],
    ['one of the 32 allies', ['1', '32']],
    ['1 in 10 may lose', ['1', '10']],
  ])('%s -> %j', (text, keys) => {
    expect(numbers(text)).toEqual(keys);
  });

  it.each([
    'no one expected it',
    'the one who left',
    'one must be careful',
    'one of them said so',
    'every one of them',
  ])('the pronoun in %j is no number', (text) => {
    expect(numbers(text)).toEqual([]);
  });

  it('reads a currency sign and a currency name as the same word', () => {
    expect(tokenize('€').map((t) => t.key)).toEqual(['eur']);
    expect(comparisonString('euros')).toBe(comparisonString('€'));
    expect(comparisonString('dollars')).toBe(comparisonString('$'));
  });
});

describe('no false number conflicts', () => {
  it.each([
    ['The EU pledged €40bn for the fund.', 'The EU pledged 40 billion euros for the fund.'],
    ['The group raised $5m last year.', 'The group raised 5 million dollars last year.'],
    ['Spending rose to 2.10 percent of GDP.', 'Spending rose to 2.1 percent of GDP.'],
    [
      'He is one of those who believe 24 of the 32 member states will pay.',
      'He believes 24 of the 32 member states will pay.',
    ],
  ])('%j vs %j', (a, b) => {
    const c = compare(tok(a), tok(b));
    expect(c.reasons.filter((r) => r.kind === 'number')).toEqual([]);
    expect(c.verdict).not.toBe('conflicting');
  });

  it('still reports a number that differs', () => {
    const c = compare(tok('The EU pledged €40bn for the fund.'), tok('The EU pledged 50 billion euros for the fund.'));
    expect(c.verdict).toBe('conflicting');
    expect(c.reasons.some((r) => r.kind === 'number')).toBe(true);
  });
});
