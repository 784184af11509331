/**
 * What in a saved news page is not the story. Each rule is a pattern a person would recognise
 * on any news site (subscribe prompts, comment-closure notices, ad labels, date widgets,
 * bylines), not a sentence of one article. Rules work on lines: a saved page keeps one block
 * of page furniture per line.
 */
import type { Span } from './segment';

export type LineRole = 'story' | 'boilerplate';

export interface ClassifiedLine extends Span {
  role: LineRole;
  /** Why a line was dropped, for the build log and the tests. */
  rule?: string;
}

/** Lines that are furniture wherever they stand. */
const LINE_RULES: Array<[string, RegExp]> = [
  ['advertisement', /^[-–—\s]*(advertisement|advertising|anzeige|sponsored( content)?|ad)[-–—\s]*$/i],
  [
    'newsletter',
    /\b(newsletter|subscribe|subscription|sign up for|sign-up|inbox|premium content|full access|full archive)\b/i,
  ],
  ['newsletter', /^\W*never miss a story\b/i],
  [
    'read-more',
    /^(continue reading|read more|latest news|related( articles| stories)?|most read|public reaction|share( this)?( article)?|comments?)\W*$/i,
  ],
  ['read-more', /^discover more from\b/i],
  ['follow-us', /\b[Ff]ollow (us|[\p{Lu}][\p{L}’' ]+) on\b|\b[Gg]oogle [Nn]ews\b|\b[Tt]o show your support\b/u],
  [
    'translation-notice',
    /\b(automatically|machine|automatisch) translated\b|\bread the original article\b|\boriginal(artikel| article) (lesen|here)\b/i,
  ],
  [
    'comments-closed',
    /\b(comments are closed|commenting is (no longer|not) (possible|available)|kein kommentieren|nicht mehr kommentieren|mitzudiskutieren|community-team|forum@)/i,
  ],
  ['published-label', /^[-–—\s]*(published|updated|posted)( on)?\s*:?\s*$/i],
  [
    'byline-box',
    /\b(validates the stories|published under this byline|editorials, news stories, letters to the editor)\b/i,
  ],
  ['byline-box', /^[\p{Lu}][\p{L}]+ ([Dd]esk|[Ss]taff|[Nn]ewsroom)$/u],
];

/** Longest line (in words) that a subscribe or newsletter prompt may be. */
const PROMPT_MAX_WORDS = 14;

/**
 * Rules whose words also occur in story sentences ("Russia will follow Washington on new
 * sanctions", "Viewers who subscribe to the service ..."): a line they match is furniture only
 * when it is a prompt (see `isPrompt`).
 */
const PROMPT_RULES = new Set(['newsletter', 'follow-us']);
/** A prompt starts with a call to the reader ... */
const IMPERATIVE_START =
  /^[^\p{L}]*(please\s+)?(subscribe|sign up|sign-up|follow|join|get|gain|download|register|log in|never miss|don['’]t miss|stay (up to date|informed)|for the latest|support|abonnieren|folgen sie|melden sie sich)\b/iu;
/** ... or speaks to the reader ("your inbox", "our newsletter"), or names where to follow. */
const READER_ADDRESS = /\b(you|your|our|us)\b/i;
const PLATFORM =
  /\b(google news|twitter|facebook|instagram|telegram|whatsapp|youtube|tiktok|linkedin|threads|bluesky)\b/i;

/**
 * Whether a line is a call to the reader rather than a sentence of the story: it starts with an
 * imperative (subscribe, follow, sign up ...), names a social platform, or is short and speaks to
 * the reader outside any quotation. A story line about subscribers or about following a country
 * is none of these.
 */
export function isPrompt(text: string): boolean {
  if (IMPERATIVE_START.test(text) || PLATFORM.test(text)) return true;
  const words = text.split(/\s+/).length;
  return words <= PROMPT_MAX_WORDS && READER_ADDRESS.test(text) && !/["“”„«»]/.test(text);
}

/** Lines that start the page's trailer: everything from them on is furniture. */
const TRAILER_RULES = new Set(['translation-notice', 'comments-closed', 'follow-us', 'newsletter']);

const WEEKDAY = '(monday|tuesday|wednesday|thursday|friday|saturday|sunday)';
const MONTH =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?';
/** A line that is only a date: the site's date widget, not a sentence of the story. */
const DATE_LINE_RE = new RegExp(
  `^(${WEEKDAY},?\\s+)?((\\d{1,2}\\.?\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?),?(\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})$`,
  'i',
);

/** How far into a page a date widget may stand for the lines above it to count as masthead. */
const MASTHEAD_LINES = 4;

export function isDateLine(text: string): boolean {
  return DATE_LINE_RE.test(text.trim());
}

/**
 * Classify each line of an article as story or boilerplate.
 * - furniture lines (LINE_RULES) are dropped;
 * - a line that starts the trailer (a translation notice, a follow-us or subscribe prompt that
 *   speaks to the reader, a comment-closure notice) drops everything after it;
 * - a date-only line near the top is the date widget, and the lines above it are the masthead
 *   (site name and slogan);
 * - a line repeated, or a line that is another line with a category glued in front
 *   ("Conflicts, Military and WarNATO affirms ..."), is navigation and is dropped.
 */
export function classifyLines(lines: Span[]): ClassifiedLine[] {
  const out: ClassifiedLine[] = lines.map((l) => ({ ...l, role: 'story' }));
  const drop = (l: ClassifiedLine, rule: string) => {
    l.role = 'boilerplate';
    l.rule ??= rule;
  };

  const dateAt = out.findIndex((l, i) => i < MASTHEAD_LINES && isDateLine(l.text));
  if (dateAt >= 0) {
    for (let i = 0; i < dateAt; i++) drop(out[i]!, 'masthead');
    drop(out[dateAt]!, 'date-widget');
  }

  let trailer = false;
  for (let i = 0; i < out.length; i++) {
    const l = out[i]!;
    if (trailer) {
      drop(l, 'trailer');
      continue;
    }
    for (const [rule, re] of LINE_RULES) {
      // A prompt is short and speaks to the reader; a story sentence that mentions a
      // subscription, or a country that will follow another, is not one.
      if (rule === 'newsletter' && l.text.split(/\s+/).length > PROMPT_MAX_WORDS) continue;
      if (PROMPT_RULES.has(rule) && !isPrompt(l.text)) continue;
      if (re.test(l.text)) {
        drop(l, rule);
        // Only after the story has begun: a trailer rule in the first lines is a banner.
        if (TRAILER_RULES.has(rule) && i >= Math.min(3, out.length / 2)) trailer = true;
        break;
      }
    }
  }

  for (let i = 0; i < out.length; i++) {
    const l = out[i]!;
    if (l.role !== 'story') continue;
    const prev = out[i - 1];
    const next = out[i + 1];
    if (prev && prev.text === l.text) drop(l, 'repeated');
    else if (next && next.text !== l.text && l.text.endsWith(next.text) && next.text.length >= 20) {
      drop(l, 'breadcrumb');
    }
  }
  return out;
}

/** Lines without a sentence-ending mark, short enough to be a headline or subhead. */
export function looksLikeHeadline(text: string): boolean {
  const words = text.split(/\s+/).length;
  return words <= 25 && !/[.!?…](["'”’»)\]]*)$/.test(text.trim());
}
