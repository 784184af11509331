/* global window, document */
// An open shadow root with a corpus sentence in it, made by the page's own script.
(function () {
  'use strict';
  var host = document.getElementById('shadow-host');
  window.__pageChange(function () {
    var root = host.attachShadow({ mode: 'open' });
    var p = document.createElement('p');
    p.id = 'in-shadow';
    p.textContent = 'Moscow launched a new large-scale offensive in northeastern Ukraine on May 10.';
    root.appendChild(p);
  });
})();
