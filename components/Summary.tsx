import { summarize, type SummaryInput } from '../core/summary';
import { useTestId } from './testid';

/** The one-line summary of a page's matches, worded by core/summary for every surface alike. */
export function Summary({ matches, selfOutlet }: { matches: SummaryInput[]; selfOutlet?: string }) {
  const tid = useTestId('summary');
  return (
    <p class="qc-summary" data-testid={tid}>
      {summarize(matches, selfOutlet).text}
    </p>
  );
}
