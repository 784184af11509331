/**
 * Test ids of the shared components, prefixed per surface ("popup-version", "panel-version")
 * through a context, so one component tree serves the popup and the in-page card alike.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** The prefix of every `data-testid` below this provider. */
export const TestIdPrefix = createContext('qc');

/** The test id `<prefix>-<name>` for the surface this component renders in. */
export function useTestId(name: string): string {
  return `${useContext(TestIdPrefix)}-${name}`;
}
