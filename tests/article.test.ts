/** The article decision (core/article.ts) on small invented pages, parsed with linkedom. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockLine, isProsePre, readArticle, readArticleSync, type Slicer } from '../core/article';
import { readPage } from '../scripts/lib/read-page';

const doc = (body: string) =>
  parseHTML(`<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`)
    .document as unknown as Document;
const lines = (body: string, force = false) => {
  const r = readArticleSync(doc(body), { force });
  return { isArticle: r.isArticle, lines: r.blocks.map(blockLine) };
};

const para = (n: number, topic = 'harbour') =>
  `The ${topic} committee met on Tuesday, for the ${n}th time this year, and agreed, after a long debate, ` +
  `that the new ferry timetable would start in the spring, when the weather allows longer crossings.`;

const story = (n = 6) => Array.from({ length: n }, (_, i) => `<p>${para(i + 1)}</p>`).join('\n');

describe('readArticle', () => {
  it('keeps the story and drops navigation, sidebar, comments and footer', () => {
    const r = lines(`
      <header class="site-header"><a href="/">The Herald</a><ul class="menu"><li><a href="/a">World</a></li><li><a href="/b">Sport</a></li></ul></header>
      <nav><a href="/x">Home</a> <a href="/y">News</a></nav>
      <div class="layout">
        <article class="story"><h1>Ferry timetable agreed</h1>${story()}</article>
        <div class="sidebar"><h3>Most read</h3><p>${para(9, 'sidebar')}</p></div>
      </div>
      <section id="comments" class="comments"><p>Great article, I read it twice, and I agree with every word, really, thanks.</p></section>
      <footer><p>All rights reserved, The Herald, 2024.</p></footer>`);
    expect(r.isArticle).toBe(true);
    expect(r.lines[0]).toBe('Ferry timetable agreed');
    expect(r.lines).toHaveLength(7);
    expect(r.lines.join('\n')).not.toMatch(/Most read|sidebar committee|Great article|All rights|World|Home/);
  });

  it('reads paragraphs written as divs and text between line breaks', () => {
    const r = lines(`<div id="content"><div>${para(1)}</div><div>${para(2)}</div><div>${para(3)}<br><br>${para(4)}</div>
      <div>${para(5)}</div></div><div class="promo"><a href="/s">Subscribe now</a></div>`);
    expect(r.isArticle).toBe(true);
    expect(r.lines).toEqual([para(1), para(2), para(3), para(4), para(5)]);
  });

  it('reads the text of a container beside its paragraphs, in document order', () => {
    const r = lines(
      `<div class="post-body">${para(1)}<p>${para(2)}</p>${para(3)} <em>really</em> so.<p>${para(4)}</p></div>`,
    );
    expect(r.lines).toEqual([para(1), para(2), `${para(3)} really so.`, para(4)]);
  });

  it('reads table cells, skips link lists and inline code', () => {
    const r = lines(`<main><h2>Results</h2>${story(4)}
      <table><tr><td>${para(7)}</td><td>14 May 2024</td></tr></table>
      <p>Run <code>make ferry</code> to print the timetable, as the harbour office explained on Monday.</p>
      <ul class="links"><li><a href="/1">One story</a></li><li><a href="/2">Another story</a></li><li><a href="/3">A third story</a></li></ul></main>`);
    expect(r.lines).toContain(para(7));
    expect(r.lines).toContain('14 May 2024');
    expect(r.lines).toContain('Run to print the timetable, as the harbour office explained on Monday.');
    expect(r.lines.join('\n')).not.toMatch(/One story|make ferry/);
  });

  it('reads prose in <pre> and never code', () => {
    const prose = `<pre>${para(1).replace(/, /g, ',\n')}\n\n${para(2)}</pre>`;
    const code = '<pre>function ferry(t) {\n  return t.map((x) => x * 2);\n}</pre>';
    const wrapped = `<pre><code>${para(3)} ${para(4)}</code></pre>`;
    const d = doc(`${prose}${code}${wrapped}`);
    const pres = [...d.querySelectorAll('pre')];
    expect(pres.map(isProsePre)).toEqual([true, false, false]);
    const r = lines(`<div class="entry">${story(2)}${prose}${code}${wrapped}</div>`);
    expect(r.lines).toContain(`${para(1)} ${para(2)}`);
    expect(r.lines.join('\n')).not.toMatch(/function|committee met on Tuesday, for the 3th/);
  });

  it('skips hidden, editable and form-control text', () => {
    const r =
      lines(`<article>${story(4)}<p hidden>${para(8, 'hidden')}</p><p style="display: none">${para(8, 'styled')}</p>
      <div aria-hidden="true"><p>${para(8, 'aria')}</p></div><div contenteditable><p>${para(8, 'draft')}</p></div>
      <textarea>${para(8, 'typed')}</textarea><button>Send it to the harbour desk now</button></article>`);
    expect(r.lines).toHaveLength(4);
    expect(r.lines.join('\n')).not.toMatch(/hidden|styled|aria|draft|typed|Send/);
  });

  it('says a page of links is not an article, and reads its text only when asked', () => {
    const body = `<ul>${Array.from({ length: 20 }, (_, i) => `<li><a href="/${i}">Story number ${i}</a></li>`).join('')}</ul><p>Welcome.</p>`;
    expect(lines(body)).toEqual({ isArticle: false, lines: [] });
    const forced = lines(body, true);
    expect(forced.isArticle).toBe(false);
    expect(forced.lines.length).toBeGreaterThan(0);
  });

  it('falls back when the whole page sits in a container with an unlikely hint', () => {
    const r = lines(`<div class="page-wrapper below-header-ad"><div class="body">${story()}</div></div>`);
    expect(r.isArticle).toBe(true);
    expect(r.lines).toHaveLength(6);
  });

  it('leaves out an element the caller excludes', () => {
    const d = doc(`<article>${story(4)}<div id="ui"><p>${para(1, 'extension')}</p></div></article>`);
    const ui = d.getElementById('ui')!;
    const r = readArticleSync(d, { exclude: (el) => el === ui });
    expect(r.blocks.map(blockLine).join('\n')).not.toMatch(/extension/);
  });

  it('keeps the map from text back to the text nodes', () => {
    const d = doc(
      `<article>${story(3)}<p id="x">One <b>bold</b> claim, said the mayor, was made on the harbour front today.</p></article>`,
    );
    const block = readArticleSync(d).blocks.find((b) => b.el.id === 'x')!;
    expect(block.text).toBe('One bold claim, said the mayor, was made on the harbour front today.');
    expect(block.segments.map((s) => [s.node.data, s.start, s.end])).toEqual([
      ['One ', 0, 4],
      ['bold', 4, 8],
      [' claim, said the mayor, was made on the harbour front today.', 8, 68],
    ]);
  });

  it('gives the same answer in slices as in one go', async () => {
    const body = `<div class="main">${story(20)}</div><aside>${story(2)}</aside>`;
    let pauses = 0;
    let n = 0;
    const slices: Slicer = { due: () => ++n % 7 === 0, pause: () => (pauses++, Promise.resolve()) };
    const sliced = await readArticle(doc(body), { slices });
    expect(pauses).toBeGreaterThan(3);
    expect(sliced.blocks.map(blockLine)).toEqual(readArticleSync(doc(body)).blocks.map(blockLine));
  });

  it('reads a table the same with or without the <tbody> a browser adds', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `<tr><td>${para(i + 1)}</td></tr>`).join('');
    const bare = lines(`<div class="nav">x</div><table>${rows(6)}</table><div><p>${para(9, 'other')}</p></div>`);
    const sectioned = lines(
      `<div class="nav">x</div><table><tbody>${rows(6)}</tbody></table><div><p>${para(9, 'other')}</p></div>`,
    );
    expect(bare.lines.length).toBeGreaterThan(0);
    expect(sectioned).toEqual(bare);
  });
});

describe('readPage (the check command)', () => {
  it('prints the article one block a line, also when text comes before the doctype', () => {
    const dir = mkdtempSync(join(tmpdir(), 'article-'));
    const file = join(dir, 'page.html');
    writeFileSync(
      file,
      `<br> <b>Warning</b>: session_start() failed<br>\n<!doctype html><html><head><title>t</title></head>` +
        `<body><nav><a href="/">Home</a></nav><article><h1>Ferry timetable agreed</h1>${story(4)}</article></body></html>`,
    );
    expect(readPage(file).split('\n')).toEqual(['Ferry timetable agreed', para(1), para(2), para(3), para(4)]);
  });
});
