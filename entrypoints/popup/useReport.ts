import { useEffect, useState } from 'preact/hooks';
import type { Replies } from '../../lib/protocol';
import { activeTabId, request } from '../../lib/connector';

/** How often the popup asks for the report while a check runs. */
const POLL_MS = 500;
/** Polls to wait for a check asked with "Check this page anyway" to start. */
const START_POLLS = 10;

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The popup's view of its tab: the report and the checked selection, polled while a check
 * runs, and the actions the popup can ask of the background for that tab.
 */
export function useReport() {
  const [tabId, setTabId] = useState<number>();
  const [data, setData] = useState<Replies['ui:get-report']>();
  const [error, setError] = useState<string>();
  // A popup opened right after the page loads may ask before the page has reported: wait for
  // it a few polls before saying the page is not an article.
  const [startPolls, setStartPolls] = useState(START_POLLS);
  const [askedAnyway, setAskedAnyway] = useState(false);

  const load = async (id: number) => {
    try {
      const reply = await request({ type: 'ui:get-report', tabId: id });
      const status = reply.report?.status;
      if (status && status !== 'not-article') setStartPolls(0);
      setData(reply);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  useEffect(() => {
    activeTabId().then(
      (id) => {
        if (id === undefined) return setError('There is no active tab to check.');
        setTabId(id);
        return load(id);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  }, []);

  const status = data?.report?.status;
  const starting = startPolls > 0 && (status === undefined || (askedAnyway && status === 'not-article'));
  const polling = tabId !== undefined && !error && (status === 'checking' || starting);

  useEffect(() => {
    if (!polling || tabId === undefined) return;
    const timer = setTimeout(() => {
      setStartPolls((n) => Math.max(0, n - 1));
      void load(tabId);
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [polling, tabId, data]);

  const checkAnyway = async () => {
    if (tabId === undefined) return;
    try {
      const reply = await request({ type: 'ui:check-page', tabId });
      if (!reply.ok) return setError('This page could not be checked. Reloading it may help.');
      setAskedAnyway(true);
      setStartPolls(START_POLLS);
      await load(tabId);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const setHighlights = async (on: boolean) => {
    if (tabId === undefined) return;
    const patch = (v: boolean) => setData((d) => (d?.report ? { ...d, report: { ...d.report, highlights: v } } : d));
    patch(on);
    try {
      const reply = await request({ type: 'ui:set-highlights', tabId, on });
      if (!reply.ok) patch(!on);
    } catch {
      patch(!on);
    }
  };

  const reveal = (id: number) => {
    if (tabId !== undefined) request({ type: 'ui:reveal', tabId, id }).catch(() => undefined);
  };

  return { data, error, starting, checkAnyway, setHighlights, reveal };
}
