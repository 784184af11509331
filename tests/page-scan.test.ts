// @vitest-environment happy-dom
// The page's sentences: the article's blocks, cut into sentences with offsets into each block.
import { beforeEach, describe, expect, it } from 'vitest';
import { slicer } from '../lib/page/blocks';
import { MAX_SEGMENT_CHARS } from '../lib/protocol';
import { blockSentences, scanPage, segmentHere, segmentIn, signatureOf } from '../lib/page/scan';

const FILLER =
  'The committee heard evidence from officials over several long sessions in the spring, and its members ' +
  'asked detailed questions about the budget, the schedule and the contracts signed in the previous year.';

const slices = () => slicer(8, () => Promise.resolve());

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('scanPage', () => {
  it('reads the article’s sentences in page order, with offsets into their blocks', async () => {
    document.body.innerHTML =
      `<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Talks resume</h1>` +
      `<p>First point. ${FILLER}</p><p>${FILLER}</p><p>${FILLER}</p><p>${FILLER}</p></article>` +
      '<footer><p>Copyright. All rights reserved.</p></footer>';
    const { isArticle, sentences } = await scanPage(document, { force: false, slices: slices() });
    expect(isArticle).toBe(true);
    expect(sentences.map((s) => s.id)).toEqual(sentences.map((_, i) => i));
    expect(sentences.map((s) => s.text)).toContain('First point.');
    expect(sentences.some((s) => s.text.includes('Copyright'))).toBe(false);
    for (const s of sentences) expect(s.block.text.slice(s.start, s.end)).toBe(s.text);
  });

  it('reads nothing of a page that is not an article unless forced', async () => {
    document.body.innerHTML = '<div><p>One short line.</p></div>';
    expect(await scanPage(document, { force: false, slices: slices() })).toEqual({ isArticle: false, sentences: [] });
    const forced = await scanPage(document, { force: true, slices: slices() });
    expect(forced.isArticle).toBe(true);
    expect(forced.sentences.map((s) => s.text)).toEqual(['One short line.']);
  });

  it('leaves out the extension’s own elements', async () => {
    document.body.innerHTML = '<div><p>The page’s text.</p></div><div id="own"><p>The card’s text.</p></div>';
    const own = document.getElementById('own')!;
    const { sentences } = await scanPage(document, {
      force: true,
      exclude: (el) => own.contains(el),
      slices: slices(),
    });
    expect(sentences.map((s) => s.text)).toEqual(['The page’s text.']);
  });
});

describe('blockSentences', () => {
  it('treats line breaks inside a block as spaces, and stops at the most sentences', async () => {
    document.body.innerHTML = '<p>One line\ngoes on. Two. Three.</p><p>Four.</p>';
    const blocks = [...document.querySelectorAll('p')].map((el) => {
      const node = el.firstChild as Text;
      return { el, text: node.data, segments: [{ node, start: 0, end: node.data.length }], inArticle: false };
    });
    const all = await blockSentences(blocks);
    expect(all.map((s) => s.text)).toEqual(['One line goes on.', 'Two.', 'Three.', 'Four.']);
    expect(all[0]!.block.text.slice(all[0]!.start, all[0]!.end)).toBe('One line\ngoes on.');
    expect((await blockSentences(blocks, undefined, 2)).map((s) => s.text)).toEqual(['One line goes on.', 'Two.']);
    expect(signatureOf(all)).toBe('One line goes on.\nTwo.\nThree.\nFour.');
  });
});

describe('the sentence split asked of the background', () => {
  const blocksOf = () =>
    [...document.querySelectorAll('p')].map((el) => {
      const node = el.firstChild as Text;
      return { el, text: node.data, segments: [{ node, start: 0, end: node.data.length }] };
    });

  it('gives the same sentences as the split done here, asking once per batch', async () => {
    document.body.innerHTML = '<p>One line\ngoes on. Two.</p><p>Three. “Four,” he said.</p>';
    const asked: string[][] = [];
    const send = (async (m: { type: string; texts: string[] }) => {
      expect(m.type).toBe('page:segment');
      asked.push(m.texts);
      return { spans: await segmentHere(m.texts) };
    }) as unknown as typeof import('../lib/connector').send;
    const there = await blockSentences(blocksOf(), undefined, 100, segmentIn(send));
    const here = await blockSentences(blocksOf());
    expect(there).toEqual(here);
    expect(asked).toEqual([['One line goes on. Two.', 'Three. “Four,” he said.']]);
  });

  it('sends at most MAX_SEGMENT_CHARS of text a message, in page order', async () => {
    const long = 'Word after word goes on. '.repeat(5000);
    document.body.innerHTML = `<p>${long}</p><p>${long}</p><p>Last one.</p>`;
    const sizes: number[] = [];
    const segment = async (texts: string[]) => {
      sizes.push(texts.reduce((n, t) => n + t.length, 0));
      return segmentHere(texts);
    };
    const out = await blockSentences(blocksOf(), undefined, 100_000, segment);
    expect(sizes.length).toBeGreaterThan(1);
    for (const n of sizes) expect(n).toBeLessThanOrEqual(MAX_SEGMENT_CHARS);
    expect(out.at(-1)!.text).toBe('Last one.');
    expect(out).toEqual(await blockSentences(blocksOf(), undefined, 100_000));
    expect(out.map((s) => s.id)).toEqual(out.map((_, i) => i));
  });
});
