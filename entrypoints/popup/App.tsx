import { TestIdPrefix } from '../../components/testid';
import { SearchBox } from '../../components/SearchBox';
import { SelectionView } from '../../components/SelectionView';
import { StatusView } from '../../components/StatusView';
import { StorySource, type StoryOf } from '../../components/Story';
import type { ContextHref } from '../../components/types';
import { readerUrl, request } from '../../lib/connector';
import { AddPage } from './AddPage';
import { Results } from './Results';
import { useReport } from './useReport';

const contextHref: ContextHref = (t) => readerUrl(t.article, t.start, t.end);
/** The popup asks the background for a sentence's story (results and the checked selection). */
const storyOf: StoryOf = async (r) => (await request({ type: 'ui:get-story', ...r })).timeline;
const search = async (query: string) => (await request({ type: 'ui:search', query })).hits;

/**
 * The popup: the checked selection if any, then the state of the tab's check or its
 * results, and a search of the corpus.
 */
export function App() {
  const { data, error, starting, checkAnyway, setHighlights, reveal } = useReport();
  const report = data?.report ?? null;
  const selection = data?.selection ?? null;

  let body;
  if (error) body = <StatusView state="error" message={error} />;
  else if (starting) body = <StatusView state="checking" />;
  else if (!data) body = <p class="qc-muted">Loading…</p>;
  else if (!report || report.status === 'not-article')
    body = <StatusView state="not-article" onCheckAnyway={() => void checkAnyway()} />;
  else if (report.status === 'checking') body = <StatusView state="checking" checked={report.checked} />;
  else if (report.status === 'error') body = <StatusView state="error" message={report.error} />;
  else if (!report.matches.length) body = <StatusView state="nothing" />;
  else
    body = (
      <Results
        report={report}
        contextHref={contextHref}
        onHighlights={(on) => void setHighlights(on)}
        onReveal={reveal}
      />
    );

  return (
    <TestIdPrefix.Provider value="popup">
      <div class="qc-app qc-popup">
        <header class="qc-popup-head">
          <img class="qc-logo" src="/icon/32.png" alt="" width={20} height={20} />
          <h1 class="qc-title">Quote Check</h1>
        </header>
        <main>
          <StorySource.Provider value={storyOf}>
            <AddPage />
            {selection && <SelectionView report={selection} contextHref={contextHref} />}
            {body}
          </StorySource.Provider>
        </main>
        <SearchBox onSearch={search} contextHref={contextHref} label="Search the corpus" />
      </div>
    </TestIdPrefix.Provider>
  );
}
