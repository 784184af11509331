// Matching and verdicts over the real corpus: versions found, identical/reworded/conflicting with reasons, and diffs.
import { describe, expect, it } from 'vitest';
import { Matcher } from '../core/matcher';
import { tokenize } from '../core/normalize';
import type { Version } from '../core/types';
import { compare, sameWords } from '../core/verdict';
import { loadCorpus } from '../scripts/lib/load-corpus';

const matcher = new Matcher(loadCorpus());
const QUOTE =
  'We have no indication or reason to believe that Russia has the capabilities or the strength to make major breakthroughs.';
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

function sentenceOf(article: string, includes: string): string {
  const s = matcher.sentences.find((x) => x.article.id === article && x.text.includes(includes));
  if (!s) throw new Error(`no sentence with "${includes}" in ${article}`);
  return s.text;
}
const MEMBERS = sentenceOf('001_a3d80e40c71e1304', '23 of the 32 member states now meet');
const RUTTE = sentenceOf('001_a3d80e40c71e1304', 'Mark Rutte on October 1');
const TRUMP = sentenceOf(
  '001_a3d80e40c71e1304',
  'Former President Trump’s criticism was not primarily directed against NATO',
);

function versionIn(text: string, article: string, includes: string): Version {
  const v = matcher.versions(text).find((x) => x.article === article && x.text.includes(includes));
  expect(v, `a version in ${article} with "${includes}"`).toBeDefined();
  return v!;
}

describe('finding versions', () => {
  it('finds the quote in the three articles that report it', () => {
    const versions = matcher.versions(QUOTE);
    const breakthroughs = versions.filter((v) => v.text.includes('to believe that Russia has the capabilities'));
    expect(new Set(breakthroughs.map((v) => v.article))).toEqual(
      new Set(['000_fb607a1be5cd114a', '001_a3d80e40c71e1304', '002_7b03f4becdd2075e']),
    );
    expect(versionIn(QUOTE, '000_fb607a1be5cd114a', 'indication or reason').verdict).toBe('identical');
    expect(versionIn(QUOTE, '001_a3d80e40c71e1304', 'indications or reasons').verdict).toBe('reworded');
  });

  it('matches every corpus sentence to itself as identical', () => {
    for (const s of matcher.sentences) {
      const self = matcher.versions(s.text).find((v) => v.article === s.article.id && v.start === s.sentence.start);
      expect(self?.verdict, s.text).toBe('identical');
      expect(self?.reasons).toEqual([]);
    }
  });

  it.each([
    [
      'half of a quote',
      'Russia has the capabilities or the strength to make major breakthroughs',
      '000_fb607a1be5cd114a',
    ],
    [
      'the start of a quote',
      'no indication or reason to believe that Russia has the capabilities',
      '000_fb607a1be5cd114a',
    ],
    [
      'the start of a quote, other outlet',
      'no indication or reason to believe that Russia has the capabilities',
      '001_a3d80e40c71e1304',
    ],
  ])('a selection (%s) still finds the full sentence', (_, selection, article) => {
    const v = versionIn(selection, article, 'to make major breakthroughs');
    expect(v.text.length).toBeGreaterThan(selection.length);
    expect(v.verdict).toBe('identical');
  });

  it.each(['Subscribe to our newsletter', 'The weather in Lisbon was sunny on Sunday.', '', '“ ”'])(
    'finds nothing for %j',
    (text) => {
      expect(matcher.versions(text)).toEqual([]);
    },
  );

  it('check() returns the sentences of a text with their offsets', () => {
    const text = `Intro line\n${QUOTE} The weather in Lisbon was sunny on Sunday.`;
    const result = matcher.check(text);
    expect(result.sentences.map((s) => text.slice(s.start, s.end))).toEqual(result.sentences.map((s) => s.text));
    expect(result.sentences.map((s) => s.versions.length > 0)).toEqual([false, true, false]);
  });
});

describe('conflicting details', () => {
  it('a changed number', () => {
    const page = MEMBERS.replace('23 of the 32', '24 of the 32');
    const v = versionIn(page, '001_a3d80e40c71e1304', '23 of the 32');
    expect(v.verdict).toBe('conflicting');
    expect(v.reasons).toContainEqual({ kind: 'number', page: '24', corpus: '23' });
  });

  it('a changed date', () => {
    const v = versionIn(RUTTE.replace('October 1', 'October 2'), '001_a3d80e40c71e1304', 'Mark Rutte');
    expect(v.verdict).toBe('conflicting');
    expect(v.reasons).toContainEqual({ kind: 'date', page: 'October 2', corpus: 'October 1' });
  });

  it('a dropped negation', () => {
    const v = versionIn(
      TRUMP.replace('was not primarily', 'was primarily'),
      '001_a3d80e40c71e1304',
      'Trump’s criticism',
    );
    expect(v.verdict).toBe('conflicting');
    expect(v.reasons).toContainEqual({ kind: 'negation', page: '', corpus: 'not' });
  });

  it('a swapped name', () => {
    const v = versionIn(RUTTE.replace('Mark Rutte', 'Mark Smith'), '001_a3d80e40c71e1304', 'Mark Rutte');
    expect(v.verdict).toBe('conflicting');
    expect(v.reasons).toContainEqual({ kind: 'name', page: 'Smith', corpus: 'Rutte' });
  });

  it('the unchanged sentences do not conflict', () => {
    for (const text of [MEMBERS, RUTTE, TRUMP]) {
      expect(versionIn(text, '001_a3d80e40c71e1304', text).verdict).toBe('identical');
    }
  });
});

describe('diffs', () => {
  const pages = [
    QUOTE,
    'We have no indication or reason to believe that Russia has the capability or the power to make big breakthroughs.',
    RUTTE.replace('Mark Rutte', 'Mark Smith'),
    'Russia has the capabilities or the strength to make major breakthroughs',
  ];

  it.each(pages)('equal + insert cover the version, delete only the page: %j', (page) => {
    const versions = matcher.versions(page);
    expect(versions.length).toBeGreaterThan(0);
    const pageWords = new Set(words(page));
    for (const v of versions) {
      const shown = new Set(
        words(
          v.diff
            .filter((o) => o.op !== 'delete')
            .map((o) => o.text)
            .join(' '),
        ),
      );
      expect(words(v.text).filter((w) => !shown.has(w))).toEqual([]);
      const deleted = words(
        v.diff
          .filter((o) => o.op === 'delete')
          .map((o) => o.text)
          .join(' '),
      );
      expect(deleted.filter((w) => !pageWords.has(w))).toEqual([]);
      expect(v.diff.every((o) => o.text.trim() !== '')).toBe(true);
    }
  });

  it('shows a changed number as a delete and an insert', () => {
    const v = versionIn(MEMBERS.replace('23 of the 32', '24 of the 32'), '001_a3d80e40c71e1304', '23 of the 32');
    expect(v.diff).toContainEqual({ op: 'delete', text: '24' });
    expect(v.diff).toContainEqual({ op: 'insert', text: '23' });
  });
});

describe('compare and sameWords', () => {
  const T = (text: string) => ({ text, tokens: tokenize(text) });

  it.each([
    ['He said “no” to 2 percent.', 'He said "no" to two per cent.', 'identical'],
    ['Russia will not win.', 'Russia won’t win.', 'identical'],
    ['Russia will not win in Ukraine.', 'Russia cannot win in Ukraine.', 'reworded'],
    ['Russia will not win.', 'Russia will win.', 'conflicting'],
  ])('%j vs %j is %s', (a, b, verdict) => {
    expect(compare(T(a), T(b)).verdict).toBe(verdict);
  });

  it('compares the quoted words and diffs the attribution', () => {
    const c = compare(
      T('“We have no reason to believe Russia can make breakthroughs,” Stoltenberg said in Brussels.'),
      T('“We have no reason to believe Russia can make breakthroughs,” Stoltenberg told AFP.'),
    );
    expect(c.verdict).toBe('identical');
    expect(c.attribution?.some((o) => o.op === 'delete' && o.text.includes('Brussels'))).toBe(true);
    expect(c.attribution?.some((o) => o.op === 'insert' && o.text.includes('AFP'))).toBe(true);
  });

  it('flags a different speaker of the same quote', () => {
    const c = compare(
      T('“We have no reason to believe Russia can make breakthroughs,” Stoltenberg said.'),
      T('“We have no reason to believe Russia can make breakthroughs,” Rutte said.'),
    );
    expect(c.verdict).toBe('conflicting');
    expect(c.reasons).toEqual([{ kind: 'name', page: 'Stoltenberg', corpus: 'Rutte' }]);
  });

  it('sameWords: equal key sequences, or a contained one that carries a statement; never empty ones', () => {
    expect(sameWords(tokenize('the Russian army'), tokenize('The Russia army'))).toBe(true);
    expect(sameWords(tokenize('the Russian army advanced'), tokenize('he said the Russian army advanced'))).toBe(true);
    // Two words, or a number, inside a longer text are not the same words as that text.
    expect(sameWords(tokenize('Russian army'), tokenize('the Russian army said'))).toBe(false);
    expect(sameWords(tokenize('2.1%'), tokenize('This includes Spain with around 2.1 percent.'))).toBe(false);
    expect(sameWords(tokenize('Russian navy'), tokenize('the Russian army'))).toBe(false);
    expect(sameWords(tokenize(''), tokenize('army'))).toBe(false);
  });
});

describe('fixes found in review', () => {
  const tok = (text: string) => ({ text, tokens: tokenize(text) });
  it('a plural demonym is the same name as the singular', () => {
    const c = compare(
      tok('The Ukrainian soldiers have been able to hold the front line.'),
      tok('The Ukrainians have been able to hold the front line.'),
    );
    expect(c.verdict).toBe('reworded');
  });
  it('shows a contraction once in the diff', () => {
    const { diff } = compare(tok('He did not go home.'), tok('He doesn’t go home.'));
    const shown = diff.map((d) => d.text).join(' ');
    expect(shown.match(/doesn’t|does/g)).toHaveLength(1);
  });
  it('keeps "out of" in the diff', () => {
    const { diff } = compare(tok('Now 24 of 32 members spend enough.'), tok('Now 23 out of 32 members spend enough.'));
    expect(diff.map((d) => d.text).join(' ')).toContain('out of');
  });
});

describe('fixes found in the second review', () => {
  const tok = (text: string) => ({ text, tokens: tokenize(text) });
  it('does not take a place after "said in" for a speaker', () => {
    const c = compare(
      tok('"They tried again this spring to launch an offensive," Stoltenberg told the AFP news agency in Brussels.'),
      tok('"They tried again this spring to launch an offensive," he said in Brussels.'),
    );
    expect(c.reasons.filter((r) => r.kind === 'name')).toEqual([]);
  });
  it('still sees a quote put in another speaker’s mouth', () => {
    const c = compare(
      tok('"We have no reason to believe that Russia can make major breakthroughs," Trump said.'),
      tok('"We have no reason to believe that Russia can make major breakthroughs," Stoltenberg said.'),
    );
    expect(c.reasons).toContainEqual({ kind: 'name', page: 'Trump', corpus: 'Stoltenberg' });
  });
  it('does not match sentences that share only an attribution and a "does not"', () => {
    const versions = new Matcher(loadCorpus()).versions(
      'According to its outgoing Secretary General Jens Stoltenberg, NATO does not expect any “major breakthroughs” by the Russian armed forces in Ukraine.',
    );
    expect(versions.map((v) => v.text)).not.toContainEqual(expect.stringContaining('the war is ending'));
  });
});
