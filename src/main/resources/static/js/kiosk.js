// The kiosk at the mall's entrance: back to the start page after a while without a touch (the page says where and
// after how long in data-home and data-idle-seconds on <body>), the print button, and one ticket per touch.
(function () {
  'use strict';

  var body = document.body;
  var home = body.getAttribute('data-home');
  var idleSeconds = parseInt(body.getAttribute('data-idle-seconds') || '0', 10);
  var idleTimer = null;
  var submitted = false;

  function restartIdleTimer() {
    if (!home || !idleSeconds) {
      return;
    }
    window.clearTimeout(idleTimer);
    idleTimer = window.setTimeout(function () {
      window.location.assign(home);
    }, idleSeconds * 1000);
  }

  ['pointerdown', 'touchstart', 'keydown', 'wheel'].forEach(function (type) {
    window.addEventListener(type, restartIdleTimer, { passive: true });
  });
  restartIdleTimer();

  document.addEventListener('click', function (event) {
    if (event.target.closest('[data-print]')) {
      window.print();
      restartIdleTimer();
    }
  });

  // A second touch while the first is on its way would take a second number.
  document.addEventListener('submit', function (event) {
    if (submitted) {
      event.preventDefault();
      return;
    }
    submitted = true;
    event.target.classList.add('submitting');
  });

  // Coming back with the browser's back button shows the page from the cache: let it take a number again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      submitted = false;
      document.querySelectorAll('form.submitting').forEach(function (form) {
        form.classList.remove('submitting');
      });
      restartIdleTimer();
    }
  });

  // A long press would open the browser's menu on a touch screen.
  document.addEventListener('contextmenu', function (event) {
    event.preventDefault();
  });
})();
