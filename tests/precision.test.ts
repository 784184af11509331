// The precision rules of the engine, on an invented corpus: short texts match only nearly the same
// text, a match needs shared content words (not a negation, stop words or a lone number), stemming
// coincidences do not count for short texts, "identical" means the same words, and at check time
// containment and clause windows need the two texts to overlap as wholes.
import { describe, expect, it } from 'vitest';
import { alignForScore, bestSimilarity, isEvidence, sameSurface, similarity, type Tokenized } from '../core/align';
import { buildCorpus } from '../core/corpus';
import { MATCH_THRESHOLD, Matcher } from '../core/matcher';
import { tokenize } from '../core/normalize';
import type { ArticleMeta } from '../core/types';
import { compare, sameWords } from '../core/verdict';

const META: ArticleMeta = {
  outlet: 'The Daily X',
  urlIsArticle: false,
  date: '2024-06',
  language: 'en',
  translated: false,
};
const ARTICLES = {
  a_1: [
    'No refunds',
    'The city council voted on Tuesday to raise bus fares by 15 percent from March. This includes students ' +
      'with around 3.4 percent. Officials expect no major delays in the new timetable. The mayor said the ' +
      'budget gap was the largest in a decade. But bakeries needed time to increase their output, from ' +
      'sourdough loaves to bagels and croissants.',
  ].join('\n'),
  b_1: [
    'Fares go up',
    'Bus fares will rise by 15 percent in March after a council vote on Tuesday. The council expects no ' +
      'major delays with the new timetable, officials said. Bakers in the old town are worried about the ' +
      'price of flour.',
  ].join('\n'),
};
const matcher = new Matcher(
  buildCorpus(
    Object.entries(ARTICLES).map(([id, text]) => ({ id, bytes: new TextEncoder().encode(text), meta: META })),
  ),
);

const sentence = (includes: string): Tokenized => {
  const s = matcher.sentences.find((x) => x.text.includes(includes));
  if (!s) throw new Error(`no corpus sentence with "${includes}"`);
  return s;
};
const page = (text: string): Tokenized => ({ text, tokens: tokenize(text) });
const texts = (text: string) => matcher.versions(text).map((v) => `${v.verdict} ${v.score}: ${v.text}`);

describe('a short text matches only nearly the same text', () => {
  it('a two-word headline finds itself, give or take a plural', () => {
    for (const text of ['No refunds.', 'No refund']) {
      const [v] = matcher.versions(text);
      expect(v?.text).toBe('No refunds');
      expect(v?.verdict).toBe('identical');
      expect(v?.score).toBe(1);
    }
  });

  it.each([
    // "refunded" is "refund" only by stemming; a shared "not" is no statement.
    'The shop has not refunded anyone, despite the complaints.',
    // The headline's words, inside a much longer sentence.
    'There were no refunds for the cancelled concert, the organisers said.',
    // One more content word than the headline: not nearly the same text.
    'There are no refunds for tourists.',
    'Not refunded',
  ])('a headline does not match %j', (text) => {
    expect(texts(text)).toEqual([]);
  });

  it('a table cell is not a sentence that holds its number', () => {
    expect(texts('3.4%')).toEqual([]);
    expect(texts('students 3.4%')).toEqual([]);
  });

  it('a short sentence sharing a negation and a word with a long one is no match', () => {
    for (const text of ['Was it not major?', 'Officials did not expect it.', 'It was not so.']) {
      expect(texts(text), text).toEqual([]);
    }
  });

  it('a short text quoted verbatim with enough content still matches', () => {
    const [v] = matcher.versions('raise bus fares by 15 percent');
    expect(v?.text).toContain('The city council voted on Tuesday to raise bus fares');
    expect(v?.verdict).toBe('identical');
  });
});

describe('shared content, not shared function words', () => {
  it('a negation, a stop word or a number is no evidence; a content word is', () => {
    const [not, the, fifteen, fares] = tokenize('not the 15 fares');
    expect([not, the, fifteen, fares].map((t) => isEvidence(t!))).toEqual([false, false, false, true]);
  });

  it('sharing only a negation and a number with a long sentence halves the score', () => {
    const a = page('The striker did not score in 15 minutes of extra time on a wet Sunday evening.');
    const b = sentence('raise bus fares by 15 percent');
    const s = similarity(a.tokens, b.tokens, alignForScore(a.tokens, b.tokens), matcher.weigh);
    expect(s.score).toBeLessThan(MATCH_THRESHOLD / 2);
    expect(texts(a.text)).toEqual([]);
  });

  it('stemming joins inflections, not the same written word', () => {
    const [signs, signed, sign, criticism, critic] = tokenize('signs signed sign criticism critic');
    expect(signs!.key).toBe(signed!.key);
    expect(sameSurface(signs!, signed!)).toBe(false);
    expect(sameSurface(signs!, sign!)).toBe(true);
    expect(criticism!.key).toBe(critic!.key);
    expect(sameSurface(criticism!, critic!)).toBe(false);
    const [russia, russian, two, twoWord] = tokenize('Russia Russian 2 two');
    expect(sameSurface(russia!, russian!)).toBe(true);
    expect(sameSurface(two!, twoWord!)).toBe(true);
  });
});

describe('identical means the same words', () => {
  const cell = tokenize('3.4%');
  const whole = sentence('around 3.4 percent');

  it('a number found inside a sentence is not the same words', () => {
    expect(sameWords(cell, whole.tokens)).toBe(false);
    expect(compare(page('3.4%'), whole, 1).verdict).not.toBe('identical');
    expect(sameWords(tokenize('No refunds'), tokenize('There were no refunds for the concert'))).toBe(false);
    // Names say who, not what: a name with its title inside a sentence is no quotation of it.
    expect(sameWords(tokenize('Mayor Anna Berg'), tokenize('Mayor Anna Berg defended the fare increase.'))).toBe(false);
  });

  it('the same key sequence, or a quoted clause with content, is', () => {
    expect(sameWords(tokenize('No refunds'), tokenize('no refund'))).toBe(true);
    expect(sameWords(tokenize('raise bus fares by 15 percent'), sentence('raise bus fares').tokens)).toBe(true);
  });
});

describe('at check time, containment and clause windows need overlapping wholes', () => {
  it('three shared words inside a long page sentence are not a contained statement', () => {
    const a = page(
      'While we don’t know the details yet, analysts expect major changes to the phone lineup this autumn, ' +
        'with new colours, bigger screens and higher prices.',
    );
    const b = sentence('Officials expect no major delays');
    // Without the rule, containment alone would make this a match.
    expect(bestSimilarity(a, b, matcher.weigh).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(bestSimilarity(a, b, matcher.weigh, { containmentDice: 0.4 }).score).toBeLessThan(MATCH_THRESHOLD);
    expect(texts(a.text)).toEqual([]);
  });

  it('a clause that is a list of nouns does not match a sentence about something else', () => {
    const a = page(
      'City inspectors said the new hygiene rules cover sourdough loaves, croissants and bagels sold at markets.',
    );
    const b = sentence('from sourdough loaves to bagels and croissants');
    // Without the rule, the clause "from sourdough loaves to bagels and croissants" would match.
    expect(bestSimilarity(a, b, matcher.weigh).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(bestSimilarity(a, b, matcher.weigh, { windowCoverage: 0.5 }).score).toBeLessThan(MATCH_THRESHOLD);
    expect(texts(a.text)).toEqual([]);
  });

  it('a rewording still matches', () => {
    const versions = matcher.versions('Bus fares will rise by 15 percent in March.');
    expect(versions.map((v) => v.article).sort()).toEqual(['a_1', 'b_1']);
    const delays = matcher.versions('Officials expect no major delays with the new timetable.');
    expect(delays.map((v) => v.article).sort()).toEqual(['a_1', 'b_1']);
  });
});
