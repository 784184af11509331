/**
 * The one message protocol between the content script, the background and the extension pages
 * (popup, reader). Message names say their direction: `page:` content script to background,
 * `ui:` popup or reader to background, `content:` background to content script.
 * Every receiver validates shape and sender with `isMessage` before acting: a web page cannot
 * reach these listeners, and anything malformed is ignored.
 */
import type { CheckResult, CorpusArticle, Verdict, Version } from '../core/types';
import type { SearchHit } from '../core/search';
import type { Timeline } from '../core/timeline';

/** A page sentence sent for checking: `id` is its position in page order. */
export interface PageSentenceIn {
  id: number;
  text: string;
}

/** A matched page sentence with its versions. */
export interface MatchedSentence {
  id: number;
  text: string;
  versions: Version[];
  /** The worst verdict among the versions (conflicting > reworded > identical). */
  worst: Verdict;
}

export type PageStatus = 'checking' | 'done' | 'not-article' | 'error';

/** What the extension knows of one tab, for the popup and the badge. */
export interface TabReport {
  status: PageStatus;
  url: string;
  title: string;
  error?: string;
  /** Sentences checked so far. */
  checked: number;
  /** Matched sentences in page order. */
  matches: MatchedSentence[];
  /** The page is itself this corpus article: its own sentences are not listed as matches. */
  self?: { article: string; outlet: string };
  highlights: boolean;
}

/** The answer to "Check this quote". */
export interface SelectionReport {
  text: string;
  result: CheckResult;
}

export interface ReaderArticle {
  article: Pick<CorpusArticle, 'id' | 'meta' | 'text' | 'sentences'>;
}

/**
 * The story of a quote (core/timeline.ts) is built in the background, where the matcher is: the
 * comparison code it needs would more than double the content script every page loads.
 * A story asked by versions: the versions of one page sentence, and that sentence.
 */
export interface StoryRequest {
  versions: Version[];
  page?: { text: string; language?: string };
}

// --- The user's library (lib/library/): messages of its own block ---

/** An article read from a page for "Add this page to references", to edit before it is saved. */
export interface PageDraft {
  /** The article's text, one block per line (the same reading as the checks'). */
  text: string;
  /** What the page declares (meta tags, JSON-LD), the page's address when it names none. */
  outlet?: string;
  title?: string;
  date?: string;
  language?: string;
  author?: string;
  url: string;
}

/** One article of the library page's table. */
export interface LibraryRow {
  id: string;
  outlet: string;
  title: string;
  date: string;
  language: string;
  translated: boolean;
  /** How many of its statements other articles also report (sentences with a cross-article link). */
  shared: number;
  /** One of the user's own (else bundled). */
  user: boolean;
  /** A bundled article the user hid (not matched). */
  hidden: boolean;
  url?: string;
  author?: string;
  added?: string;
}

/** Longest article text a draft may carry (the corpus build's limit, in characters). */
export const MAX_DRAFT_TEXT = 2_000_000;

type LibraryMessage =
  /** The library changed in IndexedDB (added, deleted, hidden): the engine follows, open tabs are checked again. */
  | { type: 'ui:library-changed' }
  | { type: 'ui:library-list' }
  /** How many articles the engine has yet to link (the library page shows it while it waits). */
  | { type: 'ui:library-status' }
  /** The article and metadata of the page in a tab, read by its content script. */
  | { type: 'ui:read-page'; tabId: number }
  /** The draft the context menu's "Add this page to references" left for the library page (taken once). */
  | { type: 'ui:take-draft' }
  | { type: 'content:read-page' }
  /** Send the page's sentences again even when they did not change (the corpus did). */
  | { type: 'content:recheck' };

interface LibraryReplies {
  'ui:library-changed': { ok: true; rechecked: number };
  'ui:library-list': { rows: LibraryRow[] };
  'ui:library-status': { linking: number };
  'ui:read-page': { draft: PageDraft | null };
  'ui:take-draft': { draft: PageDraft | null };
  'content:read-page': { draft: PageDraft | null };
  'content:recheck': { ok: true };
}

function isLibraryMessage(m: Record<string, unknown>): boolean | undefined {
  switch (m.type) {
    case 'ui:library-changed':
    case 'ui:library-list':
    case 'ui:library-status':
    case 'ui:take-draft':
    case 'content:read-page':
    case 'content:recheck':
      return true;
    case 'ui:read-page':
      return isInt(m.tabId);
    default:
      return undefined;
  }
}

// --- end of the library's block ---

export type Message =
  | LibraryMessage
  // content script -> background
  | { type: 'page:status'; status: Exclude<PageStatus, 'done'>; url: string; title: string; error?: string }
  | { type: 'page:check'; url: string; title: string; sentences: PageSentenceIn[]; reset: boolean }
  | { type: 'page:open-reader'; article: string; start: number; end: number }
  /** Sentence offsets of block texts: the split runs in the background (see segmentTexts). */
  | { type: 'page:segment'; texts: string[] }
  // popup / reader -> background
  | { type: 'ui:get-report'; tabId: number }
  | { type: 'ui:search'; query: string }
  | { type: 'ui:set-highlights'; tabId: number; on: boolean }
  | { type: 'ui:reveal'; tabId: number; id: number }
  | { type: 'ui:check-page'; tabId: number }
  | { type: 'ui:get-article'; article: string }
  // The story of a quote: by corpus sentence (the reader), by versions (popup, card, panel).
  | { type: 'ui:get-cluster'; article: string; start: number }
  | ({ type: 'ui:get-story' } & StoryRequest)
  | ({ type: 'page:get-story' } & StoryRequest)
  // background -> content script
  | { type: 'content:set-highlights'; on: boolean }
  | { type: 'content:reveal'; id: number }
  | { type: 'content:check-page' }
  | { type: 'content:show-selection'; report: SelectionReport };

/** Replies, by request type. */
export interface Replies extends LibraryReplies {
  'page:status': { ok: true };
  'page:check': { matches: MatchedSentence[]; self?: TabReport['self'] };
  'page:open-reader': { ok: boolean };
  /** For each text, its sentences as [start, end) offsets. */
  'page:segment': { spans: Array<Array<[number, number]>> };
  'ui:get-report': { report: TabReport | null; selection: SelectionReport | null };
  'ui:search': { hits: SearchHit[] };
  'ui:set-highlights': { ok: boolean };
  'ui:reveal': { ok: boolean };
  'ui:check-page': { ok: boolean };
  'ui:get-article': ReaderArticle | { error: string };
  'ui:get-cluster': { timeline: Timeline };
  'ui:get-story': { timeline: Timeline };
  'page:get-story': { timeline: Timeline };
  'content:set-highlights': { ok: true };
  'content:reveal': { ok: boolean };
  'content:check-page': { ok: true };
  'content:show-selection': { ok: true };
}

export type Reply<M extends Message> = Replies[M['type']];

/** Longest text accepted in any message (a whole page of sentences stays far below). */
export const MAX_TEXT = 20_000;
/** Most characters of block text in one page:segment message (batches for more). */
export const MAX_SEGMENT_CHARS = 200_000;
/** Most sentences in one page:check message; the content script sends larger pages in batches. */
export const MAX_BATCH = 500;
/**
 * Most sentences the content script sends for one page, in page order. A long read has a few
 * hundred; a page with more (a book, a log, an endless feed) has only its first ones checked,
 * so the work and the tab's report stay bounded.
 */
export const MAX_PAGE_SENTENCES = 10_000;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `m` is a well-formed message of the protocol. */
export function isMessage(m: unknown): m is Message {
  if (!isRecord(m) || typeof m.type !== 'string') return false;
  const library = isLibraryMessage(m);
  if (library !== undefined) return library;
  switch (m.type) {
    case 'page:status':
      return (
        ['checking', 'not-article', 'error'].includes(m.status as string) &&
        isText(m.url) &&
        isText(m.title) &&
        (m.error === undefined || isText(m.error))
      );
    case 'page:check':
      return (
        isText(m.url) &&
        isText(m.title) &&
        typeof m.reset === 'boolean' &&
        Array.isArray(m.sentences) &&
        m.sentences.length <= MAX_BATCH &&
        m.sentences.every((s) => isRecord(s) && isInt(s.id) && isText(s.text) && s.text.length > 0)
      );
    case 'page:segment':
      return (
        Array.isArray(m.texts) &&
        m.texts.every((t) => typeof t === 'string') &&
        (m.texts as string[]).reduce((n, t) => n + t.length, 0) <= MAX_SEGMENT_CHARS
      );
    case 'page:open-reader':
      return isText(m.article, 200) && isInt(m.start) && isInt(m.end);
    case 'ui:get-report':
    case 'ui:check-page':
      return isInt(m.tabId);
    case 'ui:search':
      return isText(m.query, 500);
    case 'ui:set-highlights':
      return isInt(m.tabId) && typeof m.on === 'boolean';
    case 'ui:reveal':
      return isInt(m.tabId) && isInt(m.id);
    case 'ui:get-article':
      return isText(m.article, 200);
    case 'ui:get-cluster':
      return isText(m.article, 200) && isInt(m.start);
    case 'ui:get-story':
    case 'page:get-story':
      return isStoryRequest(m);
    case 'content:set-highlights':
      return typeof m.on === 'boolean';
    case 'content:reveal':
      return isInt(m.id);
    case 'content:check-page':
      return true;
    case 'content:show-selection':
      return (
        isRecord(m.report) &&
        isText(m.report.text) &&
        isRecord(m.report.result) &&
        Array.isArray(m.report.result.sentences)
      );
    default:
      return false;
  }
}

/** Most versions in a story request (a sentence of the bundled corpus has at most a dozen). */
export const MAX_STORY_VERSIONS = 200;
const REASON_KINDS = ['number', 'date', 'name', 'negation'];

/** The fields of a version a story reads, with their types. */
function isStoryVersion(v: unknown): boolean {
  return (
    isRecord(v) &&
    isText(v.article, 200) &&
    isInt(v.start) &&
    isText(v.outlet, 500) &&
    isText(v.date, 40) &&
    isText(v.language, 40) &&
    typeof v.translated === 'boolean' &&
    isText(v.text) &&
    (v.crossLanguage === undefined || v.crossLanguage === true) &&
    Array.isArray(v.reasons) &&
    v.reasons.every(
      (r) => isRecord(r) && REASON_KINDS.includes(r.kind as string) && isText(r.page, 500) && isText(r.corpus, 500),
    )
  );
}

function isStoryRequest(m: Record<string, unknown>): boolean {
  const page = m.page;
  return (
    Array.isArray(m.versions) &&
    m.versions.length <= MAX_STORY_VERSIONS &&
    m.versions.every(isStoryVersion) &&
    (page === undefined ||
      (isRecord(page) && isText(page.text) && (page.language === undefined || isText(page.language, 40))))
  );
}

const RANK: Record<Verdict, number> = { identical: 0, reworded: 1, conflicting: 2 };

/** The worst verdict of a list of versions. */
export function worstVerdict(versions: Version[]): Verdict {
  return versions.reduce<Verdict>((w, v) => (RANK[v.verdict] > RANK[w] ? v.verdict : w), 'identical');
}
