// A Markdown article's text is what a reader sees: no heading marks, emphasis, link targets,
// images, code blocks or raw HTML; each block a paragraph of its own.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readArticleFile } from '../core/library/read-file';
import { markdownText } from '../core/library/markdown';

describe('markdownText', () => {
  it.each([
    ['# Talks resume in Geneva', 'Talks resume in Geneva'],
    ['Setext heading\n==============', 'Setext heading'],
    ['The *minister* said **no** to [the plan](https://example.org/plan).', 'The minister said no to the plan.'],
    ['A line broken\nin the middle, and a hard  \nbreak.', 'A line broken in the middle, and a hard break.'],
    ['> “We will not move,” she said.\n> Then she left.', '“We will not move,” she said. Then she left.'],
    ['Ships & ports: 5 < 6, `inline code` kept.', 'Ships & ports: 5 < 6, inline code kept.'],
    ['Snake\\_case and \\*stars\\*.', 'Snake_case and *stars*.'],
  ])('%j → %j', (md, text) => {
    expect(markdownText(md)).toBe(text);
  });

  it('gives each block its own paragraph and leaves out images, code blocks, raw HTML and rules', () => {
    const md = [
      '# Headline',
      'First paragraph.',
      '![a photo](photo.jpg)',
      '```\nconst x = 1;\n```',
      '<div class="ad">Advertisement</div>',
      '---',
      '- one item',
      '- another *item*',
      '1. numbered',
      '| Party | Seats |\n|---|---|\n| North | 24 |',
      'Last paragraph.',
    ].join('\n\n');
    expect(markdownText(md).split('\n\n')).toEqual([
      'Headline',
      'First paragraph.',
      'one item',
      'another item',
      'numbered',
      'Party — Seats',
      'North — 24',
      'Last paragraph.',
    ]);
  });
});

describe('readArticleFile', () => {
  const parse = (html: string) => parseHTML(html).document as unknown as Document;
  const bytes = (s: string) => new TextEncoder().encode(s);
  const front = '---\noutlet: Harbour Post\ndate: 2025-03-04\nlanguage: en\n---\n';
  const body = '## The ferry\n\nThe *new* terminal opens in [spring](https://example.org).\n';

  it('reads a .md file as plain text after its front matter', () => {
    const read = readArticleFile('harbour.md', bytes(front + body), parse);
    expect(read.meta).toMatchObject({ outlet: 'Harbour Post', language: 'en' });
    expect(new TextDecoder().decode(read.bytes)).toBe('The ferry\n\nThe new terminal opens in spring.');
  });

  it('leaves a .txt file as it was written', () => {
    const read = readArticleFile('harbour.txt', bytes(front + body), parse);
    expect(new TextDecoder().decode(read.bytes)).toBe(body);
  });
});
