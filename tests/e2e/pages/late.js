/* global window, document, setTimeout, Event */
// Like a single-page app: the article arrives 1.5 s after load and replaces the placeholder.
// window.__lateLoaded turns true and a 'late-article' event fires on document when it is in.
(function () {
  'use strict';
  var DELAY_MS = 1500;
  window.__lateLoaded = false;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) {
      node.setAttribute(k, attrs[k]);
    });
    if (text) node.textContent = text;
    return node;
  }

  function render() {
    var article = el('article', { id: 'story' });
    article.appendChild(el('p', { class: 'kicker' }, 'Live'));
    article.appendChild(el('h1', { id: 'headline' }, 'Who will lead the alliance next?'));
    var byline = el('p', { class: 'byline' }, 'By Clara Weiss, Brussels · updated 11:42');
    article.appendChild(byline);
    [
      [
        'p-intro',
        'The handover at the top of the alliance has been months in the making, and the diplomats we spoke to this ' +
          'morning expect a quiet transition.',
      ],
      [
        'p-rutte',
        'Stoltenberg will hand over the post of NATO Secretary General to outgoing Dutch Prime Minister Mark Rutte on October 1.',
      ],
      [
        'p-ordinary',
        'Officials say the new secretary general will keep most of the senior staff, at least for the first year.',
      ],
      [
        'p-target',
        'Currently, 23 of the 32 member countries meet the target of spending two percent of their gross domestic product (GDP) on defense.',
      ],
      [
        'p-closing',
        'We will update this page throughout the day. Refresh for the latest, or follow our live ticker on the front page.',
      ],
    ].forEach(function (p) {
      article.appendChild(el('p', { id: p[0] }, p[1]));
    });
    var app = document.getElementById('app');
    var placeholder = document.getElementById('placeholder');
    app.replaceChild(article, placeholder);
    document.title = 'Live: who will lead the alliance next? – The Harbour Herald';
    window.__lateLoaded = true;
    document.dispatchEvent(new Event('late-article'));
  }

  function start() {
    setTimeout(render, DELAY_MS);
  }
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
})();
