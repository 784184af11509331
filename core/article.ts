/**
 * What a page's article is, read from its DOM: one walk over the page that cuts its text into
 * blocks (paragraphs, headings, list items, cells, runs of text between them) with a map back to
 * the text nodes, then a Readability-like choice of the blocks that are the story. The same code
 * serves the content script (the live page, in slices of a few milliseconds) and the check command
 * (a saved page parsed with linkedom, in one go), so both read the same sentences by
 * construction. The document is passed in: no browser global is used.
 *
 * The scoring follows Mozilla Readability's (text length and commas of each paragraph given to
 * its parent and, less, to its ancestors; container tags and class/id hints; link density; the
 * best container's siblings above a threshold), but over the blocks of the walk instead of a
 * rewritten copy of the page, so it can stop and resume at any point and changes nothing.
 *
 * Deliberate rules, the same on both sides:
 * - No computed style: an element is hidden only by markup (`hidden`, `aria-hidden="true"`, an
 *   inline `display:none`/`visibility:hidden`), because a saved page has no layout. Text that a
 *   page's stylesheet hides is read on both sides.
 * - `<pre>` is read when it is prose (no `<code>`/`<kbd>`/`<samp>` inside, mostly letters, few
 *   code symbols, sentence ends): plain-text articles and e-mails are published that way. Code
 *   is never read; neither is inline `<code>`.
 * - Form controls, scripts, media, `<nav>`, `<aside>`, `<footer>` and editable areas are never
 *   read. A `<form>` is read: some sites wrap the whole page in one.
 * - `<br>` ends a block: text written as lines between breaks is a paragraph per line.
 */

/** Cuts long work into slices: `due()` once a slice is used up; then the caller awaits `pause()`. */
export interface Slicer {
  due(): boolean;
  pause(): Promise<void>;
}

export interface TextSegment {
  node: Text;
  /** Offsets of this node's data inside the block's text. */
  start: number;
  end: number;
}

export interface TextBlock {
  /** The element the block's text belongs to (the nearest block-level ancestor of its text). */
  el: Element;
  /** The block's text: its text nodes' data, concatenated. */
  text: string;
  segments: TextSegment[];
}

export interface ReadOptions {
  /** Give the main content even when the page does not look like an article. */
  force?: boolean;
  /** Elements never read (the extension's own UI). */
  exclude?: (el: Element) => boolean;
  /** Pauses between slices (the content script); without it, the work runs in one go. */
  slices?: Slicer;
}

export interface ArticleReading {
  /** Whether the page has an article's worth of text (what Readability's isProbablyReaderable tells). */
  isArticle: boolean;
  /** The article's blocks in document order; with `force`, the best guess even when not an article. */
  blocks: TextBlock[];
}

/** Never read: code, forms' controls, scripts, media, page furniture. */
const SKIP_TAGS = new Set([
  'head',
  'script',
  'style',
  'link',
  'meta',
  'title',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'button',
  'code',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'iframe',
  'frameset',
  'map',
  'dialog',
  'nav',
  'aside',
  'footer',
]);

/** Elements that start a new block; every other element (and unknown ones) continues the text around it. */
const BLOCK_LEVEL = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

// Readability's hints (Mozilla Readability 0.6, REGEXPS, Apache-2.0), kept as they are.
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/** A paragraph shorter than this (characters) is not scored. */
const MIN_SCORED_LENGTH = 25;
/** isProbablyReaderable's figures: paragraphs over 140 characters add sqrt(length − 140); over 20 is an article. */
const READERABLE_MIN_LENGTH = 140;
const READERABLE_MIN_SCORE = 20;
/** Or: the chosen content has this much text ... */
const ARTICLE_MIN_CHARS = 250;
/** ... and less than this share of it in links (a list of search results has about a quarter). */
const ARTICLE_MAX_LINKS = 0.2;
/** Readability's attempts (strip unlikely content, weigh class hints, clean conditionally), in order ... */
const ATTEMPTS: Array<[boolean, boolean, boolean]> = [
  [true, true, true],
  [false, true, true],
  [false, false, true],
  [false, false, false],
];
/** ... until one finds this much text (Readability's charThreshold). */
const ENOUGH_CHARS = 500;

interface Run {
  owner: Element;
  text: string;
  segments: TextSegment[];
  linkChars: number;
}

interface Walked {
  blocks: TextBlock[];
  /** Link text per block (characters). */
  links: number[];
  /** Owners that also hold block-level children: their text runs are parts of them, not all of them. */
  mixed: Set<Element>;
  /** Owners whose text is cut at `<br>`. */
  broken: Set<Element>;
}

const tagOf = (el: Element) => el.localName.toLowerCase();

/** Whether a `<pre>` is prose rather than code or a text drawing. */
export function isProsePre(pre: Element): boolean {
  if (pre.querySelector('code, kbd, samp, var, pre')) return false;
  const text = pre.textContent ?? '';
  const visible = text.replace(/\s+/g, '');
  if (visible.length < MIN_SCORED_LENGTH) return false;
  const letters = visible.match(/\p{L}/gu)?.length ?? 0;
  const symbols = visible.match(/[{}[\]<>=;$\\|`~^]/g)?.length ?? 0;
  const ends = text.match(/[\p{L}\p{N})"'”’»][.!?。！？](?=["'”’»)]*(?:\s|$))/gu)?.length ?? 0;
  return letters >= 0.7 * visible.length && symbols <= 0.01 * visible.length && ends >= 2;
}

function skipped(el: Element, exclude: ReadOptions['exclude']): boolean {
  const tag = tagOf(el);
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  const style = el.getAttribute('style');
  if (style && HIDDEN_STYLE.test(style)) return true;
  if (tag === 'pre' && !isProsePre(el)) return true;
  return !!exclude?.(el);
}

/**
 * The walk: every text node outside skipped elements, in document order, gathered into blocks
 * at block-level element boundaries and `<br>`. Yields after each element so the caller can
 * pause.
 */
function* walk(doc: Document, exclude: ReadOptions['exclude']): Generator<void, Walked> {
  const out: Walked = { blocks: [], links: [], mixed: new Set(), broken: new Set() };
  const body = doc.body;
  if (!body) return out;
  let run: Run | undefined;
  const flush = () => {
    if (run && /[\p{L}\p{N}]/u.test(run.text)) {
      out.blocks.push({ el: run.owner, text: run.text, segments: run.segments });
      out.links.push(run.linkChars);
    }
    run = undefined;
  };
  if (skipped(body, exclude)) return out;
  // An explicit stack rather than recursion: one generator, cheap to pause anywhere.
  interface Frame {
    next: Node | null;
    owner: Element;
    inLink: boolean;
    block: boolean;
  }
  const stack: Frame[] = [{ next: body.firstChild, owner: body, inLink: false, block: true }];
  while (stack.length) {
    const f = stack[stack.length - 1]!;
    const n = f.next;
    if (!n) {
      stack.pop();
      if (f.block) flush();
      continue;
    }
    f.next = n.nextSibling;
    if (n.nodeType === 3) {
      const node = n as Text;
      const data = node.data;
      if (!data) continue;
      run ??= { owner: f.owner, text: '', segments: [], linkChars: 0 };
      run.segments.push({ node, start: run.text.length, end: run.text.length + data.length });
      run.text += data;
      if (f.inLink) run.linkChars += data.replace(/\s+/g, ' ').length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const child = n as Element;
    yield;
    if (skipped(child, exclude)) continue;
    const tag = tagOf(child);
    if (tag === 'br') {
      if (run) out.broken.add(run.owner);
      flush();
    } else if (BLOCK_LEVEL.has(tag)) {
      flush();
      out.mixed.add(f.owner);
      stack.push({ next: child.firstChild, owner: child, inLink: f.inLink, block: true });
    } else {
      const linked = f.inLink || tag === 'a';
      // A link inside a link: a browser's parser closes the outer one there (HTML's adoption
      // agency), so its text after the inner link is not linked; a simpler parser keeps the
      // nesting. Counted as the browser's DOM has it.
      if (tag === 'a' && f.inLink)
        for (let i = stack.length - 1; i >= 0 && stack[i]!.inLink; i--) stack[i]!.inLink = false;
      stack.push({ next: child.firstChild, owner: f.owner, inLink: linked, block: false });
    }
  }
  flush();
  return out;
}

/** Readability's class weight: −25 for a negative hint in class or id, +25 for a positive one. */
function classWeight(el: Element): number {
  let w = 0;
  for (const s of [el.getAttribute('class'), el.getAttribute('id')]) {
    if (!s) continue;
    if (NEGATIVE.test(s)) w -= 25;
    if (POSITIVE.test(s)) w += 25;
  }
  return w;
}

function tagWeight(el: Element): number {
  switch (tagOf(el)) {
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

const SECTIONS = new Set(['tbody', 'thead', 'tfoot']);

/**
 * The parent element, past table sections: a browser's parser adds a `<tbody>` where the source
 * has none and a simpler parser does not, so scores and climbs never count them.
 */
function up(el: Element): Element | null {
  let p = el.parentElement;
  while (p && SECTIONS.has(tagOf(p))) p = p.parentElement;
  return p;
}

/** The element children, with table sections replaced by their rows (see `up`). */
function kids(el: Element): Element[] {
  const out: Element[] = [];
  for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
    if (SECTIONS.has(tagOf(c))) out.push(...kids(c));
    else out.push(c);
  }
  return out;
}

const normalisedLength = (s: string) => s.replace(/\s+/g, ' ').trim().length;

/**
 * The article's blocks. One generator does all the work and yields often; `readArticle` runs it
 * in slices, `readArticleSync` in one go.
 */
function* decide(doc: Document, options: ReadOptions): Generator<boolean | void, ArticleReading> {
  yield true;
  const { blocks, links, mixed, broken } = yield* walk(doc, options.exclude);
  const body = doc.body;
  if (!body || !blocks.length) return { isArticle: false, blocks: [] };

  // Per element: whether it or an ancestor is unlikely content (Readability drops those before
  // scoring, except inside tables), its initial score, its text and link text.
  const unlikelyMemo = new Map<Element, boolean>();
  const inTableMemo = new Map<Element, boolean>();
  const inTable = (el: Element | null): boolean => {
    if (!el || el === body) return false;
    let v = inTableMemo.get(el);
    if (v === undefined) inTableMemo.set(el, (v = tagOf(el) === 'table' || inTable(el.parentElement)));
    return v;
  };
  const unlikely = (el: Element | null): boolean => {
    if (!el || el === body) return false;
    let v = unlikelyMemo.get(el);
    if (v === undefined) {
      const hints = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      const self =
        tagOf(el) !== 'a' &&
        ((UNLIKELY.test(hints) && !MAYBE.test(hints) && !inTable(el.parentElement)) ||
          UNLIKELY_ROLES.has(el.getAttribute('role') ?? ''));
      v = self || unlikely(el.parentElement);
      unlikelyMemo.set(el, v);
    }
    return v;
  };
  const weightMemo = new Map<Element, number>();
  const weight = (el: Element) => {
    let w = weightMemo.get(el);
    if (w === undefined) weightMemo.set(el, (w = classWeight(el)));
    return w;
  };
  const textChars = new Map<Element, number>();
  const linkChars = new Map<Element, number>();
  const lengths: number[] = [];
  let readerable = 0;
  const selfUnlikely = (el: Element) => {
    const hints = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    return UNLIKELY.test(hints) && !MAYBE.test(hints);
  };
  const articles = new Set<Element>(broken);
  for (let i = 0; i < blocks.length; i++) {
    yield;
    const b = blocks[i]!;
    const len = normalisedLength(b.text);
    lengths.push(len);
    for (let a: Element | null = b.el; a; a = a.parentElement) {
      textChars.set(a, (textChars.get(a) ?? 0) + len);
      linkChars.set(a, (linkChars.get(a) ?? 0) + links[i]!);
      if (tagOf(a) === 'article') articles.add(a);
      if (a === body) break;
    }
    // isProbablyReaderable: long paragraphs (not list items, not themselves unlikely), whole
    // <article> elements and text cut by line breaks as one.
    const tag = tagOf(b.el);
    if (len >= READERABLE_MIN_LENGTH && tag !== 'li' && !HEADINGS.has(tag) && !broken.has(b.el) && !selfUnlikely(b.el))
      readerable += Math.sqrt(len - READERABLE_MIN_LENGTH);
  }
  for (const el of articles) {
    const len = textChars.get(el) ?? 0;
    if (len >= READERABLE_MIN_LENGTH && !selfUnlikely(el)) readerable += Math.sqrt(len - READERABLE_MIN_LENGTH);
  }
  const density = (el: Element) => {
    const t = textChars.get(el) ?? 0;
    return t ? (linkChars.get(el) ?? 0) / t : 0;
  };

  /**
   * One attempt at the article, as Readability makes them: first without unlikely content, with
   * class weights and with conditional cleaning; each later attempt drops one of these when the
   * previous found too little text.
   */
  function* attempt(
    strip: boolean,
    weigh: boolean,
    clean: boolean,
  ): Generator<void, { kept: TextBlock[]; chars: number; linkShare: number }> {
    const w = (el: Element) => (weigh ? weight(el) : 0);
    const score = new Map<Element, number>();
    for (let i = 0; i < blocks.length; i++) {
      if (i % 64 === 0) yield;
      const b = blocks[i]!;
      const len = lengths[i]!;
      if (len < MIN_SCORED_LENGTH || (strip && unlikely(b.el))) continue;
      const commas = b.text.match(/[,，、]/g)?.length ?? 0;
      const points = 1 + commas + Math.min(Math.floor(len / 100), 3);
      // A block that is all of its element (a paragraph) scores its container; a run of text
      // beside other blocks scores the element it is in.
      let a: Element | null = mixed.has(b.el) ? b.el : up(b.el);
      for (let level = 0; a && level < 5; level++, a = up(a)) {
        if (!score.has(a)) score.set(a, tagWeight(a) + w(a));
        score.set(a, score.get(a)! + points / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
        if (a === body) break;
      }
    }
    const final = (el: Element) => (score.get(el) ?? 0) * (1 - density(el));

    // The best five containers.
    const best: Element[] = [];
    for (const el of score.keys()) {
      const s = final(el);
      let i = best.length;
      while (i > 0 && final(best[i - 1]!) < s) i--;
      if (i < 5) {
        best.splice(i, 0, el);
        best.length = Math.min(best.length, 5);
      }
    }
    yield;
    let top = best[0];
    const chosen: Element[] = [];
    if (top && final(top) > 0) {
      // Several near-best containers under one ancestor: the ancestor is the article.
      const topScore = final(top);
      const alternatives = best.slice(1).filter((el) => final(el) / topScore >= 0.75);
      if (alternatives.length >= 3) {
        for (let p = up(top); p && p !== body; p = up(p)) {
          const inside = alternatives.filter((el) => p!.contains(el)).length;
          if (inside >= 3) {
            top = p;
            break;
          }
        }
      }
      // Climb while the parent scores as well: the article is often one level up.
      let last = final(top);
      const floor = last / 3;
      for (let p = up(top); p && p !== body; p = up(p)) {
        if (!score.has(p)) continue;
        const s = final(p);
        if (s < floor) break;
        if (s > last) {
          top = p;
          break;
        }
        last = s;
      }
      for (let p = up(top); p && p !== body && kids(p).length === 1; p = up(p)) top = p;

      // The top container and those of its siblings that score well or read as paragraphs.
      const parent = up(top);
      if (!parent || top === body) chosen.push(top);
      else {
        const s = final(top);
        const threshold = Math.max(10, s * 0.2);
        const cls = top.getAttribute('class') ?? '';
        for (const sib of kids(parent)) {
          if (sib === top) {
            chosen.push(sib);
            continue;
          }
          const bonus = cls && sib.getAttribute('class') === cls ? s * 0.2 : 0;
          if (score.has(sib) && final(sib) + bonus >= threshold) chosen.push(sib);
          else if (tagOf(sib) === 'p' && !(strip && unlikely(sib))) {
            const len = textChars.get(sib) ?? 0;
            const d = density(sib);
            if ((len > 80 && d < 0.25) || (len > 0 && len <= 80 && d === 0 && /\.( |$)/.test(sib.textContent ?? '')))
              chosen.push(sib);
          }
        }
      }
    }

    // The blocks inside the chosen containers, without unlikely ones, and, when cleaning, without
    // link lists and containers with a negative hint or mostly links (Readability's conditional
    // cleaning, simplified).
    const roots = new Set(chosen);
    const kept: TextBlock[] = [];
    let chars = 0;
    for (let i = 0; i < blocks.length; i++) {
      if (i % 64 === 0) yield;
      const b = blocks[i]!;
      if (strip && unlikely(b.el)) continue;
      let root: Element | undefined;
      let ok = true;
      for (let a: Element | null = b.el; a; a = a.parentElement) {
        if (roots.has(a)) {
          root = a;
          break;
        }
        if (a === body) break;
        if (clean && (w(a) < 0 || (a !== b.el && density(a) > 0.33 && tagOf(a) !== 'p'))) ok = false;
      }
      if (!root || !ok) continue;
      const len = lengths[i]!;
      if (clean && tagOf(b.el) !== 'p' && len && links[i]! / len > 0.5) continue;
      kept.push(b);
      chars += len;
    }
    let text = 0;
    let linked = 0;
    for (const el of chosen) {
      text += textChars.get(el) ?? 0;
      linked += linkChars.get(el) ?? 0;
    }
    return { kept, chars, linkShare: text ? linked / text : 1 };
  }

  let found = { kept: [] as TextBlock[], chars: 0, linkShare: 1 };
  for (const [strip, weigh, clean] of ATTEMPTS) {
    const r = yield* attempt(strip, weigh, clean);
    if (r.chars > found.chars) found = r;
    if (r.chars >= ENOUGH_CHARS) break;
  }
  const { kept, chars, linkShare } = found;
  // Readability's test, or, as it misses short articles (and many in Japanese, dense in few
  // characters), a chosen content of some length that is not mostly links.
  const isArticle = readerable > READERABLE_MIN_SCORE || (chars >= ARTICLE_MIN_CHARS && linkShare < ARTICLE_MAX_LINKS);
  if (kept.length || !(options.force || isArticle)) return { isArticle, blocks: kept };
  // Asked to read a page with no clear article: its likely blocks, else all of them.
  const likely = blocks.filter((b) => !unlikely(b.el));
  return { isArticle, blocks: likely.length ? likely : blocks };
}

/** The article's blocks, read in slices when `options.slices` is given. */
export async function readArticle(doc: Document, options: ReadOptions = {}): Promise<ArticleReading> {
  const steps = decide(doc, options);
  const slices = options.slices;
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    // `true`: a pause whether or not the slice is used up.
    if (slices && (r.value === true || slices.due())) await slices.pause();
  }
}

/** The article's blocks in one go (the check command). */
export function readArticleSync(doc: Document, options: Omit<ReadOptions, 'slices'> = {}): ArticleReading {
  const steps = decide(doc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** A block's text as the check command prints it: runs of white space as one space, trimmed. */
export function blockLine(block: TextBlock): string {
  return block.text.replace(/\s+/g, ' ').trim();
}
