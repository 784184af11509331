/* global window, document, setTimeout */
// A page whose scripts replace built-ins the extension might use: each replacement counts its
// calls and throws. The content script runs in an isolated world with its own built-ins, so it
// must never reach these. After load the page also lays a full-screen shade over everything at
// the highest z-index (it lets the pointer through, as decorative overlays do).
(function () {
  'use strict';
  var calls = { count: 0, names: '' };
  window.__hostileCalls = calls;

  function poison(owner, name, label) {
    if (!owner || !(name in owner)) return;
    var replacement = function () {
      calls.count += 1;
      calls.names += label + ' ';
      throw new Error('replaced by the page: ' + label);
    };
    try {
      Object.defineProperty(owner, name, { value: replacement, writable: true, configurable: true });
    } catch {
      // a property the page cannot replace
    }
  }

  var i;
  var arrays = ['map', 'filter', 'forEach', 'push', 'some', 'every', 'find', 'includes', 'join', 'slice', 'reduce'];
  for (i = 0; i < arrays.length; i++) poison(Array.prototype, arrays[i], 'Array.prototype.' + arrays[i]);
  var strings = ['replace', 'split', 'slice', 'trim', 'toLowerCase', 'normalize', 'startsWith'];
  for (i = 0; i < strings.length; i++) poison(String.prototype, strings[i], 'String.prototype.' + strings[i]);
  poison(JSON, 'parse', 'JSON.parse');
  poison(JSON, 'stringify', 'JSON.stringify');
  poison(window, 'MutationObserver', 'MutationObserver');
  poison(window.Intl, 'Segmenter', 'Intl.Segmenter');
  poison(window, 'Highlight', 'Highlight');
  poison(window, 'fetch', 'fetch');
  poison(window, 'requestAnimationFrame', 'requestAnimationFrame');
  poison(window.Element.prototype, 'querySelectorAll', 'Element.prototype.querySelectorAll');
  poison(window.Element.prototype, 'querySelector', 'Element.prototype.querySelector');
  poison(window.Element.prototype, 'closest', 'Element.prototype.closest');
  poison(window.Element.prototype, 'attachShadow', 'Element.prototype.attachShadow');
  poison(window.Element.prototype, 'getBoundingClientRect', 'Element.prototype.getBoundingClientRect');
  poison(window.Document.prototype, 'querySelectorAll', 'Document.prototype.querySelectorAll');
  poison(window.Document.prototype, 'createTreeWalker', 'Document.prototype.createTreeWalker');
  poison(window.Document.prototype, 'createRange', 'Document.prototype.createRange');
  poison(window.Document.prototype, 'caretPositionFromPoint', 'Document.prototype.caretPositionFromPoint');
  poison(window.Node.prototype, 'appendChild', 'Node.prototype.appendChild');
  poison(window.Node.prototype, 'contains', 'Node.prototype.contains');
  poison(window.Range.prototype, 'getBoundingClientRect', 'Range.prototype.getBoundingClientRect');
  poison(window.Range.prototype, 'isPointInRange', 'Range.prototype.isPointInRange');
  poison(window.CSSStyleSheet.prototype, 'replaceSync', 'CSSStyleSheet.prototype.replaceSync');
  if (window.HighlightRegistry) poison(window.HighlightRegistry.prototype, 'set', 'HighlightRegistry.prototype.set');

  // The shade, once the page has loaded: after the extension's own elements, if any.
  window.addEventListener('load', function () {
    setTimeout(function () {
      window.__pageChange(function () {
        var shade = document.createElement('div');
        shade.id = 'shade';
        document.body.append(shade);
      });
      window.__shaded = true;
    }, 300);
  });
})();
