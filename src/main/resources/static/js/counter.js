// The counter console: keyboard shortcuts for the buttons that carry data-shortcut (not while typing), one post per
// press, and the waiting counts refreshed every 15 seconds from the same page.
(function () {
  'use strict';

  var page = document.querySelector('.console[data-refresh]');
  if (!page) {
    return;
  }
  var submitted = false;

  document.addEventListener('keydown', function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      return;
    }
    var target = event.target;
    if (target && target.closest && target.closest('input, textarea, select, [contenteditable]')) {
      return;
    }
    var key = (event.key || '').toLowerCase();
    if (!/^[a-z]$/.test(key)) {
      return;
    }
    var button = document.querySelector('button[data-shortcut="' + key + '"]:not([disabled])');
    if (button) {
      event.preventDefault();
      button.click();
    }
  });

  document.addEventListener('submit', function (event) {
    if (submitted) {
      event.preventDefault();
      return;
    }
    submitted = true;
  });

  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      submitted = false;
    }
  });

  function refreshLines() {
    if (document.hidden || submitted) {
      return;
    }
    fetch(page.getAttribute('data-refresh'), {
      headers: { 'Accept': 'text/html' },
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (response) {
      return response.ok && !response.redirected ? response.text() : Promise.reject(new Error('not the console'));
    }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('lines');
      var lines = document.getElementById('lines');
      if (fresh && lines && fresh.innerHTML !== lines.innerHTML) {
        lines.replaceWith(document.adoptNode(fresh));
      }
    }).catch(function () {
      // signed out or offline: the next round tries again
    });
  }

  window.setInterval(refreshLines, 15000);
})();
