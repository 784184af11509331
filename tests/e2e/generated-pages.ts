/**
 * Test pages made at test time (too large to keep in the repository, or made from a list the
 * tests also use), and a server that serves them beside the static pages of `pages/`.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PAGES_DIR, startServer, type ServerOptions, type TestServer } from './harness';

/** Sentences of the corpus that the matcher reports (each also used by other e2e pages). */
export const CORPUS = {
  rutte:
    'Stoltenberg will hand over the post of NATO Secretary General to outgoing Dutch Prime Minister Mark Rutte on October 1.',
  breakthroughs:
    'We have no indication or reason to believe that Russia has the capabilities or the strength to make major breakthroughs.',
  target:
    'Currently, 23 of the 32 member countries meet the target of spending two percent of their gross domestic product (GDP) on defense.',
  offensive: 'Moscow launched a new large-scale offensive in northeastern Ukraine on May 10.',
} as const;

/** Text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// Words that no corpus sentence is about, so filler never matches.
const WORDS = (
  'garden soil tomato basil compost autumn river meadow lantern pottery kettle orchard harvest pebble willow ' +
  'bakery cinnamon sparrow canvas violin ferry bicycle quilt teapot marmalade hedgehog porridge chimney ' +
  'gooseberry thimble accordion lighthouse walnut saddle mitten cobbler parsnip'
).split(' ');

/** Deterministic filler sentences ("Garden kettle pebble ... willow."), seeded. */
export function fillerSentences(count: number, seed = 7): string[] {
  let s = seed;
  const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 0x100000000;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 9 + Math.floor(next() * 8);
    const words: string[] = [];
    for (let j = 0; j < n; j++) words.push(WORDS[Math.floor(next() * WORDS.length)]!);
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    out.push(`${words.join(' ')}.`);
  }
  return out;
}

export interface LongPage {
  html: string;
  /** Sentences on the page, the corpus ones included. */
  sentences: number;
  /** Characters of sentence text. */
  chars: number;
  /** The corpus sentences, with the index of the page sentence each one is. */
  corpus: Array<{ text: string; index: number }>;
}

/**
 * A very long article page: `paragraphs` paragraphs of `perParagraph` filler sentences each, with
 * the corpus sentences placed at the given sentence positions; each paragraph's first word is
 * emphasised and its last word a link.
 */
export function longPage(opts: {
  paragraphs: number;
  perParagraph: number;
  corpusAt: Array<{ text: string; index: number }>;
}): LongPage {
  const total = opts.paragraphs * opts.perParagraph;
  const filler = fillerSentences(total);
  for (const c of opts.corpusAt) filler[c.index] = c.text;
  const parts: string[] = [];
  let chars = 0;
  for (let p = 0; p < opts.paragraphs; p++) {
    const sentences = filler.slice(p * opts.perParagraph, (p + 1) * opts.perParagraph);
    const text = sentences.join(' ');
    chars += text.length;
    // Inline elements as news pages have them (they also make restyling the page costlier).
    const html = escapeHtml(text);
    const first = html.indexOf(' ');
    const last = html.lastIndexOf(' ');
    parts.push(
      `<p id="p${p}"><em>${html.slice(0, first)}</em>${html.slice(first, last + 1)}` +
        `<a href="#p${p}">${html.slice(last + 1)}</a></p>`,
    );
    if (p % 50 === 49) parts.push(`<h2>Part ${(p + 1) / 50}</h2>`);
  }
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>The very long read – The Harbour Herald</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="site.css" />
    <script src="integrity.js"></script>
  </head>
  <body>
    <div id="page">
      <header class="site-header"><a class="logo" href="/news.html">The Harbour Herald</a></header>
      <div class="layout single">
        <main>
          <article id="story">
            <h1>The very long read</h1>
            <p class="byline">By Clara Weiss</p>
            <button type="button" id="poke">Save for later</button>
            <input id="field" type="text" value="Your email address" />
            ${parts.join('\n            ')}
          </article>
        </main>
      </div>
      <footer class="site-footer"><p>© 2024 The Harbour Herald.</p></footer>
    </div>
  </body>
</html>
`;
  return { html, sentences: total, chars, corpus: opts.corpusAt };
}

/** A server for the static pages plus `generated` (path → content), from a temporary folder. */
export async function servePages(
  generated: Record<string, string>,
  opts: ServerOptions = {},
): Promise<TestServer & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'quote-check-pages-'));
  await cp(PAGES_DIR, dir, { recursive: true });
  for (const [path, content] of Object.entries(generated)) await writeFile(join(dir, path), content);
  const server = await startServer(dir, opts);
  return {
    ...server,
    dir,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** `sentence` with `insert` put between its words, about halfway. */
export function insertMidway(sentence: string, insert: string): string {
  const words = sentence.split(' ');
  const mid = Math.floor(words.length / 2);
  return [...words.slice(0, mid), insert, ...words.slice(mid)].join(' ');
}

/** Which corpus sentence carries payload `i` on the payload page. */
export const PAYLOAD_CARRIERS = [CORPUS.rutte, CORPUS.breakthroughs, CORPUS.target, CORPUS.offensive] as const;

/**
 * An article whose paragraphs each hold a corpus sentence with one payload inside it, between
 * two filler sentences; the payloads are also in the title and the headline. The page counts in
 * `window.__xss` anything that runs.
 */
export function payloadPage(payloads: readonly string[]): string {
  const filler = fillerSentences(payloads.length * 2, 11);
  const paragraphs = payloads.map((p, i) => {
    const carrier = insertMidway(PAYLOAD_CARRIERS[i % PAYLOAD_CARRIERS.length]!, p);
    return `<p id="x${i}">${escapeHtml(`${filler[2 * i]} ${carrier} ${filler[2 * i + 1]}`)}</p>`;
  });
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(`Briefing ${payloads[0]} – The Harbour Herald`)}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="site.css" />
    <script src="payloads.js"></script>
  </head>
  <body>
    <div id="page">
      <header class="site-header"><a class="logo" href="/news.html">The Harbour Herald</a></header>
      <div class="layout single">
        <main>
          <article id="story">
            <h1>${escapeHtml(`The briefing ${payloads[1]}`)}</h1>
            <p class="byline">By Clara Weiss</p>
            ${paragraphs.join('\n            ')}
          </article>
        </main>
      </div>
    </div>
  </body>
</html>
`;
}
