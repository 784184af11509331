// Boilerplate rules on lines (furniture, trailers, mastheads, repeats) and on the real corpus once built.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyLines, isDateLine, looksLikeHeadline } from '../core/boilerplate';
import { buildCorpus } from '../core/corpus';
import { lines } from '../core/segment';
import { metadata } from '../corpus/metadata';

const STORY = [
  'NATO chief rules out breakthroughs',
  'Jens Stoltenberg said on Friday that Russia lacks the strength for major gains.',
  'He spoke at a press conference in Brussels with the Swedish prime minister.',
  'The alliance will meet in Washington in July.',
];
const AFTER = 'Allies also pledged more air defence systems for Ukraine.';

/** Classify STORY + line + AFTER; return the line's and the following line's classification. */
function classifyInContext(line: string) {
  const out = classifyLines(lines([...STORY, line, AFTER].join('\n')));
  expect(out).toHaveLength(STORY.length + 2);
  expect(out.slice(0, STORY.length).every((l) => l.role === 'story')).toBe(true);
  return { line: out[STORY.length]!, after: out[STORY.length + 1]! };
}

describe('classifyLines', () => {
  it.each([
    ['Subscribe to our newsletter', 'newsletter', true],
    ['Sign up for our daily briefing', 'newsletter', true],
    ['-Advertisement-', 'advertisement', false],
    ['Advertisement', 'advertisement', false],
    ['Sponsored content', 'advertisement', false],
    ['This article has been automatically translated,', 'translation-notice', true],
    [
      'Da dieser Artikel älter als 18 Monate ist, ist zum jetzigen Zeitpunkt kein Kommentieren mehr möglich.',
      'comments-closed',
      true,
    ],
    ['Comments are closed.', 'comments-closed', true],
    ['Continue reading', 'read-more', false],
    ['Related stories', 'read-more', false],
    ['Discover more from The Daily X', 'read-more', false],
    ['Follow us on Google News', 'follow-us', true],
    ['For the latest updates follow The Daily X on Google News, Instagram and Twitter.', 'follow-us', true],
    ['- Exclusive stories right into your inbox', 'newsletter', true],
    ['Never miss a story with active notifications', 'newsletter', true],
    ['Get our newsletter', 'newsletter', true],
    ['– Published on:', 'published-label', false],
    ['Updated:', 'published-label', false],
    ['The Daily X’s Russia Desk validates the stories published under this byline.', 'byline-box', false],
  ])('drops %j (rule %s, starts trailer: %s)', (text, rule, trailer) => {
    const { line, after } = classifyInContext(text);
    expect(line).toMatchObject({ role: 'boilerplate', rule, text });
    expect(after.role).toBe(trailer ? 'boilerplate' : 'story');
    if (trailer) expect(after.rule).toBe('trailer');
  });

  it.each([
    'He said the comments were unhelpful.',
    'Russia has not been able to take Kyiv.',
    'The advertising budget of the ministry rose.',
    'Moscow launched a new offensive on May 10.',
    'Ukraine wants to read more intelligence reports.',
    'Stoltenberg will hand over the post to Mark Rutte on October 1.',
  ])('keeps the story line %j', (text) => {
    const { line, after } = classifyInContext(text);
    expect(line.role).toBe('story');
    expect(line.rule).toBeUndefined();
    expect(after.role).toBe('story');
  });

  it('treats a trailer rule in the first lines as a banner, not the end of the story', () => {
    const out = classifyLines(lines(['Subscribe to our newsletter', ...STORY].join('\n')));
    expect(out.map((l) => l.role)).toEqual(['boilerplate', 'story', 'story', 'story', 'story']);
  });

  it('drops the masthead above a date line near the top', () => {
    const text =
      'The Daily X\nNews you can trust\nFriday, June 21, 2024\nNATO affirms no threat\nStoltenberg spoke on Friday.';
    expect(classifyLines(lines(text)).map((l) => [l.role, l.rule])).toEqual([
      ['boilerplate', 'masthead'],
      ['boilerplate', 'masthead'],
      ['boilerplate', 'date-widget'],
      ['story', undefined],
      ['story', undefined],
    ]);
  });

  it('keeps a date line far down the page and the lines above it', () => {
    const out = classifyLines(lines([...STORY, 'May 18', AFTER].join('\n')));
    expect(out.every((l) => l.role === 'story')).toBe(true);
  });

  it('drops a repeated line and a line with a category glued in front', () => {
    const head = 'NATO affirms no immediate Russian military threat';
    const out = classifyLines(lines([`Conflicts, Military and War${head}`, head, ...STORY, STORY[3]].join('\n')));
    expect(out[0]).toMatchObject({ role: 'boilerplate', rule: 'breadcrumb' });
    expect(out[1]!.role).toBe('story');
    expect(out.at(-1)).toMatchObject({ role: 'boilerplate', rule: 'repeated' });
    expect(out.filter((l) => l.role === 'story')).toHaveLength(STORY.length + 1);
  });
});

describe('isDateLine', () => {
  it.each(['Friday, June 21, 2024', 'Wednesday, May 18', 'May 18', '18 May 2024', '2024-06-27', '21.06.2024'])(
    '%j is a date line',
    (text) => expect(isDateLine(text)).toBe(true),
  );
  it.each(['May I go?', 'Friday was sunny', 'Moscow launched an offensive on May 10.'])('%j is not', (text) =>
    expect(isDateLine(text)).toBe(false),
  );
});

describe('looksLikeHeadline', () => {
  it.each(['NATO: Russian offensive no breakthrough so far', '"No signs"', 'Meeting with Selenskyj'])('%j is', (text) =>
    expect(looksLikeHeadline(text)).toBe(true),
  );
  it.each(['He left.', '“It is over.”', `A long line ${'word '.repeat(30)}`])('%j is not', (text) =>
    expect(looksLikeHeadline(text)).toBe(false),
  );
});

describe('the real corpus', () => {
  const dir = join(import.meta.dirname, '..', 'corpus');
  const data = buildCorpus(
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => {
        const id = basename(f, '.txt');
        return { id, bytes: readFileSync(join(dir, f)), meta: metadata[id] };
      }),
  );
  const all = data.articles.flatMap((a) =>
    a.sentences.map((s) => ({ ...s, id: a.id, text: a.text.slice(s.start, s.end) })),
  );

  it('builds every article', () => {
    expect(data.articles.length).toBe(Object.keys(metadata).length);
    expect(all.length).toBeGreaterThan(50);
  });

  it.each(['Subscribe', 'Advertisement', 'automatically translated', 'Kommentieren', 'Russia Desk'])(
    'no sentence contains %j',
    (word) => {
      expect(all.filter((s) => s.text.includes(word)).map((s) => s.text)).toEqual([]);
    },
  );

  it('marks the headlines and a pull quote of 000_fb607a1be5cd114a', () => {
    const article = data.articles.find((a) => a.id === '000_fb607a1be5cd114a')!;
    expect(article.sentences.slice(0, 2).map((s) => s.kind)).toEqual(['headline', 'headline']);
    expect(article.sentences.some((s) => s.kind === 'pullquote')).toBe(true);
    expect(article.dropped.map((d) => d.rule)).toContain('translation-notice');
  });

  it('every sentence offset round-trips', () => {
    for (const s of all) {
      expect(s.text).not.toBe('');
      expect(s.text.trim()).toBe(s.text);
    }
  });
});

describe('rules that must not drop story lines (found in review)', () => {
  const story = [
    'NATO ministers met in Brussels on Tuesday.',
    'They discussed aid to Ukraine.',
    'The talks lasted all day.',
  ];
  it.each([
    'Stoltenberg said the alliance would follow up on the pledge.',
    'Members will follow the plan on defence spending.',
    'The subscription model of the alliance was debated at length by the ministers on Tuesday evening.',
    // Story sentences with the words of a prompt: they neither drop nor end the story.
    'Japan will follow Washington on new sanctions.',
    'Brussels will follow Washington on new sanctions against Moscow, the minister said.',
    'Viewers who subscribe to the service will see the interview first.',
    'Readers who signed up for the newsletter got the speech in full.',
    'Kyiv must follow Berlin on this.',
  ])('keeps "%s" and the lines after it', (line) => {
    const text = [...story, line, 'The meeting ends on Wednesday.'].join('\n');
    const roles = classifyLines(lines(text)).map((l) => l.role);
    expect(roles).toEqual(['story', 'story', 'story', 'story', 'story']);
  });
  it('drops a desk byline on its own', () => {
    const text = [...story, 'Russia Desk', 'The meeting ends on Wednesday.'].join('\n');
    expect(classifyLines(lines(text)).map((l) => l.role)).toEqual(['story', 'story', 'story', 'boilerplate', 'story']);
  });
});

describe('pull quotes (second review)', () => {
  const data = buildCorpus(
    readdirSync(join(import.meta.dirname, '..', 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({
        id: basename(f, '.txt'),
        bytes: readFileSync(join(import.meta.dirname, '..', 'corpus', f)),
        meta: metadata[basename(f, '.txt')],
      })),
  );
  const kindOf = (id: string, start: string) => {
    const a = data.articles.find((x) => x.id === id)!;
    return a.sentences.find((s) => a.text.slice(s.start, s.end).startsWith(start))?.kind;
  };
  it('marks a repeated quote as a pull quote', () => {
    expect(kindOf('000_fb607a1be5cd114a', 'We have no evidence or reason')).toBe('pullquote');
  });
  it('does not mark a summary with its own attribution as one', () => {
    expect(kindOf('002_7b03f4becdd2075e', 'Stoltenberg also told AFP')).toBe('body');
  });
});
