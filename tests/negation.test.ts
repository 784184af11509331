// Negations in verdicts: a version is conflicting when one side negates the shared statement and
// the other does not, read at the aligned words or, when they hold no negation, in the clause
// before them; compared at any match score, not only between close versions.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../core/normalize';
import { compare } from '../core/verdict';

const tok = (text: string) => ({ text, tokens: tokenize(text) });
/** A loose rewording's score: under the 0.6 from which names are compared. */
const LOOSE = 0.55;

function negationReasons(page: string, version: string, score = LOOSE) {
  return compare(tok(page), tok(version), score).reasons.filter((r) => r.kind === 'negation');
}

describe('negations', () => {
  it('a negation dropped from the clause before the matched words conflicts, at a loose score', () => {
    const c = compare(
      tok('The minister said the factory has the capacity to double its output next year.'),
      tok('"We see no sign that the factory has the capacity to double its output," the minister said.'),
      LOOSE,
    );
    expect(c.verdict).toBe('conflicting');
    expect(c.reasons).toContainEqual({ kind: 'negation', page: '', corpus: 'no' });
  });

  it('a negation added inside the matched words conflicts', () => {
    expect(
      negationReasons(
        'The factory cannot double its output next year.',
        'The factory can double its output next year.',
      ),
    ).toEqual([{ kind: 'negation', page: 'not', corpus: '' }]);
  });

  it('a negation before the matched words on one side and inside them on the other agree', () => {
    // "no sign that it can" and "it cannot": both negate the same statement.
    expect(
      negationReasons(
        'We have no sign that the factory has the capacity to double its output.',
        'The factory does not have the capacity to double its output.',
      ),
    ).toEqual([]);
  });

  it('the nearest negation decides: a negated condition further back does not count', () => {
    expect(
      negationReasons(
        'The official said there is currently no serious risk of flooding in the valley.',
        'He said as long as we do not ignore the warnings there is no serious risk of flooding in the valley.',
      ),
    ).toEqual([]);
  });

  it('a negation in another clause of the sentence is about something else', () => {
    expect(
      negationReasons(
        'The factory will double its output next year.',
        'It was not an easy decision, but the factory will double its output next year.',
      ),
    ).toEqual([]);
  });

  it('a negation in the unmatched part after the shared words does not count', () => {
    expect(
      negationReasons(
        'The factory will double its output next year, the owners said.',
        'The factory will double its output next year, which nobody expected.',
      ),
    ).toEqual([]);
  });

  it('one shared word is no shared statement: no negation conflict', () => {
    // A linked version about another clause of the same statement shares only "spend".
    expect(
      negationReasons(
        'Today 23 of the 32 members spend at least two percent of GDP on the military.',
        'It was directed against allies who do not spend enough, and that has now changed.',
        0.44,
      ),
    ).toEqual([]);
  });

  it('a verbatim part of a negated sentence is the same words, not a dropped negation', () => {
    // A selection of half a quote: the reader chose the words, the page dropped nothing.
    const c = compare(
      tok('the factory has the capacity to double its output'),
      tok('"We see no sign that the factory has the capacity to double its output," the minister said.'),
      0.95,
    );
    expect(c.verdict).toBe('identical');
  });
});
