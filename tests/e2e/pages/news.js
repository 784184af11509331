/* global window, document */
// State of the page that the tests read to see the extension leaves the page working:
// clicks still reach the page's own handlers, its text and form fields are unchanged.
(function () {
  'use strict';
  var state = {
    ready: false,
    clicks: 0,
    moreCommentsShown: false,
    submitted: 0,
    textLength: 0,
    inputValue: '',
    textareaValue: '',
  };
  window.__pageState = state;

  document.addEventListener('click', function () {
    state.clicks += 1;
  });

  function init() {
    var more = document.getElementById('more-comments');
    more.addEventListener('click', function () {
      document.getElementById('comment-more').classList.remove('hidden');
      more.classList.add('hidden');
      state.moreCommentsShown = true;
    });
    document.getElementById('comment-form').addEventListener('submit', function (event) {
      event.preventDefault();
      state.submitted += 1;
    });
    state.textLength = document.body.innerText.length;
    state.inputValue = document.getElementById('comment-name').value;
    state.textareaValue = document.getElementById('comment-text').value;
    state.ready = true;
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
