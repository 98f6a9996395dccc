// The counter tablet: while it waits, it asks every few seconds whether the counter has finished a ticket and shows
// that ticket's survey; after the thank-you it goes back to waiting. A form left alone for two minutes is skipped (the
// citizen has walked away) and one replaced by a newer finished ticket is dropped, so that the next citizen never sees
// someone else's half-filled answers.
(function () {
  'use strict';

  var body = document.body;
  var state = body.getAttribute('data-state');
  var home = body.getAttribute('data-home');
  var current = body.getAttribute('data-current');
  var ticket = body.getAttribute('data-ticket') || '';
  var POLL_MS = 4000;
  var THANKS_MS = 5000;
  var IDLE_MS = 120000;

  function goHome() {
    window.location.replace(home);
  }

  if (state === 'thanks') {
    window.setTimeout(goHome, THANKS_MS);
    return;
  }

  function poll() {
    if (!window.fetch) {
      return;
    }
    window.fetch(current, { credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : ticket; })
      .then(function (offered) {
        if (offered.trim() !== ticket) {
          goHome();
        }
      })
      .catch(function () { /* offline for a moment: ask again on the next round */ });
  }
  window.setInterval(poll, POLL_MS);

  if (state === 'form') {
    var idle = null;
    var skip = document.querySelector('.skip-form');
    var restart = function () {
      window.clearTimeout(idle);
      idle = window.setTimeout(function () { skip.submit(); }, IDLE_MS);
    };
    ['input', 'change', 'pointerdown', 'keydown'].forEach(function (type) {
      document.addEventListener(type, restart, true);
    });
    restart();
  }
})();
