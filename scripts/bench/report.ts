/** The benchmark's results as readable tables: every figure median [min–max], runs in a column. */
import type { Bytes, Stat } from './measure';
import type { BenchResults, CorpusResult, LinkRun, Recall, ScaleResult } from './types';

/** A number with a precision that suits its size. */
export function num(x: number): string {
  if (!Number.isFinite(x) || x === 0) return String(x);
  const abs = Math.abs(x);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 4;
  return x.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** median [min–max] */
export function fig(s: Stat): string {
  return s.n === 1 || s.min === s.max ? num(s.median) : `${num(s.median)} [${num(s.min)}–${num(s.max)}]`;
}

const int = (x: number) => x.toLocaleString('en');

function bytes(b: number): string {
  if (b >= 1e6) return `${num(b / 1e6)} MB`;
  if (b >= 1e3) return `${num(b / 1e3)} kB`;
  return `${b} B`;
}

const rawGzip = (b: Bytes) => [bytes(b.raw), bytes(b.gzip)];

function recall(r: Recall): string {
  return r.of ? `${r.found}/${r.of} (${Math.round((100 * r.found) / r.of)}%)` : 'n/a';
}

/** A ratio as "1/350" (first one faster) or "2.5×". */
function times(r: number): string {
  return r < 1 ? `1/${num(1 / r)}` : `${num(r)}×`;
}

function corpusName(c: CorpusResult): string {
  return c.bundled ? `bundled (${c.articles})` : `${int(c.articles)} generated`;
}

/** Left-aligned first column, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function linkRow(l: LinkRun): string[] {
  const what = `${int(l.articles)} generated`;
  if (l.status === 'done') return [what, `${num(l.ms)} (1 run)`, int(l.links), `limit ${num(l.limitMs / 1000)} s`];
  if (l.status === 'stopped')
    return [what, `> ${num(l.ms / 1000)} s: stopped`, '—', `limit ${num(l.limitMs / 1000)} s`];
  return [what, 'skipped (too slow)', '—', l.reason];
}

const scaleHeader = [
  'engine',
  'articles',
  'sentences',
  'load ms',
  'heap MB (+typed)',
  'page ms/1,000 sentences',
  'recall (planted)',
  'add one ms',
  'import ms',
];

const ENGINE_NAMES: Record<ScaleResult['engine'], string> = {
  legacy: 'before (tokenised at load)',
  index: 'stored index',
  minisearch: 'MiniSearch + alignment',
};

function scaleRow(s: ScaleResult): string[] {
  const page = s.page;
  // The stored index adds in two steps: matched once indexed, linked after.
  const indexed = s.importIndexedMs !== undefined ? `; matched after ${num(s.importIndexedMs)}` : '';
  const imported =
    s.importStoppedMs !== undefined
      ? `> ${num(s.importStoppedMs / 1000)} s (${int(s.importArticles ?? 0)}): stopped${indexed}`
      : s.importMs !== undefined
        ? `${num(s.importMs)} (${int(s.importArticles ?? 0)})${indexed}`
        : '—';
  return [
    ENGINE_NAMES[s.engine],
    int(s.articles),
    int(s.sentences),
    num(s.loadMs),
    `${num(s.heapMB)} (+${num(s.arrayBuffersMB)})`,
    page ? `${fig(page.msPer1000)}${page.measured < page.sentences ? ` (first ${int(page.measured)})` : ''}` : '—',
    page ? recall(page.recall) : '—',
    s.addMs ? `${fig(s.addMs)}${s.addIndexedMs ? `; matched after ${fig(s.addIndexedMs)}` : ''}` : '—',
    imported,
  ];
}

export function report(r: BenchResults): string {
  const out: string[] = [];
  const m = r.machine;
  const section = (title: string) => out.push('', title);
  out.push(
    `Quote Check benchmark: ${r.mode} run, seed ${r.seed}, ${r.date}, ${num(r.totalSeconds)} s`,
    `Machine: ${m.cpus} × ${m.cpuModel}, ${num(m.memoryGB)} GB, ${m.platform}, Node ${m.node}` +
      (m.chromium ? `, Chromium ${m.chromium}` : ''),
    'Figures: median [min–max] over n runs; times in ms unless marked. Generated corpora carry no cross-article links.',
  );

  const cs = r.corpora;
  if (cs.length) {
    section('Index build: buildArticle for every article + new Matcher (ms)');
    out.push(
      table(
        ['corpus', 'sentences', 'buildArticle', 'new Matcher', 'total', 'n'],
        cs.map((c) => [
          corpusName(c),
          int(c.sentences),
          fig(c.build.articles),
          fig(c.build.matcher),
          fig(c.build.total),
          String(c.build.total.n),
        ]),
      ),
    );

    section('Index size (JSON.stringify of the CorpusData) and memory of the build process');
    out.push(
      table(
        ['corpus', 'JSON raw', 'JSON gzip', 'RSS at start', 'peak RSS', 'heap before', 'heap peak', 'heap retained'],
        cs.map((c) => [
          corpusName(c),
          ...rawGzip(c.indexBytes),
          `${num(c.memory.rssStartMB)} MB`,
          `${num(c.memory.peakRssMB)} MB`,
          `${num(c.memory.heapBeforeMB)} MB`,
          `${num(c.memory.heapPeakMB)} MB`,
          `${num(c.memory.heapRetainedMB)} MB`,
        ]),
      ),
      'peak RSS: the process high-water mark up to the end of the first build (article texts included); heap peak:',
      'sampled every 100 articles and after new Matcher; heap retained: after a full GC, over "heap before".',
    );

    section('Cross-article link build (core/links.ts)');
    const rows: string[][] = [];
    for (const c of cs.filter((x) => x.bundled && x.linkBuildMs)) {
      rows.push([corpusName(c), `${fig(c.linkBuildMs!)} (n=${c.linkBuildMs!.n})`, int(c.links), 'links alone']);
      if (c.fullBuildMs)
        rows.push(['', `${fig(c.fullBuildMs)} (n=${c.fullBuildMs.n})`, '', 'whole buildCorpus (pull quotes, links)']);
    }
    rows.push(...r.links.map(linkRow));
    out.push(table(['corpus', 'ms', 'links', 'note'], rows));

    section('Matching: matcher.versions for every page sentence; floor = tokenize only; fuse = fuse.js per sentence');
    const rowsM: string[][] = [];
    for (const c of cs) {
      const fuseUs = c.baseline.fuseMsMean * 1000;
      for (const p of c.pages) {
        const whole = p.measured === p.sentences;
        rowsM.push([
          corpusName(c),
          int(p.sentences),
          whole ? 'all' : `first ${int(p.measured)}`,
          whole ? fig(p.engineMs) : '—',
          fig(p.engineUsPerSentence),
          fig(p.floorUsPerSentence),
          `${num(p.engineOverFloor.median)}×`,
          times(p.engineUsPerSentence.median / fuseUs),
          recall(p.recall),
          int(p.strayHits),
          String(p.engineMs.n),
        ]);
      }
    }
    out.push(
      table(
        [
          'corpus',
          'page',
          'timed',
          'ms/page',
          'µs/sentence',
          'floor µs/sent.',
          '× floor',
          'engine/fuse',
          'recall',
          'stray',
          'n',
        ],
        rowsM,
      ),
      'recall: planted near-copies (10% of the page) whose source sentence is among the versions; stray: other',
      'sentences with a version. engine/fuse: engine time per sentence over the fuse.js mean per sentence on the',
      'baseline sample below (1/100 = the engine is 100× faster). Passes repeat the same sentences, so any cache in',
      'the engine is warm after the first pass: the max is usually the first pass.',
    );

    section(
      'Baseline: fuse.js over every corpus sentence (ignoreLocation, threshold 0.4), one search per sampled sentence',
    );
    out.push(
      table(
        [
          'corpus',
          'sample',
          'fuse index ms',
          'fuse ms/sentence',
          'engine µs/sentence',
          'engine/fuse (means)',
          'recall fuse',
          'recall engine',
        ],
        cs.map((c) => {
          const b = c.baseline;
          return [
            corpusName(c),
            `${b.queries} of page ${int(b.page)}`,
            num(b.indexMs),
            fig(b.fuseMsPerSentence),
            fig(b.engineUsPerSentence),
            `${times(b.engineOverFuse)} (${num(b.engineUsMean)} µs / ${num(b.fuseMsMean)} ms)`,
            recall(b.fuseRecall),
            recall(b.engineRecall),
          ];
        }),
      ),
      "The sample is the page's first sentences plus its first planted ones; the engine is timed on the same sentences",
      '(median of 3 calls each). Per-sentence columns: median [min–max] over the sampled sentences; engine/fuse: ratio',
      'of the means. fuse.js finds a planted sentence when its source is among its results.',
    );
  }

  if (r.footprint) {
    const f = r.footprint;
    section('Footprint of the built Chrome extension (.output/chrome-mv3)');
    const rows = [
      ['content script, injected into every page (content-scripts/content.js)', ...rawGzip(f.contentScript)],
      ...(f.contentCss ? [['content script CSS (content-scripts/content.css)', ...rawGzip(f.contentCss)]] : []),
      [`popup: ${f.popup.files.map((x) => x.file).join(', ')}`, ...rawGzip(f.popup.total)],
      ['shipped index (corpus.json)', ...rawGzip(f.index)],
    ];
    out.push(table(['file', 'raw', 'gzip'], rows));
    if (f.popup.lazy.length) out.push(`The popup may also load later: ${f.popup.lazy.join(', ')}.`);
    if (f.stale) out.push('NOTE: the build is older than its sources; run "npm run build" for current figures.');
  }

  if (r.browser) {
    const b = r.browser;
    section('In Chromium: the built extension, DOMContentLoaded to highlights applied, and the longest task meanwhile');
    if ('skipped' in b) out.push(`skipped: ${b.skipped}`);
    else {
      out.push(
        table(
          [
            'page',
            'size',
            'to highlights ms',
            'first load',
            'longest task ms',
            'first load',
            'loads with a long task',
            'n',
          ],
          b.pages.map((p) => [
            p.page,
            bytes(p.bytes),
            fig(p.highlightMs),
            num(p.firstLoad.highlightMs),
            fig(p.longestTaskMs),
            num(p.firstLoad.longestTaskMs),
            `${p.loads.filter((l) => l.longTasks > 0).length} of ${p.loads.length}`,
            String(p.loads.length),
          ]),
        ),
        "Long task: over 50 ms on the page's main thread (0 = none). Each load is a fresh tab; on the first one the",
        'background also loads the index.',
      );
    }
  }

  if (r.pagecost) {
    const c = r.pagecost;
    section(
      'Real pages in Chromium, with and without the extension: main-thread tasks from DOMContentLoaded until the check is done',
    );
    if ('skipped' in c) out.push(`skipped: ${c.skipped}`);
    else {
      const n = c.pages.length;
      out.push(
        `${n} pages. Pages with an extension task over 50 ms: ${c.pagesWithExtensionLongTask} of ${n}; the extension's ` +
          `longest task: ${num(c.extensionLongestMs)} ms.`,
        `Pages with any task over 50 ms: ${c.pagesWithLongTask.with} with the extension, ${c.pagesWithLongTask.without} ` +
          `without; total blocking time over all pages: ${num(c.tbtMs.with)} ms with, ${num(c.tbtMs.without)} ms without.`,
        '',
        `The ${c.worst.length} pages with the extension's longest tasks:`,
        table(
          [
            'page',
            'size',
            'done ms',
            'ext longest ms',
            'ext total ms',
            'long tasks with',
            'without',
            'TBT ms with',
            'without',
            'longest with',
            'without',
          ],
          c.worst.map((p) => [
            p.page,
            bytes(p.bytes),
            p.doneMs === undefined ? '—' : `${int(p.doneMs)}${p.outcome === 'not-article' ? ' (n/a)' : ''}`,
            num(p.extensionLongestMs),
            num(p.extensionTotalMs),
            String(p.with.longTasks),
            String(p.without.longTasks),
            num(p.with.tbtMs),
            num(p.without.tbtMs),
            num(p.with.longestTaskMs),
            num(p.without.longestTaskMs),
          ]),
        ),
        "ext: CPU samples (V8 profiler in a CDP trace) whose stack holds one of the extension's scripts, within one task",
        "(longest) or in all (total). done: DOMContentLoaded to the content script's last message to the background",
        "((n/a): not an article). Long task: over 50 ms on the page's main thread; TBT: the sum of the time over 50 ms.",
        'Without: the same page in a Chromium without the extension, over a window of the same length. One load each.',
      );
      const where = c.worst.filter((p) => p.extensionWhere).slice(0, 3);
      if (where.length)
        out.push('Where the longest ones spent it:', ...where.map((p) => `- ${p.page}: ${p.extensionWhere}`));
    }
  }

  if (r.scale?.length) {
    section('Scale: the stored index against the engine before it and MiniSearch');
    out.push(table(scaleHeader, r.scale.map(scaleRow)));
  }

  if (r.notes.length) {
    section('Caps and notes');
    out.push(...r.notes.map((n) => `- ${n}`));
  }
  if (r.failures.length) {
    section('FAILED');
    out.push(...r.failures.map((n) => `- ${n}`));
  }
  return out.join('\n');
}
