/**
 * The in-page card (hover or reveal a highlight) and panel ("Check this quote"): shared
 * components rendered inside a shadow root, so page styles do not reach them and theirs do not
 * reach the page.
 */
import { SentenceItem } from '../../components/SentenceItem';
import { SelectionView } from '../../components/SelectionView';
import { StorySource, type StoryOf } from '../../components/Story';
import { TestIdPrefix } from '../../components/testid';
import type { ContextHref } from '../../components/types';
import { request } from '../../lib/connector';
import type { MatchedSentence, SelectionReport } from '../../lib/protocol';

/**
 * The card and the panel ask the background for a sentence's story: the comparison code it
 * needs stays out of the content script every page loads.
 */
const storyOf: StoryOf = async (r) => (await request({ type: 'page:get-story', ...r })).timeline;

export type OverlayContent =
  { kind: 'card'; match: MatchedSentence } | { kind: 'panel'; report: SelectionReport } | { kind: 'none' };

export interface OverlayProps {
  content: OverlayContent;
  contextHref: ContextHref;
  onClose: () => void;
  onPointerEnter?: () => void;
  onPointerLeave?: () => void;
}

export function Overlay({ content, contextHref, onClose, onPointerEnter, onPointerLeave }: OverlayProps) {
  if (content.kind === 'none') return null;
  const label = content.kind === 'card' ? 'Versions of this sentence' : 'Check this quote';
  return (
    <StorySource.Provider value={storyOf}>
      <TestIdPrefix.Provider value={content.kind}>
        <div
          class={`qc-overlay qc-overlay--${content.kind}`}
          role="dialog"
          aria-label={label}
          data-testid={content.kind}
          onPointerEnter={onPointerEnter}
          onPointerLeave={onPointerLeave}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        >
          <div class="qc-overlay-head">
            <span class="qc-overlay-title">Quote Check</span>
            <button type="button" class="qc-overlay-close" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </div>
          <div class="qc-overlay-body">
            {content.kind === 'card' ? (
              <ol class="qc-sentences">
                <SentenceItem
                  id={content.match.id}
                  text={content.match.text}
                  versions={content.match.versions}
                  contextHref={contextHref}
                  defaultOpen
                />
              </ol>
            ) : (
              <SelectionView report={content.report} contextHref={contextHref} />
            )}
          </div>
        </div>
      </TestIdPrefix.Provider>
    </StorySource.Provider>
  );
}
