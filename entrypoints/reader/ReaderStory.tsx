import { useId } from 'preact/hooks';
import { TestIdPrefix } from '../../components/testid';
import { Timeline } from '../../components/Timeline';
import type { ContextHref } from '../../components/types';
import type { Timeline as TimelineData } from '../../core/timeline';

/** The story of the reader's sentence, as the background tells it (`ui:get-cluster`). */
export type Cluster =
  { kind: 'none' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ok'; timeline: TimelineData };

/** Props of {@link ReaderStory}. */
export interface ReaderStoryProps {
  cluster: Cluster;
  /** `article:start` of the sentence the reader opened on. */
  current: string;
  contextHref: ContextHref;
}

/**
 * Above the article: the story of the marked sentence, that is every version of its statement
 * in the corpus by date, this article's among them. A sentence no other outlet reports says so.
 */
export function ReaderStory({ cluster, current, contextHref }: ReaderStoryProps) {
  const title = useId();
  if (cluster.kind === 'none') return null;
  const others = cluster.kind === 'ok' && cluster.timeline.entries.some((e) => e.id !== current);
  return (
    <aside class="qc-reader-story" aria-labelledby={title} data-testid="reader-story" data-state={cluster.kind}>
      <h2 id={title}>The story of this sentence</h2>
      {cluster.kind === 'loading' && <p aria-busy="true">Looking for its versions…</p>}
      {cluster.kind === 'error' && <p>Its versions could not be found: {cluster.message}</p>}
      {cluster.kind === 'ok' &&
        (others ? (
          <TestIdPrefix.Provider value="reader">
            <Timeline timeline={cluster.timeline} contextHref={contextHref} current={current} />
          </TestIdPrefix.Provider>
        ) : (
          <p>No other article in the corpus reports this sentence.</p>
        ))}
    </aside>
  );
}
