// The floor monitor: htmx fetches the live part every few seconds; this only shows when fetching fails and hides
// the notice again once it works.
(function () {
  'use strict';
  var offline = document.getElementById('floor-offline');
  function show(lost) {
    if (offline) {
      offline.hidden = !lost;
    }
  }
  document.body.addEventListener('htmx:sendError', function () { show(true); });
  document.body.addEventListener('htmx:responseError', function () { show(true); });
  document.body.addEventListener('htmx:afterSwap', function () { show(false); });
  // A signed-out session answers with the sign-in page: keep the last figures and say so rather than swap it in.
  document.body.addEventListener('htmx:beforeSwap', function (event) {
    var text = event.detail.xhr && event.detail.xhr.responseText;
    if (event.detail.shouldSwap && (!text || text.indexOf('id="floor-live"') < 0)) {
      event.detail.shouldSwap = false;
      show(true);
    }
  });
}());
