/* global window */
// The payload page's counter: any payload that runs adds one (see tests/e2e/payloads.ts).
window.__xss = 0;
