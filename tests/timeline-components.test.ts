// @vitest-environment happy-dom
/** The story of a quote in the UI: the Timeline component, the sentence's tabs, the reader's story. */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { SentenceItem } from '../components/SentenceItem';
import { Story, StorySource, type StoryOf } from '../components/Story';
import { Timeline } from '../components/Timeline';
import { buildTimeline } from '../core/timeline';
import type { Version } from '../core/types';
import { version } from './version-fixture';
import { ReaderStory } from '../entrypoints/reader/ReaderStory';

const textOf = (html: string) => html.replace(/<[^>]*>/g, '');
const href = (t: { article: string; start: number }) => `reader.html?article=${t.article}&start=${t.start}`;

const kronen = version({
  article: 'k',
  outlet: 'Kronen Zeitung',
  date: '2024-06',
  language: 'de',
  translated: true,
  text: 'Currently, 23 of the 32 member countries meet the target of two percent.',
});
const fakti = version({
  article: 'f',
  outlet: 'Fakti.bg (BTA)',
  date: '2024-06-27',
  language: 'bg',
  translated: true,
  text: 'Now 23 out of 32 member countries spend at least 2 percent.',
});
const older = version({
  article: 'o',
  outlet: 'The Old Post',
  date: '2022-04-05',
  text: 'Currently 22 of the 30 member countries meet the target of two percent.',
});

describe('Timeline', () => {
  it('lists the versions by date with the earliest known marked, translations named, and the page last', () => {
    const html = renderToString(
      h(Timeline, {
        timeline: buildTimeline([kronen, fakti, older], {
          page: { text: 'Currently, 24 of the 32 member countries meet the target of two percent.' },
        }),
        contextHref: href,
      }),
    );
    const text = textOf(html);
    expect(text).toContain('Earliest known version: The Old Post, 5 April 2022.');
    const entries = [
      ...html.matchAll(/<li class="qc-tl-entry[^"]*"[^>]*data-article="([^"]+)"[^>]*data-earliest="(\w+)"/g),
    ];
    expect(entries.map((m) => [m[1], m[2]])).toEqual([
      ['o', 'true'],
      ['k', 'false'],
      ['f', 'false'],
      ['page', 'false'],
    ]);
    expect(text).toContain('translated from German');
    expect(text).toContain('translated from Bulgarian');
    expect(text).toContain('order against the one before not known');
    expect(text).toContain('date not known');
    // Kronen against the 2022 version: the numbers that changed, and the word diff.
    expect(text).toContain('A detail differs from The Old Post (5 April 2022):');
    expect(text).toMatch(/number: 22 → 23/);
    expect(html).toMatch(/<del class="qc-del"><span class="qc-sr">removed: <\/span>22/);
    // The page against its closest version (the matcher's best, here the first given).
    expect(text).toContain('A detail differs from Kronen Zeitung (June 2024):');
    expect(text).toMatch(/number: 23 → 24/);
    expect(html).toContain('aria-label="Versions by date, earliest first"');
    expect(html.match(/class="qc-context-link"/g)).toHaveLength(3);
  });

  it('says when the dates do not tell which version came first', () => {
    const html = renderToString(h(Timeline, { timeline: buildTimeline([fakti, kronen]), contextHref: href }));
    expect(textOf(html)).toContain(
      'Which came first is not known: Kronen Zeitung (June 2024), Fakti.bg (BTA) (27 June 2024) could each be the earliest; their dates do not tell.',
    );
    expect(html).toContain('data-certain="false"');
    expect(html.match(/earliest known<\/span>/g)).toHaveLength(2);
  });

  it('says when two dates are the same as far as known, to the precision known', () => {
    const month = renderToString(
      h(Timeline, { timeline: buildTimeline([kronen, { ...older, date: '2024-06' }]), contextHref: href }),
    );
    expect(textOf(month)).toContain('same month as the one before, which came first is not known');
    const day = renderToString(
      h(Timeline, { timeline: buildTimeline([fakti, { ...older, date: '2024-06-27' }]), contextHref: href }),
    );
    expect(textOf(day)).toContain('same day as the one before, which came first is not known');
  });

  it('marks the reader’s own sentence and gives it no link to itself', () => {
    const html = renderToString(
      h(Timeline, { timeline: buildTimeline([kronen, older]), contextHref: href, current: 'o:0' }),
    );
    expect(html).toMatch(/<li[^>]*data-article="o"[^>]*aria-current="true"/);
    expect(textOf(html)).toContain('this article');
    expect(html.match(/class="qc-context-link"/g)).toHaveLength(1);
  });
});

describe('SentenceItem tabs', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const item = () =>
    h(SentenceItem, {
      id: 1,
      text: 'Currently 24 of 32.',
      versions: [kronen, older],
      contextHref: href,
      defaultOpen: true,
    });
  /** The story as the background tells it, here in the test's own process; records the requests. */
  const asked: Parameters<StoryOf>[0][] = [];
  const local: StoryOf = async (r) => {
    asked.push(r);
    return buildTimeline(r.versions, { page: r.page });
  };

  it('switches between versions and story by click and by arrow keys, one tab in the tab order', async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(() => {
      render(h(StorySource.Provider, { value: local }, item()), root);
    });
    const tabs = [...root.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).toEqual(['Versions (2)', 'Story']);
    const panel = (t: HTMLElement) =>
      root.querySelector<HTMLElement>(`#${CSS.escape(t.getAttribute('aria-controls')!)}`)!;
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1]);
    expect(panel(tabs[0]!).hidden).toBe(false);
    expect(panel(tabs[1]!).hidden).toBe(true);
    // The story is built only once asked for.
    expect(root.querySelector('[data-testid=qc-timeline]')).toBeNull();

    expect(asked).toHaveLength(0);
    await act(() => tabs[1]!.click());
    await act(async () => {
      await Promise.resolve();
    });
    expect(asked).toEqual([{ versions: [kronen, older], page: { text: 'Currently 24 of 32.' } }]);
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(panel(tabs[0]!).hidden).toBe(true);
    expect(panel(tabs[1]!).hidden).toBe(false);
    const entries = root.querySelectorAll('[data-testid=qc-timeline-entry]');
    expect([...entries].map((e) => e.getAttribute('data-article'))).toEqual(['o', 'k', 'page']);

    await act(() => {
      tabs[1]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    });
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['true', 'false']);
    expect(document.activeElement).toBe(tabs[0]);
    await act(() => {
      tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    });
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
  });
});

describe('SentenceItem without a story source', () => {
  it('shows the versions alone, with no tabs', () => {
    const html = renderToString(
      h(SentenceItem, { text: 'Currently 24 of 32.', versions: [kronen], contextHref: href, defaultOpen: true }),
    );
    expect(html).not.toContain('role="tab');
    expect(html).toContain('qc-versions');
  });
});

describe('Story', () => {
  it('asks again only when the versions change, not for a new copy of the same ones', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const asked: Parameters<StoryOf>[0][] = [];
    const storyOf: StoryOf = async (r) => {
      asked.push(r);
      return buildTimeline(r.versions);
    };
    const show = (versions: Version[]) =>
      act(() => {
        render(h(Story, { storyOf, versions, contextHref: href }), root);
      });
    await show([kronen, older]);
    await show([{ ...kronen }, { ...older }]);
    expect(asked).toHaveLength(1);
    await show([kronen, fakti]);
    expect(asked).toHaveLength(2);
    await act(async () => {
      await Promise.resolve();
    });
    expect(
      [...root.querySelectorAll('[data-testid=qc-timeline-entry]')].map((e) => e.getAttribute('data-article')),
    ).toEqual(['k', 'f']);
    render(null, root);
    root.remove();
  });

  it('says so when the story cannot be told', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const failing: StoryOf = () => Promise.reject(new Error('the background is gone'));
    await act(() => {
      render(h(Story, { storyOf: failing, versions: [kronen], contextHref: href }), root);
    });
    expect(root.querySelector('[data-testid=qc-story]')?.getAttribute('data-state')).toBe('loading');
    await act(async () => {
      await Promise.resolve();
    });
    const status = root.querySelector('[data-testid=qc-story]')!;
    expect(status.getAttribute('data-state')).toBe('error');
    expect(status.textContent).toBe('The story could not be told: the background is gone');
    render(null, root);
    root.remove();
  });
});

describe('ReaderStory', () => {
  it('shows the timeline of the sentence, or says no other article reports it', () => {
    const story = renderToString(
      h(ReaderStory, {
        cluster: { kind: 'ok', timeline: buildTimeline([older, kronen]) },
        current: 'k:0',
        contextHref: href,
      }),
    );
    expect(story).toContain('data-testid="reader-timeline"');
    expect(textOf(story)).toContain('The story of this sentence');
    const alone = renderToString(
      h(ReaderStory, { cluster: { kind: 'ok', timeline: buildTimeline([kronen]) }, current: 'k:0', contextHref: href }),
    );
    expect(textOf(alone)).toContain('No other article in the corpus reports this sentence.');
    expect(renderToString(h(ReaderStory, { cluster: { kind: 'none' }, current: 'k:0', contextHref: href }))).toBe('');
  });
});
