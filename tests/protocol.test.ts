import { describe, expect, it } from 'vitest';
import { isMessage, MAX_BATCH, MAX_SEGMENT_CHARS, MAX_STORY_VERSIONS, MAX_TEXT } from '../lib/protocol';

const sentence = { id: 0, text: 'Stoltenberg will hand over the post on October 1.' };
const report = { text: 'a quote', result: { sentences: [] } };
/** A version as a story request carries it. */
const storyVersion = {
  article: '001_a3d80e40c71e1304',
  outlet: 'South Shore Journal',
  date: '2024-06',
  language: 'en',
  translated: false,
  kind: 'body',
  text: 'Stoltenberg will hand over the post on October 1.',
  start: 10,
  end: 60,
  score: 0.9,
  verdict: 'conflicting',
  reasons: [{ kind: 'date', page: 'October 2', corpus: 'October 1' }],
  diff: [],
};

/** Every message type of the protocol, well formed. */
const WELL_FORMED: Array<[string, unknown]> = [
  ['page:status checking', { type: 'page:status', status: 'checking', url: 'https://example.org/a', title: 'A' }],
  ['page:status not-article', { type: 'page:status', status: 'not-article', url: 'https://x/', title: '' }],
  ['page:status error', { type: 'page:status', status: 'error', url: 'https://x/', title: 'T', error: 'boom' }],
  ['page:check', { type: 'page:check', url: 'https://x/', title: 'T', sentences: [sentence], reset: true }],
  ['page:check, no sentences', { type: 'page:check', url: 'https://x/', title: 'T', sentences: [], reset: false }],
  [
    'page:check, a full batch of the longest texts',
    {
      type: 'page:check',
      url: 'x'.repeat(MAX_TEXT),
      title: 'T',
      sentences: Array.from({ length: MAX_BATCH }, (_, id) => ({ id, text: 'x'.repeat(MAX_TEXT) })),
      reset: false,
    },
  ],
  ['page:open-reader', { type: 'page:open-reader', article: '000_fb607a1be5cd114a', start: 0, end: 120 }],
  ['page:segment', { type: 'page:segment', texts: ['One. Two.', ''] }],
  ['page:segment, the most text', { type: 'page:segment', texts: ['x'.repeat(MAX_SEGMENT_CHARS)] }],
  ['ui:get-report', { type: 'ui:get-report', tabId: 12 }],
  ['ui:get-report, tab 0', { type: 'ui:get-report', tabId: 0 }],
  ['ui:search', { type: 'ui:search', query: 'rutte october' }],
  ['ui:search, empty', { type: 'ui:search', query: '' }],
  ['ui:search, 500 characters', { type: 'ui:search', query: 'q'.repeat(500) }],
  ['ui:set-highlights', { type: 'ui:set-highlights', tabId: 3, on: false }],
  ['ui:reveal', { type: 'ui:reveal', tabId: 3, id: 7 }],
  ['ui:check-page', { type: 'ui:check-page', tabId: 3 }],
  ['ui:get-article', { type: 'ui:get-article', article: '000_fb607a1be5cd114a' }],
  ['ui:get-cluster', { type: 'ui:get-cluster', article: '000_fb607a1be5cd114a', start: 0 }],
  ['ui:get-story', { type: 'ui:get-story', versions: [storyVersion], page: { text: 'A quote.' } }],
  ['ui:get-story, no page', { type: 'ui:get-story', versions: [] }],
  ['page:get-story', { type: 'page:get-story', versions: [storyVersion], page: { text: 'x', language: 'de' } }],
  ['content:set-highlights', { type: 'content:set-highlights', on: true }],
  ['content:reveal', { type: 'content:reveal', id: 0 }],
  ['content:check-page', { type: 'content:check-page' }],
  ['content:show-selection', { type: 'content:show-selection', report }],
  ['extra fields are ignored', { type: 'ui:get-report', tabId: 1, extra: '<script>' }],
];

/** Messages a receiver must ignore: not the protocol, wrong types, out of range, too large. */
const MALFORMED: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a string', 'ui:get-report'],
  ['a number', 42],
  ['a boolean', true],
  ['an array', [{ type: 'ui:get-report', tabId: 1 }]],
  ['a function', () => ({ type: 'content:check-page' })],
  ['no type', { tabId: 1 }],
  ['an empty object', {}],
  ['a type that is not a string', { type: 42 }],
  ['a type that is an object', { type: { toString: () => 'content:check-page' } }],
  ['an unknown type', { type: 'ui:delete-everything' }],
  ['a type in capitals', { type: 'UI:GET-REPORT', tabId: 1 }],
  ['a type with a space', { type: 'ui:get-report ', tabId: 1 }],
  ['a type with a prefix', { type: 'xui:get-report', tabId: 1 }],
  ['a prototype type', { type: '__proto__' }],
  ['constructor', { type: 'constructor' }],
  ['tabId under __proto__', JSON.parse('{"type":"ui:get-report","__proto__":{"tabId":1}}')],
  // page:status
  ['page:status done', { type: 'page:status', status: 'done', url: 'x', title: 'x' }],
  ['page:status unknown status', { type: 'page:status', status: 'hacked', url: 'x', title: 'x' }],
  ['page:status without url', { type: 'page:status', status: 'checking', title: 'x' }],
  ['page:status url not a string', { type: 'page:status', status: 'checking', url: ['x'], title: 'x' }],
  [
    'page:status title too long',
    { type: 'page:status', status: 'checking', url: 'x', title: 't'.repeat(MAX_TEXT + 1) },
  ],
  ['page:status error not a string', { type: 'page:status', status: 'error', url: 'x', title: 'x', error: {} }],
  ['page:status huge error', { type: 'page:status', status: 'error', url: 'x', title: 'x', error: 'e'.repeat(1e6) }],
  // page:check
  ['page:check without sentences', { type: 'page:check', url: 'x', title: 'x', reset: true }],
  ['page:check sentences not an array', { type: 'page:check', url: 'x', title: 'x', sentences: {}, reset: true }],
  ['page:check reset not a boolean', { type: 'page:check', url: 'x', title: 'x', sentences: [], reset: 'yes' }],
  ['page:check without reset', { type: 'page:check', url: 'x', title: 'x', sentences: [] }],
  [
    'page:check one sentence too many',
    {
      type: 'page:check',
      url: 'x',
      title: 'x',
      sentences: Array.from({ length: MAX_BATCH + 1 }, (_, id) => ({ id, text: 'x' })),
      reset: true,
    },
  ],
  [
    'page:check empty text',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: 0, text: '' }], reset: true },
  ],
  [
    'page:check text too long',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: 0, text: 'x'.repeat(MAX_TEXT + 1) }], reset: true },
  ],
  [
    'page:check text a number',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: 0, text: 1 }], reset: true },
  ],
  [
    'page:check negative id',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: -1, text: 'x' }], reset: true },
  ],
  [
    'page:check fractional id',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: 0.5, text: 'x' }], reset: true },
  ],
  [
    'page:check id a string',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: '0', text: 'x' }], reset: true },
  ],
  ['page:check NaN id', { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: NaN, text: 'x' }], reset: true }],
  [
    'page:check infinite id',
    { type: 'page:check', url: 'x', title: 'x', sentences: [{ id: Infinity, text: 'x' }], reset: true },
  ],
  ['page:check a null sentence', { type: 'page:check', url: 'x', title: 'x', sentences: [null], reset: true }],
  ['page:check a string sentence', { type: 'page:check', url: 'x', title: 'x', sentences: ['x'], reset: true }],
  ['page:check an array sentence', { type: 'page:check', url: 'x', title: 'x', sentences: [[0, 'x']], reset: true }],
  // page:segment
  ['page:segment without texts', { type: 'page:segment' }],
  ['page:segment with a number', { type: 'page:segment', texts: ['a', 3] }],
  ['page:segment over the most text', { type: 'page:segment', texts: ['x'.repeat(MAX_SEGMENT_CHARS), 'y'] }],
  // page:open-reader
  ['page:open-reader without article', { type: 'page:open-reader', start: 0, end: 1 }],
  ['page:open-reader long article', { type: 'page:open-reader', article: 'a'.repeat(201), start: 0, end: 1 }],
  ['page:open-reader negative start', { type: 'page:open-reader', article: 'a', start: -1, end: 1 }],
  ['page:open-reader end a string', { type: 'page:open-reader', article: 'a', start: 0, end: '1' }],
  // ui:
  ['ui:get-report without tab', { type: 'ui:get-report' }],
  ['ui:get-report negative tab', { type: 'ui:get-report', tabId: -1 }],
  ['ui:get-report fractional tab', { type: 'ui:get-report', tabId: 1.5 }],
  ['ui:get-report tab a string', { type: 'ui:get-report', tabId: '1' }],
  ['ui:get-report tab null', { type: 'ui:get-report', tabId: null }],
  ['ui:get-report tab a bigint-like object', { type: 'ui:get-report', tabId: { valueOf: () => 1 } }],
  ['ui:check-page without tab', { type: 'ui:check-page' }],
  ['ui:search without query', { type: 'ui:search' }],
  ['ui:search query too long', { type: 'ui:search', query: 'q'.repeat(501) }],
  ['ui:search huge query', { type: 'ui:search', query: 'q'.repeat(1_000_000) }],
  ['ui:search query a number', { type: 'ui:search', query: 42 }],
  ['ui:search query an array', { type: 'ui:search', query: ['rutte'] }],
  ['ui:set-highlights on a string', { type: 'ui:set-highlights', tabId: 1, on: 'false' }],
  ['ui:set-highlights without on', { type: 'ui:set-highlights', tabId: 1 }],
  ['ui:set-highlights without tab', { type: 'ui:set-highlights', on: true }],
  ['ui:reveal id a string', { type: 'ui:reveal', tabId: 1, id: '2' }],
  ['ui:reveal without id', { type: 'ui:reveal', tabId: 1 }],
  ['ui:get-article without article', { type: 'ui:get-article' }],
  ['ui:get-article too long', { type: 'ui:get-article', article: 'a'.repeat(201) }],
  ['ui:get-article an object', { type: 'ui:get-article', article: { id: 'a' } }],
  ['ui:get-cluster without start', { type: 'ui:get-cluster', article: '000_fb607a1be5cd114a' }],
  ['ui:get-cluster negative start', { type: 'ui:get-cluster', article: '000_fb607a1be5cd114a', start: -1 }],
  ['ui:get-cluster start a string', { type: 'ui:get-cluster', article: '000_fb607a1be5cd114a', start: '0' }],
  ['ui:get-cluster article too long', { type: 'ui:get-cluster', article: 'a'.repeat(201), start: 0 }],
  ['ui:get-story without versions', { type: 'ui:get-story' }],
  ['ui:get-story versions not an array', { type: 'ui:get-story', versions: storyVersion }],
  [
    'ui:get-story too many versions',
    { type: 'ui:get-story', versions: Array.from({ length: MAX_STORY_VERSIONS + 1 }, () => storyVersion) },
  ],
  ['ui:get-story a version without text', { type: 'ui:get-story', versions: [{ ...storyVersion, text: undefined }] }],
  ['ui:get-story a date a number', { type: 'ui:get-story', versions: [{ ...storyVersion, date: 2024 }] }],
  ['ui:get-story translated a string', { type: 'ui:get-story', versions: [{ ...storyVersion, translated: 'no' }] }],
  [
    'ui:get-story a reason of another kind',
    { type: 'ui:get-story', versions: [{ ...storyVersion, reasons: [{ kind: 'x', page: '', corpus: '' }] }] },
  ],
  ['ui:get-story page text a number', { type: 'ui:get-story', versions: [], page: { text: 1 } }],
  ['page:get-story page too long', { type: 'page:get-story', versions: [], page: { text: 'x'.repeat(MAX_TEXT + 1) } }],
  // content:
  ['content:set-highlights on a number', { type: 'content:set-highlights', on: 1 }],
  ['content:set-highlights without on', { type: 'content:set-highlights' }],
  ['content:reveal negative id', { type: 'content:reveal', id: -3 }],
  ['content:reveal id a string', { type: 'content:reveal', id: '3' }],
  ['content:show-selection without report', { type: 'content:show-selection' }],
  ['content:show-selection report a string', { type: 'content:show-selection', report: '<img src=x>' }],
  ['content:show-selection without result', { type: 'content:show-selection', report: { text: 'x' } }],
  [
    'content:show-selection result without sentences',
    { type: 'content:show-selection', report: { text: 'x', result: {} } },
  ],
  [
    'content:show-selection sentences not an array',
    { type: 'content:show-selection', report: { text: 'x', result: { sentences: 'x' } } },
  ],
  [
    'content:show-selection text too long',
    { type: 'content:show-selection', report: { text: 'x'.repeat(MAX_TEXT + 1), result: { sentences: [] } } },
  ],
  [
    'content:show-selection text a number',
    { type: 'content:show-selection', report: { text: 1, result: { sentences: [] } } },
  ],
];

describe('isMessage', () => {
  it.each(WELL_FORMED)('accepts %s', (_name, message) => {
    expect(isMessage(message)).toBe(true);
  });

  it.each(MALFORMED)('rejects %s', (_name, message) => {
    expect(isMessage(message)).toBe(false);
  });

  it('covers every message type with a well-formed example', () => {
    const types = new Set(WELL_FORMED.map(([, m]) => (m as { type: string }).type));
    expect([...types].sort()).toEqual(
      [
        'page:status',
        'page:check',
        'page:open-reader',
        'page:segment',
        'ui:get-report',
        'ui:search',
        'ui:set-highlights',
        'ui:reveal',
        'ui:check-page',
        'ui:get-article',
        'ui:get-cluster',
        'ui:get-story',
        'page:get-story',
        'content:set-highlights',
        'content:reveal',
        'content:check-page',
        'content:show-selection',
      ].sort(),
    );
  });
});
