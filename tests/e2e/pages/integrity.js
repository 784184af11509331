/* global window, document, performance */
// The page checks its own state, for the hardening tests (load it first, before any other script
// of the page):
// - which of its own event handlers fired (clicks, key presses, input events);
// - every change to its DOM that it did not make itself: a MutationObserver over the whole
//   document; the page's own changes go through window.__pageChange(fn) and are not counted;
// - an FNV-1a hash of its markup (#page) when it was ready, to compare with the hash at the end;
// - when it settled (its own start-up work, a forced layout included, is done): the extension's
//   work can only come after, which lets a test tell the page's long tasks from the extension's.
// The built-ins it needs are taken before any later script of the page can replace them, and the
// report is a JSON string, so reading it calls nothing a page could have replaced.
(function () {
  'use strict';
  var stringify = JSON.stringify;
  var Observer = window.MutationObserver;
  var now = performance.now.bind(performance);
  var state = {
    ready: false,
    settledAt: 0,
    clicks: 0,
    keys: 0,
    inputs: 0,
    errors: 0,
    ownChanges: 0,
    foreign: [],
    hashAtReady: '',
  };
  var observer;
  // Cheap to read while the extension works (the full report hashes the page).
  window.__pageState = state;

  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = (h + ((h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24))) >>> 0;
    }
    return ('0000000' + h.toString(16)).substr(-8) + ':' + s.length;
  }

  function ownMarkup() {
    var root = document.getElementById('page');
    return root ? root.outerHTML : '';
  }

  function describe(record) {
    var what = record.type + ' ' + record.target.nodeName;
    var i;
    for (i = 0; i < record.addedNodes.length; i++) what += ' +' + record.addedNodes[i].nodeName;
    for (i = 0; i < record.removedNodes.length; i++) what += ' -' + record.removedNodes[i].nodeName;
    if (record.attributeName) what += ' @' + record.attributeName;
    return what;
  }

  function noteForeign(records) {
    for (var i = 0; i < records.length; i++)
      state.foreign[state.foreign.length] = { what: describe(records[i]), at: now() };
  }

  /** The page's own DOM changes: run `fn`, and do not count the mutations it made. */
  window.__pageChange = function (fn) {
    if (observer) noteForeign(observer.takeRecords());
    fn();
    if (observer) state.ownChanges += observer.takeRecords().length;
  };

  document.addEventListener('click', function () {
    state.clicks += 1;
  });
  document.addEventListener('keydown', function () {
    state.keys += 1;
  });
  document.addEventListener('input', function () {
    state.inputs += 1;
  });
  window.addEventListener('error', function () {
    state.errors += 1;
  });

  function ready() {
    state.hashAtReady = hash(ownMarkup());
    observer = new Observer(noteForeign);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    // The page's own first layout, so it does not fall into the time the extension works.
    void document.body.offsetHeight;
    state.settledAt = now();
    state.ready = true;
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();

  /** The page's report on itself, as a JSON string. */
  window.__pageReport = function () {
    if (observer) noteForeign(observer.takeRecords());
    var markup = hash(ownMarkup());
    return stringify({
      ready: state.ready,
      settledAt: state.settledAt,
      clicks: state.clicks,
      keys: state.keys,
      inputs: state.inputs,
      errors: state.errors,
      ownChanges: state.ownChanges,
      foreign: state.foreign,
      hashAtReady: state.hashAtReady,
      hashNow: markup,
    });
  };
})();
