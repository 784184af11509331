// @vitest-environment happy-dom
/**
 * A sentence with many versions (a statement a hundred outlets reported) lists the first ones
 * and every conflicting one, then all of them on "Show all", with the keyboard moved to the list.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { firstVersions, SentenceItem, VERSIONS_SHOWN } from '../components/SentenceItem';
import type { Version } from '../core/types';
import { version as fixture } from './version-fixture';

const version = (i: number, verdict: Version['verdict'] = 'identical'): Version =>
  fixture({
    article: `a${i}`,
    outlet: `Outlet ${i}`,
    verdict,
    reasons: verdict === 'conflicting' ? [{ kind: 'number', page: '24', corpus: '23' }] : [],
    diff: [{ op: 'equal', text: 'Currently 23 of the 32 member countries meet the target.' }],
  });

describe('firstVersions', () => {
  it('keeps a short list whole', () => {
    const few = [version(1), version(2, 'conflicting')];
    expect(firstVersions(few)).toBe(few);
  });

  it('lists every conflicting version, then the others in their order up to the limit', () => {
    const many = Array.from({ length: 40 }, (_, i) => version(i, i === 30 || i === 35 ? 'conflicting' : 'identical'));
    const shown = firstVersions(many);
    expect(shown).toHaveLength(VERSIONS_SHOWN);
    expect(shown.map((v) => v.article)).toEqual([
      ...Array.from({ length: VERSIONS_SHOWN - 2 }, (_, i) => `a${i}`),
      'a30',
      'a35',
    ]);
  });

  it('lists all conflicting versions even beyond the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => version(i, i % 2 ? 'conflicting' : 'identical'));
    expect(firstVersions(many).every((v) => v.verdict === 'conflicting')).toBe(true);
    expect(firstVersions(many)).toHaveLength(15);
  });
});

describe('a sentence with many versions', () => {
  let root: HTMLElement;
  afterEach(() => root?.remove());

  it('shows the first ones, then all on "Show all", focus moved to the list', async () => {
    root = document.createElement('ul');
    document.body.append(root);
    const versions = Array.from({ length: 100 }, (_, i) => version(i));
    act(() =>
      render(h(SentenceItem, { id: 1, text: 'Quote', versions, contextHref: () => '#', defaultOpen: true }), root),
    );
    const items = () => root.querySelectorAll('.qc-version').length;
    expect(items()).toBe(VERSIONS_SHOWN);
    expect(root.querySelector('.qc-count')!.textContent).toBe('100 versions');
    const more = root.querySelector<HTMLButtonElement>('.qc-more')!;
    expect(more.textContent).toBe(`Show all 100 versions (${100 - VERSIONS_SHOWN} more)`);
    await act(async () => more.click());
    expect(items()).toBe(100);
    expect(root.querySelector('.qc-more')).toBeNull();
    expect(document.activeElement).toBe(root.querySelector('.qc-versions'));
  });
});
