import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Timeline as TimelineData } from '../core/timeline';
import type { StoryRequest } from '../lib/protocol';
import { useTestId } from './testid';
import { Timeline } from './Timeline';
import type { ContextHref } from './types';

/**
 * Where a surface gets the story of a quote: the popup asks the background with `ui:get-story`,
 * the card and the panel with `page:get-story`. Without one (undefined), no Story tab is shown.
 */
export type StoryOf = (request: StoryRequest) => Promise<TimelineData>;

/** The surface's {@link StoryOf}, provided around the components that show sentences. */
export const StorySource = createContext<StoryOf | undefined>(undefined);

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; timeline: TimelineData };

/** Props of {@link Story}. */
export interface StoryProps extends StoryRequest {
  storyOf: StoryOf;
  contextHref: ContextHref;
}

/** The story of one page sentence: asked for once when shown, then its timeline. */
export function Story({ storyOf, versions, page, contextHref }: StoryProps) {
  const tid = useTestId('story');
  const [state, setState] = useState<State>({ kind: 'loading' });
  // Asked again only when the versions or the page change, not for every new copy of them (the
  // popup gets a new report on each poll while a check runs).
  const key = JSON.stringify([versions.map((v) => [v.article, v.start, v.date, v.reasons]), page]);
  useEffect(() => {
    let live = true;
    storyOf({ versions, ...(page ? { page } : {}) }).then(
      (timeline) => live && setState({ kind: 'ok', timeline }),
      (e: unknown) => live && setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [storyOf, key]);
  if (state.kind === 'ok') return <Timeline timeline={state.timeline} contextHref={contextHref} />;
  return (
    <p class="qc-muted" data-testid={tid} data-state={state.kind} aria-busy={state.kind === 'loading'}>
      {state.kind === 'loading' ? 'Putting the versions in order…' : `The story could not be told: ${state.message}`}
    </p>
  );
}

/** The surface's story source, if it has one. */
export function useStoryOf(): StoryOf | undefined {
  return useContext(StorySource);
}
