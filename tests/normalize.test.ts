// Tokenisation and comparison keys: which spellings compare equal, which do not, and token offsets.
import { describe, expect, it } from 'vitest';
import { comparisonString, foldCharacters, isStopword, tokenize } from '../core/normalize';

const keys = (text: string) => tokenize(text).map((t) => t.key);

describe('equivalent spellings compare equal', () => {
  it.each([
    ['curly vs straight double quotes', 'He said “no” today', 'He said "no" today'],
    ['curly vs straight apostrophe', 'Trump’s criticism', "Trump's criticism"],
    ['en and em dashes vs hyphens', 'spring – and summer — again', 'spring - and summer - again'],
    ['dash inside a compound', 'long–term aid', 'long-term aid'],
    ['soft hyphen inside a word', 'in\u00ADcrease the pressure', 'increase the pressure'],
    ['non-breaking space', 'NATO\u00A0ally', 'NATO ally'],
    ['case', 'NATO Ally', 'nato ally'],
    ['diacritics', 'naïve', 'naive'],
    ['NFKC full-width digits', '２３ states', '23 states'],
    ['NFKC full-width letters', 'ＮＡＴＯ', 'NATO'],
    ['number word two', 'two allies', '2 allies'],
    ['number word ten', 'ten years', '10 years'],
    ['hyphenated number words', 'twenty-three members', '23 members'],
    ['percent vs %', '2 percent', '2 %'],
    ['per cent vs %', '2 per cent', '2%'],
    ['percent vs per cent', 'two percent', 'two per cent'],
    ['day-month vs month-day', '10 May', 'May 10'],
    ['ordinal date', 'the 10th of May', 'the May 10th'],
    ['British vs American spelling', 'defence', 'defense'],
    ['-ise vs -ize', 'organisation', 'organization'],
    ['World War II vs Second World War', 'since World War II', 'since Second World War'],
    ['WWII', 'WWII', 'World War II'],
    ['United States vs US', 'the United States', 'the US'],
    ['US vs USA', 'US', 'USA'],
    ['U.S. vs United States of America', 'U.S.', 'United States of America'],
    ['country and demonym', 'Russia', 'Russian'],
    ['thousands separator', '2,000 troops', '2000 troops'],
    ['contraction vs two words', "doesn't", 'does not'],
    ['cannot vs can not', 'cannot', 'can not'],
  ])('%s', (_, a, b) => {
    expect(comparisonString(a)).toBe(comparisonString(b));
  });

  it('keeps a single key for a multi-word form', () => {
    expect(keys('World War II')).toEqual(['ww2']);
    expect(keys('United States')).toEqual(['usa']);
    expect(keys('twenty-three')).toEqual(['23']);
    expect(keys('per cent')).toEqual(['%']);
  });

  it.each([
    ['23 of the 32', ['23', 'of', 'the', '32']],
    ['23 out of 32', ['23', 'of', '32']],
  ])('"%s" yields the numbers 23 and 32 around "of"', (text, expected) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.key)).toEqual(expected);
    expect(tokens.filter((t) => t.kind === 'number').map((t) => t.key)).toEqual(['23', '32']);
  });
});

describe('different meanings stay different', () => {
  it.each([
    ['23', '24'],
    ['May 10', 'May 11'],
    ['10 May', '10 June'],
    ['2 percent', '2 million'],
    ['Russia', 'Ukraine'],
    ['World War I', 'World War II'],
  ])('%s != %s', (a, b) => {
    expect(comparisonString(a)).not.toBe(comparisonString(b));
  });

  it('reads "May 10" as a date', () => {
    expect(tokenize('on May 10').map((t) => [t.kind, t.key])).toContainEqual(['date', 'date:5-10']);
  });

  it('does not read the verb "may" as a month', () => {
    const tokens = tokenize('You may go');
    expect(tokens.some((t) => t.kind === 'date')).toBe(false);
    expect(tokens.find((t) => t.key === 'may')?.stop).toBe(true);
  });

  it('keeps the pronoun "us" apart from the US', () => {
    expect(comparisonString('they threaten us')).not.toContain('usa');
    expect(comparisonString('they threaten US')).toContain('usa');
  });

  it('only maps capitalised country words ("polish" the verb stays a verb)', () => {
    expect(comparisonString('Polish')).toBe(comparisonString('Poland'));
    expect(comparisonString('polish')).not.toBe(comparisonString('Poland'));
  });
});

describe('negations', () => {
  it.each([
    ["doesn't", 'does'],
    ['don’t', 'do'],
    ["won't", 'will'],
    ["can't", 'can'],
    ['cannot', 'can'],
  ])('"%s" splits into a word and a negation', (text, base) => {
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.key)).toEqual([base, 'not']);
    expect(tokens[1]?.negation).toBe(true);
    expect(tokens[0]?.negation).toBe(false);
  });

  it.each(['not', 'no', 'never', 'without'])('"%s" is a negation and not a stop word', (word) => {
    const [t] = tokenize(word);
    expect(t?.negation).toBe(true);
    expect(t?.stop).toBe(false);
    expect(isStopword(t!.key)).toBe(false);
  });
});

describe('token offsets', () => {
  it.each([
    'Stoltenberg’s “major breakthroughs” – on 1 October, 2.1 per cent.',
    'in\u00ADcrease\u00A0by\u200B ten',
    'U.S. troops won’t leave; 23 out of 32 (71.9%) said: "no"!',
    'Ｎｏ ２３ naïve\r\nline',
    'twenty-three per cent of the 10th of May since World War II',
    'The United States of America and the Second World War',
    '',
    '  — … ',
  ])('every token points at non-empty text, in order: %j', (text) => {
    const tokens = tokenize(text);
    let prev = 0;
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(prev);
      expect(t.end).toBeGreaterThan(t.start);
      expect(t.end).toBeLessThanOrEqual(text.length);
      expect(text.slice(t.start, t.end).trim()).not.toBe('');
      prev = t.start;
    }
  });

  it('maps a merged token to the whole surface phrase', () => {
    const text = 'since World War II, on 10 May';
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(['since', 'World War II', 'on', '10 May']);
  });

  it('splits a contraction into two tokens, each with its own part of the span', () => {
    const text = 'it doesn’t, we cannot';
    const [, does, not, , can, not2] = tokenize(text);
    expect(text.slice(does!.start, does!.end)).toBe('does');
    expect(text.slice(not!.start, not!.end)).toBe('n’t');
    expect(not!.negation).toBe(true);
    expect(text.slice(can!.start, can!.end)).toBe('can');
    expect(text.slice(not2!.start, not2!.end)).toBe('not');
  });
});

describe('foldCharacters', () => {
  it.each([
    ['Naïve', 'naive'],
    ['Trump’s', "trump's"],
    ['in\u00ADcrease', 'increase'],
    ['ﬁnal', 'final'],
    ['２３', '23'],
  ])('%s -> %s', (input, folded) => {
    expect(foldCharacters(input)).toBe(folded);
  });
});
