import type { MatchedSentence } from '../lib/protocol';
import { SentenceItem } from './SentenceItem';
import type { ContextHref } from './types';

/** Props of {@link SentenceList}. */
export interface SentenceListProps {
  matches: MatchedSentence[];
  contextHref: ContextHref;
  onSelect?: (id: number) => void;
  outletOf?: (article: string) => string | undefined;
}

/** The matched sentences of a page in page order, each collapsible to its versions. */
export function SentenceList({ matches, contextHref, onSelect, outletOf }: SentenceListProps) {
  return (
    <ol class="qc-sentences">
      {matches.map((m) => (
        <SentenceItem
          key={m.id}
          id={m.id}
          text={m.text}
          versions={m.versions}
          contextHref={contextHref}
          onSelect={onSelect}
          outletOf={outletOf}
        />
      ))}
    </ol>
  );
}
