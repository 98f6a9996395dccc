// A ticket's status page: listens for changes of the mall's queue, reloads the ticket from the API (at most once a
// second) and updates the page; when the number is called it shows the alert, rings and vibrates. Every text comes
// from the page's data-msg-* and data-status-* attributes.
(function () {
  'use strict';

  var root = document.querySelector('[data-ticket]');
  if (!root || !window.EventSource || !window.fetch) {
    return;
  }

  function el(id) {
    return document.getElementById(id);
  }

  function msg(name) {
    return root.getAttribute('data-msg-' + name) || '';
  }

  function fill(template, value) {
    return template.replace('{0}', value);
  }

  var FINAL = ['DONE', 'NO_SHOW', 'CANCELLED'];
  var status = root.getAttribute('data-status');
  var card = document.querySelector('.ticket-card');
  var called = el('called');
  var soundBox = el('sound-box');
  var soundButton = el('sound-on');
  var live = el('live');
  var offline = el('offline');
  var title = document.title;
  var source = null;
  var audio = null;
  var pending = null;
  var changedForTicket = false;
  var justConnected = true;

  function isFinal(value) {
    return FINAL.indexOf(value) >= 0;
  }

  // ---- sound: browsers let a page play sound only after the person touched it once
  function audioContext() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!audio && Context) {
      audio = new Context();
    }
    if (audio && audio.state === 'suspended') {
      audio.resume();
    }
    return audio;
  }

  function beep(context, frequency, start, length) {
    window.satuPintuSound.tone(context, frequency, start, length, 0.5);
  }

  function ring() {
    var context = audio;
    if (context && context.state === 'running') {
      var now = context.currentTime;
      beep(context, 880, now, 0.3);
      beep(context, 1175, now + 0.4, 0.3);
      beep(context, 880, now + 0.8, 0.3);
      beep(context, 1175, now + 1.2, 0.5);
    }
    // Like sound, vibration needs a touch on the page first; asking before that only earns a console warning.
    var touched = !navigator.userActivation || navigator.userActivation.hasBeenActive;
    if (navigator.vibrate && touched) {
      navigator.vibrate([300, 100, 300]);
    }
  }

  if (soundButton) {
    soundButton.addEventListener('click', function () {
      var context = audioContext();
      if (context) {
        beep(context, 880, context.currentTime + 0.05, 0.2);
      }
      soundButton.textContent = msg('sound-ready');
      soundButton.disabled = true;
      soundButton.setAttribute('aria-pressed', 'true');
    });
  }

  // ---- the page
  function ahead(count) {
    if (count === null || count === undefined) {
      return '';
    }
    if (count === 0) {
      return msg('ahead-none');
    }
    return count === 1 ? msg('ahead-one') : fill(msg('ahead-many'), count);
  }

  function wait(minutes) {
    if (minutes === null || minutes === undefined) {
      return msg('no-counter');
    }
    return minutes < 1 ? msg('wait-soon') : fill(msg('wait'), minutes);
  }

  function finalNote(ticket, counter) {
    switch (ticket.status) {
      case 'SERVING': return fill(msg('serving'), counter);
      case 'DONE': return msg('done');
      case 'NO_SHOW': return msg('no-show');
      case 'CANCELLED': return msg('cancelled');
      default: return '';
    }
  }

  function update(ticket) {
    var state = ticket.status.toLowerCase();
    var counter = ticket.counter ? ticket.counter.name : '';
    var badge = el('t-status');
    badge.textContent = root.getAttribute('data-status-' + state) || ticket.status;
    badge.className = 'badge status-' + state;
    card.className = card.className.replace(/\bis-[a-z_]+/g, '').trim() + ' is-' + state;
    el('t-service').textContent = ticket.serviceName;
    el('row-position').hidden = ticket.position === null || ticket.position === undefined;
    el('t-position').textContent = el('row-position').hidden ? '' : fill(msg('position'), ticket.position);
    el('t-ahead').textContent = ahead(ticket.peopleAhead);
    el('row-wait').hidden = ticket.status !== 'WAITING';
    el('t-wait').textContent = wait(ticket.estimatedWaitMinutes);
    el('row-counter').hidden = !ticket.counter;
    el('t-counter').textContent = counter;
    called.hidden = ticket.status !== 'CALLED';
    called.querySelector('.called-text').textContent = fill(msg('called'), counter);
    var note = finalNote(ticket, counter);
    el('t-final').hidden = !note;
    el('t-final').textContent = note;
    el('keep-open').hidden = ticket.status !== 'WAITING';
    if (el('survey')) {
      el('survey').hidden = ticket.status !== 'DONE';
    }
    document.title = ticket.status === 'CALLED' ? fill(msg('called'), counter) : title;
    if (isFinal(ticket.status)) {
      soundBox.hidden = true;
      live.hidden = true;
      offline.hidden = true;
      if (source) {
        source.close();
        source = null;
      }
    }
  }

  function load() {
    pending = null;
    var forTicket = changedForTicket && !justConnected;
    changedForTicket = false;
    justConnected = false;
    fetch(root.getAttribute('data-api'), {
      headers: { 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'id' },
      cache: 'no-store'
    }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status));
    }).then(function (ticket) {
      var before = status;
      status = ticket.status;
      update(ticket);
      // Called now, or called again (a recall changes nothing but the moment of the call).
      if (ticket.status === 'CALLED' && (before !== 'CALLED' || forTicket)) {
        called.classList.remove('again');
        void called.offsetWidth;
        called.classList.add('again');
        window.scrollTo(0, 0);
        ring();
      }
    }).catch(function () {
      // the next change or reconnection tries again
    });
  }

  function schedule() {
    if (!pending) {
      pending = window.setTimeout(load, 1000);
    }
  }

  function connect() {
    source = new EventSource(root.getAttribute('data-events'));
    source.addEventListener('open', function () {
      offline.hidden = true;
      justConnected = true;
    });
    source.addEventListener('refresh', function (event) {
      try {
        if (JSON.parse(event.data).ticket) {
          changedForTicket = true;
        }
      } catch (e) {
        changedForTicket = true;
      }
      schedule();
    });
    source.addEventListener('error', function () {
      if (!source) {
        return;
      }
      offline.hidden = false;
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        window.setTimeout(connect, 10000);
      }
    });
  }

  if (!isFinal(status)) {
    live.hidden = false;
    soundBox.hidden = !(window.AudioContext || window.webkitAudioContext || navigator.vibrate);
    connect();
    document.addEventListener('visibilitychange', function () {
      if (!document.hidden && source) {
        schedule();
      }
    });
  }
})();
