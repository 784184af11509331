/**
 * The story of a quote: the versions of one statement as a timeline.
 *
 * Entries are ordered by publication date, where a date may be known to the day, the month or
 * only the year (YYYY-MM-DD, YYYY-MM, YYYY). A date is read as the span of days it allows, and
 * one entry is only said to come before another when its whole span ends before the other's
 * begins; otherwise the order is not known and the timeline says so rather than invent one.
 * The earliest known versions are those no other version is known to precede. A translation
 * is never earlier than its original: when the original (an untranslated version in the
 * language the translation is from) is in the cluster, the translation follows it and is not
 * marked earliest. Each entry says what changed against the version before it (against its
 * original, for a translation whose original is known): the words (a word diff) and the
 * details (a number, date, name or negation that differs), found by core/verdict.ts `compare`,
 * the same judge as the page's versions.
 */
import { bestSimilarity, type Weigher } from './align';
import type { Matcher } from './matcher';
import { tokenize, type Token } from './normalize';
import { dateSpan, knownBefore, type DateSpan } from './partial-date';
import type { DiffOp, ReasonKind, Version } from './types';
import { compare } from './verdict';

export { dateSpan, formatDate, knownBefore, type DateSpan } from './partial-date';

/** How an entry's date stands against the previous entry's. */
export type DateOrder =
  /** The first entry. */
  | 'first'
  /** Known to come after the previous one. */
  | 'after'
  /** The same date as the previous one, as far as both are known: their order is not known. */
  | 'same-date'
  /** The two dates overlap (one is known only to the month or year): order not known. */
  | 'order-unknown'
  /** This entry has no known date (the page being read). */
  | 'undated';

/** A detail that differs between two versions: what the earlier one says, what this one says. */
export interface DetailChange {
  kind: ReasonKind;
  before: string;
  after: string;
}

/** What changed against an earlier entry. */
export interface Change {
  /** The entry compared against (its `id`). */
  against: string;
  /**
   * `same`: the same words; `wording`: other words, no detail differs; `detail`: a number,
   * date, name or negation differs; `language`: the two are in different languages, so only
   * the details are compared and there is no word diff.
   */
  kind: 'same' | 'wording' | 'detail' | 'language';
  details: DetailChange[];
  /** Word diff: `delete` = only in the earlier entry, `insert` = only in this one. */
  diff: DiffOp[];
}

export interface TimelineEntry {
  /** `article:start` of a corpus version, `page` for the page's own sentence. */
  id: string;
  /** The corpus version, absent for the page's sentence. */
  version?: Version;
  outlet: string;
  /** The date as known (empty for the page). */
  date: string;
  span?: DateSpan;
  text: string;
  /** Language of the original text (of the page: its language when known, else empty). */
  language: string;
  order: DateOrder;
  /** No other version of the cluster is known to come before this one. */
  earliest: boolean;
  /** Set for a translation: the language it is translated from and, when known, its original. */
  translation?: { from: string; of?: string };
  change?: Change;
}

export interface Timeline {
  entries: TimelineEntry[];
  /** Ids of the earliest known entries, in timeline order. */
  earliest: string[];
  /**
   * True when the earliest known version is one publication (one article, maybe several of its
   * sentences): no other version could have come first as far as the dates tell.
   */
  earliestCertain: boolean;
}

/** The page's own sentence, to place after the versions (a page has no known date). */
export interface TimelinePage {
  text: string;
  /** Name shown for the page ("This page"). */
  outlet?: string;
  language?: string;
}

/**
 * Weight of a token for the closeness of two versions: the verdict's `compare` looks at names
 * and negations only between close versions. Without corpus statistics at hand (the card and
 * popup have none), content words count 1, names half, stop words little, as in the matcher.
 */
const plainWeigh: Weigher = (t: Token) => (t.stop ? 0.05 : t.name ? 0.5 : 1);

interface Item {
  entry: TimelineEntry;
  tokens?: Token[];
  /** Input position, the tie-break that keeps the matcher's order (best score first). */
  index: number;
  original?: Item;
}

export interface TimelineOptions {
  /** The page's sentence; the page gets an entry after the dated versions. */
  page?: TimelinePage;
  /** Token weights for the closeness of two versions (the matcher's `weigh` when at hand). */
  weigh?: Weigher;
}

const idOf = (v: Version) => `${v.article}:${v.start}`;

/** The timeline of one statement from its versions (as `Matcher.versions` gives them). */
export function buildTimeline(versions: readonly Version[], options: TimelineOptions = {}): Timeline {
  const seen = new Set<string>();
  const items: Item[] = [];
  for (const v of versions) {
    const id = idOf(v);
    if (seen.has(id)) continue;
    seen.add(id);
    items.push({
      index: items.length,
      entry: {
        id,
        version: v,
        outlet: v.outlet,
        date: v.date,
        span: dateSpan(v.date),
        text: v.text,
        language: v.language,
        order: 'first',
        earliest: false,
        ...(v.translated ? { translation: { from: v.language } } : {}),
      },
    });
  }

  // A translation's original: the one untranslated version in the language it is translated
  // from, not known to come after it. Two candidates (two outlets writing in that language)
  // leave it unknown.
  for (const it of items) {
    const t = it.entry.translation;
    if (!t) continue;
    const originals = items.filter(
      (o) =>
        !o.entry.translation &&
        o.entry.language === t.from &&
        o.entry.version!.article !== it.entry.version!.article &&
        !knownBefore(it.entry.span, o.entry.span),
    );
    const articles = new Set(originals.map((o) => o.entry.version!.article));
    if (articles.size === 1) {
      it.original = originals[0];
      t.of = originals[0]!.entry.id;
    }
  }

  const dated = items.filter((it) => it.entry.span);
  const undated = items.filter((it) => !it.entry.span);
  dated.sort(
    (x, y) =>
      cmp(x.entry.span!.from, y.entry.span!.from) ||
      // An original before its translation, whatever the precision of their dates.
      (x.original === y ? 1 : y.original === x ? -1 : 0) ||
      cmp(x.entry.span!.to, y.entry.span!.to) ||
      x.index - y.index,
  );
  // A translation sorted before its original (its date starts earlier but the spans overlap)
  // moves to just after it.
  for (const it of [...dated]) {
    if (!it.original) continue;
    const at = dated.indexOf(it);
    const orig = dated.indexOf(it.original);
    if (orig > at) {
      dated.splice(at, 1);
      dated.splice(orig, 0, it);
    }
  }

  for (const it of dated) {
    const e = it.entry;
    const preceded = dated.some((o) => o !== it && knownBefore(o.entry.span, e.span));
    e.earliest = !preceded && !it.original;
  }

  const ordered = [...dated, ...undated];
  const entries = ordered.map((it) => it.entry);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (!e.span) e.order = 'undated';
    else if (!prev) e.order = 'first';
    else if (knownBefore(prev.span, e.span)) e.order = 'after';
    else if (prev.date === e.date) e.order = 'same-date';
    else e.order = 'order-unknown';
  });

  const weigh = options.weigh ?? plainWeigh;
  const tokensOf = (it: Item) => (it.tokens ??= tokenize(it.entry.text));
  ordered.forEach((it, i) => {
    const against = it.original ?? ordered[i - 1];
    if (!against) return;
    it.entry.change = changeBetween(against, it, tokensOf, weigh);
  });

  if (options.page) {
    const p = options.page;
    const page: Item = {
      index: items.length,
      entry: {
        id: 'page',
        outlet: p.outlet ?? 'This page',
        date: '',
        text: p.text,
        language: p.language ?? '',
        order: 'undated',
        earliest: false,
      },
    };
    // The page is compared with its closest version (the matcher's best), not with whichever
    // version happens to be dated last: the page's own date is not known.
    const closest = items[0];
    if (closest) {
      const v = closest.entry.version!;
      page.entry.change = v.crossLanguage
        ? {
            against: closest.entry.id,
            kind: 'language',
            details: v.reasons.map((r) => ({ kind: r.kind, before: r.corpus, after: r.page })),
            diff: [],
          }
        : changeBetween(closest, page, tokensOf, weigh);
    }
    entries.push(page.entry);
  }

  const earliest = entries.filter((e) => e.earliest);
  return {
    entries,
    earliest: earliest.map((e) => e.id),
    earliestCertain: earliest.length > 0 && new Set(earliest.map((e) => e.version!.article)).size === 1,
  };
}

function changeBetween(a: Item, b: Item, tokensOf: (it: Item) => Token[], weigh: Weigher): Change {
  const x = { text: a.entry.text, tokens: tokensOf(a) };
  const y = { text: b.entry.text, tokens: tokensOf(b) };
  const score = bestSimilarity(x, y, weigh).score;
  const c = compare(x, y, score);
  const details = c.reasons.map((r) => ({ kind: r.kind, before: r.page, after: r.corpus }));
  return {
    against: a.entry.id,
    kind: details.length ? 'detail' : c.verdict === 'identical' ? 'same' : 'wording',
    details,
    diff: c.diff,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The cluster of a corpus sentence: its versions as a page holding exactly that sentence would
 * get them (direct matches and linked versions), the sentence itself first among equals.
 * Undefined when no corpus sentence starts at `start` in `article`.
 */
export function corpusCluster(matcher: Matcher, article: string, start: number): Version[] | undefined {
  const s = matcher.sentenceAt(article, start);
  if (!s) return undefined;
  return matcher.versions(s.text);
}
