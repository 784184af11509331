// Pages in other languages in the background: the lexicon is loaded once, only for a page in
// its language, and the page's sentences are matched through the language layer.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import type { LexiconData } from '../core/lang/lexicon';
import { Matcher } from '../core/matcher';
import { CorpusSearch } from '../core/search';
import { createHandlers, type Api } from '../lib/background/handlers';
import { crossCheck, sentenceVersions } from '../core/lang/cross';
import { checkText, createLanguages, fetchLexicon } from '../lib/background/languages';
import { loadCorpus } from '../scripts/lib/load-corpus';

const root = resolve(import.meta.dirname, '..');
const lexiconData = (lang: string) =>
  JSON.parse(readFileSync(join(root, 'lang', `${lang}.json`), 'utf8')) as LexiconData;
const data = loadCorpus();
const matcher = new Matcher(data);

const GERMAN_PAGE = [
  'Die Verteidigungsminister der Allianz trafen sich am Donnerstag in Brüssel.',
  'Inzwischen erreichen 24 der 32 Mitgliedsländer das Ziel, zwei Prozent ihres Bruttoinlandsprodukts für die Verteidigung auszugeben.',
  'Das Treffen dauerte bis in den späten Abend.',
];
const ENGLISH_PAGE = ['The ministers met in Brussels on Thursday.', 'The meeting went on late into the evening.'];

describe('createLanguages', () => {
  it('loads a language’s lexicon the first time a page in it is checked, and only once', async () => {
    const load = vi.fn(async (lang: string) => lexiconData(lang));
    const languages = createLanguages(load);
    expect(await languages.lexiconFor(ENGLISH_PAGE)).toBeUndefined();
    expect(load).not.toHaveBeenCalled();
    const lexicon = await languages.lexiconFor(GERMAN_PAGE);
    expect(lexicon?.lang).toBe('de');
    await languages.lexiconFor(GERMAN_PAGE);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith('de');
  });

  it('tries a failed load again on the next page', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('no word list')).mockResolvedValue(lexiconData('de'));
    const languages = createLanguages(load);
    await expect(languages.lexiconFor(GERMAN_PAGE)).rejects.toThrow('no word list');
    expect((await languages.lexiconFor(GERMAN_PAGE))?.lang).toBe('de');
  });

  it('fetches lang/<code>.json from the extension and names a missing one', async () => {
    const fetcher = vi.fn(async (url: string | URL | Request) =>
      String(url).endsWith('/lang/pt.json') ? Response.json(lexiconData('pt')) : new Response('', { status: 404 }),
    );
    const load = fetchLexicon((p) => `ext://id${p}`, fetcher as typeof fetch);
    expect((await load('pt')).lang).toBe('pt');
    await expect(load('xx')).rejects.toThrow(/no word list for language "xx" \(404\)/);
  });
});

describe('sentenceVersions and checkText', () => {
  it('matches a German sentence across languages, with the number that differs', async () => {
    const lexicon = await createLanguages(async (l) => lexiconData(l)).lexiconFor(GERMAN_PAGE);
    const versions = sentenceVersions(matcher, GERMAN_PAGE[1]!, lexicon);
    expect(versions.length).toBeGreaterThan(0);
    for (const v of versions) expect(v).toMatchObject({ crossLanguage: true, pageLanguage: 'de' });
    expect(versions.some((v) => v.verdict === 'conflicting' && v.reasons.some((r) => r.kind === 'number'))).toBe(true);
  });

  it('matches an English quote on a German page through the English matcher', async () => {
    const lexicon = await createLanguages(async (l) => lexiconData(l)).lexiconFor(GERMAN_PAGE);
    const a = data.articles.find((x) => x.meta.language === 'en')!;
    const s = a.sentences.find((x) => a.text.slice(x.start, x.end).split(' ').length > 12)!;
    const versions = sentenceVersions(matcher, a.text.slice(s.start, s.end), lexicon);
    expect(versions.some((v) => v.verdict === 'identical')).toBe(true);
    expect(versions.every((v) => !v.crossLanguage)).toBe(true);
  });

  it('routes the sentences of a German text one by one, as the page check does (check command)', async () => {
    const lexicon = await createLanguages(async (l) => lexiconData(l)).lexiconFor(GERMAN_PAGE);
    const a = data.articles.find((x) => x.meta.language === 'en')!;
    const s = a.sentences.find((x) => a.text.slice(x.start, x.end).split(' ').length > 12)!;
    const english = a.text.slice(s.start, s.end);
    const result = crossCheck(matcher, `${GERMAN_PAGE[1]}\n${english}`, lexicon!);
    const [german, quoted] = result.sentences;
    expect(german!.versions.every((v) => v.crossLanguage)).toBe(true);
    expect(quoted!.versions.some((v) => v.verdict === 'identical' && !v.crossLanguage)).toBe(true);
  });

  it('checks a German selection through the language layer', async () => {
    const lexicon = await createLanguages(async (l) => lexiconData(l)).lexiconFor([GERMAN_PAGE[1]!]);
    const result = checkText(matcher, GERMAN_PAGE[1]!, lexicon);
    expect(result.sentences[0]!.versions[0]?.crossLanguage).toBe(true);
  });
});

describe('page:check on a German page', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports the German sentence with its English versions, and nothing else', async () => {
    const languages = createLanguages(async (l) => lexiconData(l));
    const engine = { data, matcher, search: new CorpusSearch(data), languages };
    const handlers = createHandlers(fakeBrowser as unknown as Api, async () => engine);
    const sender: Browser.runtime.MessageSender = {
      id: fakeBrowser.runtime.id,
      url: 'https://zeitung.example/nato',
      tab: { id: 3, index: 0 } as Browser.tabs.Tab,
    };
    const reply = await handlers['page:check'](
      {
        type: 'page:check',
        url: 'https://zeitung.example/nato',
        title: 'NATO',
        sentences: GERMAN_PAGE.map((text, id) => ({ id, text })),
        reset: true,
      },
      sender,
    );
    expect(reply.matches.map((m) => m.id)).toEqual([1]);
    expect(reply.matches[0]!.worst).toBe('conflicting');
    expect(reply.matches[0]!.versions.every((v) => v.crossLanguage && v.pageLanguage === 'de')).toBe(true);
  });
});
