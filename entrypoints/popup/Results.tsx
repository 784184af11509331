import { SentenceList } from '../../components/SentenceList';
import { Summary } from '../../components/Summary';
import { useTestId } from '../../components/testid';
import type { ContextHref } from '../../components/types';
import type { TabReport } from '../../lib/protocol';

/** Props of {@link Results}. */
export interface ResultsProps {
  report: TabReport;
  contextHref: ContextHref;
  onHighlights: (on: boolean) => void;
  onReveal: (id: number) => void;
}

/**
 * A finished check with matches: the summary, the highlight switch and the matched
 * sentences, which scroll the page to themselves when opened.
 */
export function Results({ report, contextHref, onHighlights, onReveal }: ResultsProps) {
  const tidStatus = useTestId('status');
  const tidSelf = useTestId('self-notice');
  const tidToggle = useTestId('highlights-toggle');
  const outlets = new Map(report.matches.flatMap((m) => m.versions.map((v) => [v.article, v.outlet] as const)));
  if (report.self) outlets.set(report.self.article, report.self.outlet);
  return (
    <div class="qc-results" data-testid={tidStatus} data-state="done">
      {report.self && (
        <p class="qc-notice" data-testid={tidSelf}>
          This page is {report.self.outlet}'s article in the corpus; showing the other outlets' versions.
        </p>
      )}
      <Summary matches={report.matches} selfOutlet={report.self?.outlet} />
      <label class="qc-switch">
        <input
          type="checkbox"
          role="switch"
          checked={report.highlights}
          onChange={(e) => onHighlights(e.currentTarget.checked)}
          data-testid={tidToggle}
        />
        Highlights on this page
      </label>
      <SentenceList
        matches={report.matches}
        contextHref={contextHref}
        onSelect={onReveal}
        outletOf={(a) => outlets.get(a)}
      />
    </div>
  );
}
