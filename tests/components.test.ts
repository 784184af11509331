/** Rendering of the shared UI components: diff marks, reason wording, version details, escaping. */
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Diff } from '../components/Diff';
import { Reasons, reasonText } from '../components/Reasons';
import { SentenceItem } from '../components/SentenceItem';
import { VersionItem } from '../components/VersionItem';
import type { Version } from '../core/types';
import { ArticleText } from '../entrypoints/reader/ArticleText';
import { originalHref, textDirective } from '../entrypoints/reader/fragment';

const textOf = (html: string) => html.replace(/<[^>]*>/g, '');
const href = () => 'reader.html?article=a';

const version = (over: Partial<Version> = {}): Version => ({
  article: '002_abc',
  outlet: 'Die Zeitung',
  date: '2024-10-17',
  language: 'de',
  translated: true,
  kind: 'body',
  text: 'He said 23 soldiers died.',
  start: 10,
  end: 35,
  score: 0.9,
  verdict: 'conflicting',
  reasons: [{ kind: 'number', page: '24', corpus: '23' }],
  diff: [
    { op: 'equal', text: 'He said' },
    { op: 'delete', text: '24' },
    { op: 'insert', text: '23' },
    { op: 'equal', text: 'soldiers died.' },
  ],
  ...over,
});

describe('Diff', () => {
  it('marks deletions and insertions with elements and screen-reader labels', () => {
    const html = renderToString(h(Diff, { ops: version().diff, legend: true }));
    expect(html).toMatch(/<del[^>]*><span class="qc-sr">removed: <\/span>24<\/del>/);
    expect(html).toMatch(/<ins[^>]*><span class="qc-sr">added: <\/span>23<\/ins>/);
    expect(textOf(html)).toContain('He said removed: 24 added: 23 soldiers died.');
    expect(textOf(html)).toContain('only on this page');
  });
});

describe('Reasons', () => {
  it('words each kind of reason as a sentence', () => {
    expect(reasonText({ kind: 'number', page: '24', corpus: '23' })).toBe('24 on this page, 23 in this version');
    expect(reasonText({ kind: 'negation', page: 'not', corpus: '' })).toBe('"not" missing in this version');
    expect(reasonText({ kind: 'negation', page: '', corpus: 'not' })).toBe('"not" added in this version');
    const html = renderToString(h(Reasons, { reasons: [{ kind: 'number', page: '24', corpus: '23' }] }));
    expect(textOf(html)).toBe('number: 24 on this page, 23 in this version');
  });
});

describe('VersionItem', () => {
  it('shows origin, translation, attribution and the via outlet', () => {
    const v = version({
      via: '001_x',
      kind: 'pullquote',
      attribution: [
        { op: 'equal', text: 'said' },
        { op: 'delete', text: 'Rutte' },
        { op: 'insert', text: 'Stoltenberg' },
      ],
    });
    const html = renderToString(h(VersionItem, { version: v, contextHref: href, outletOf: () => 'The Daily' }));
    const text = textOf(html);
    expect(text).toContain('translated from de');
    expect(text).toContain('pull quote');
    expect(text).toContain('Attribution differs:');
    expect(text).toContain('found via The Daily');
    expect(html).toContain('target="_blank"');
    expect(html).toContain('rel="noopener"');
    expect(html).toContain('data-verdict="conflicting"');
  });
});

describe('escaping', () => {
  it('renders page text with markup as text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const html = renderToString(
      h(SentenceItem, {
        id: 3,
        text: `Quote ${payload}`,
        versions: [version({ diff: [{ op: 'delete', text: payload }] })],
        contextHref: href,
      }),
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});

describe('reader', () => {
  it('links to a sentence with a text fragment, by its ends when long', () => {
    expect(originalHref('https://a.example/x', 'A well-known fact, said he.')).toBe(
      'https://a.example/x#:~:text=A%20well%2Dknown%20fact%2C%20said%20he.',
    );
    const long =
      'One two three four five and then a great many words in the middle of it all that go on and on and on for far longer than any link needs, six seven eight nine ten.';
    expect(textDirective(long)).toBe(':~:text=One%20two%20three%20four%20five,six%20seven%20eight%20nine%20ten.');
  });

  it('marks the target sentence at its offsets, paragraph by paragraph', () => {
    const text = 'Title\n\nFirst <b>sentence</b>. Second one.\nLast.';
    const start = text.indexOf('Second');
    const html = renderToString(h(ArticleText, { text, target: { start, end: start + 'Second one.'.length } }));
    expect(html.match(/<p>/g)).toHaveLength(3);
    expect(html).toContain('<mark id="target" data-testid="reader-target">Second one.</mark>');
    expect(html).toContain('First &lt;b>sentence&lt;/b>. ');
  });
});

describe('VersionItem across languages', () => {
  it('says which languages, shows the reasons and the version’s words, and no word diff', () => {
    const v = version({ crossLanguage: true, pageLanguage: 'de', diff: [] });
    const html = renderToString(h(VersionItem, { version: v, contextHref: href }));
    const text = textOf(html);
    expect(text).toContain('de → en');
    expect(text).toContain('the page is in German, this version in English');
    expect(text).toContain('He said 23 soldiers died.');
    expect(html).toContain('lang="en"');
    expect(html).not.toContain('qc-diff');
    expect(text).toMatch(/24/); // the reason still names the page's number
  });

  it('keeps the word diff for a version in the page’s language', () => {
    const html = renderToString(h(VersionItem, { version: version(), contextHref: href }));
    expect(html).toContain('qc-diff');
    expect(textOf(html)).not.toContain('Across languages');
  });
});
