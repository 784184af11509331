/* global window, document, setInterval, clearInterval */
// A page that changes its DOM continuously: a fixed number of steps, a few per timer tick
// (several hundred DOM changes a second for a few seconds), each step a text change, an
// insertion, a removal and an attribute change. The result does not depend on the timing, so
// two loads end in the same DOM. window.__mutationsDone turns true at the end.
(function () {
  'use strict';
  var STEPS = 3000;
  var PER_TICK = 3;
  var KEEP = 12;
  var step = 0;
  window.__mutationsDone = false;
  window.__mutationSteps = 0;

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) s = '0' + s;
    return s;
  }

  function one() {
    step += 1;
    var feed = document.getElementById('feed');
    window.__pageChange(function () {
      document.getElementById('clock').firstChild.data =
        '10:' + pad(Math.floor(step / 60) % 60, 2) + ':' + pad(step % 60, 2) + '.' + pad(step % 1000, 3);
      document.getElementById('updated').textContent = 'updated at step ' + step;
      var li = document.createElement('li');
      li.textContent = 'Entry ' + step + ': the delegations are still arriving at the headquarters.';
      li.className = step % 2 ? 'odd' : 'even';
      feed.appendChild(li);
      while (feed.children.length > KEEP) feed.removeChild(feed.firstElementChild);
      feed.setAttribute('data-step', String(step));
    });
  }

  function start() {
    var timer = setInterval(function () {
      for (var i = 0; i < PER_TICK && step < STEPS; i++) one();
      window.__mutationSteps = step;
      if (step >= STEPS) {
        clearInterval(timer);
        window.__mutationsDone = true;
      }
    }, 4);
  }
  document.getElementById('poke').addEventListener('click', function () {
    window.__poked = (window.__poked || 0) + 1;
  });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start);
})();
