// The display board: live from the mall's event stream. 'state' redraws the calls and the waiting counts, 'call'
// brings the call to the front, flashes it, chimes and announces it in Indonesian (and in English on the English
// page). The words of the announcements come from the page's data-say-* attributes.
(function () {
  'use strict';

  var body = document.body;
  function data(name) {
    return body.getAttribute('data-' + name);
  }
  function el(id) {
    return document.getElementById(id);
  }

  var english = data('lang') === 'en';
  var nowBox = document.querySelector('.board-now');
  var offline = el('offline');
  var gate = el('sound-gate');
  var latest = null;
  var source = null;

  // ---- clock, in the mall's time zone
  var clock = el('clock-time');
  var timeFormat = null;
  try {
    timeFormat = new Intl.DateTimeFormat(english ? 'en-GB' : 'id-ID',
      { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: data('tz') });
  } catch (e) {
    timeFormat = null;
  }
  function two(n) {
    return (n < 10 ? '0' : '') + n;
  }
  // The application's clock, not the TV's: they differ when the TV's clock is off or the mall runs on a set clock.
  var serverOffset = Number(data('server-now')) - Date.now();
  if (isNaN(serverOffset)) {
    serverOffset = 0;
  }
  function tick() {
    var now = new Date(Date.now() + serverOffset);
    clock.textContent = timeFormat ? timeFormat.format(now).replace('.', ':')
      : two(now.getHours()) + ':' + two(now.getMinutes());
  }
  tick();
  window.setInterval(tick, 1000);

  // ---- drawing
  function span(className, text) {
    var node = document.createElement('span');
    node.className = className;
    node.textContent = text;
    return node;
  }

  function timeOf(at) {
    var match = typeof at === 'string' ? /T(\d\d:\d\d)/.exec(at) : null;
    return match ? match[1] : '';
  }

  function showNow(call) {
    el('now').hidden = !call;
    el('now-empty').hidden = !!call;
    if (call) {
      el('now-number').textContent = call.number;
      el('now-counter').textContent = call.counter;
    }
  }

  function render(state) {
    var calls = state.calls || [];
    var current = latest || calls[0] || null;
    showNow(current);

    var skipped = false;
    var earlier = calls.filter(function (call) {
      if (!skipped && current && call.number === current.number) {
        skipped = true;
        return false;
      }
      return true;
    }).slice(0, 6);
    var recent = el('recent');
    recent.replaceChildren();
    if (!earlier.length) {
      var empty = document.createElement('li');
      empty.className = 'recent-empty';
      empty.textContent = data('no-recent');
      recent.appendChild(empty);
    }
    earlier.forEach(function (call) {
      var item = document.createElement('li');
      item.appendChild(span('r-number', call.number));
      item.appendChild(span('r-counter', call.counter));
      item.appendChild(span('r-time', timeOf(call.at)));
      recent.appendChild(item);
    });

    var waiting = el('waiting');
    waiting.replaceChildren();
    waiting.classList.toggle('many', (state.waiting || []).length > 10);
    (state.waiting || []).forEach(function (agency) {
      var item = document.createElement('li');
      item.setAttribute('data-agency', agency.agencyCode);
      if (!agency.waiting) {
        item.className = 'none';
      }
      item.appendChild(span('w-name', english ? agency.nameEn : agency.nameId));
      var count = span('w-count', '');
      var strong = document.createElement('strong');
      strong.textContent = String(agency.waiting);
      var unit = document.createElement('small');
      unit.textContent = data('people');
      count.appendChild(strong);
      count.appendChild(document.createTextNode(' '));
      count.appendChild(unit);
      item.appendChild(count);
      waiting.appendChild(item);
    });
  }

  function flash() {
    nowBox.classList.remove('flash');
    void nowBox.offsetWidth;
    nowBox.classList.add('flash');
  }
  nowBox.addEventListener('animationend', function () {
    nowBox.classList.remove('flash');
  });

  // ---- sound: one click on the screen is needed before a browser lets a page play sound
  var audio = null;
  var Context = window.AudioContext || window.webkitAudioContext;

  function unlock() {
    if (Context && !audio) {
      audio = new Context();
    }
    if (audio && audio.state === 'suspended') {
      audio.resume();
    }
    if (window.speechSynthesis) {
      var silent = new SpeechSynthesisUtterance(' ');
      silent.volume = 0;
      window.speechSynthesis.speak(silent);
    }
    gate.hidden = true;
  }

  if (Context) {
    try {
      audio = new Context();
    } catch (e) {
      audio = null;
    }
    if (!audio || audio.state !== 'running') {
      gate.hidden = false;
      gate.addEventListener('click', unlock);
      el('sound-on').focus();
    }
  }

  function tone(frequency, start, length) {
    window.satuPintuSound.tone(audio, frequency, start, length, 0.6);
  }

  function chime(then) {
    if (audio && audio.state === 'running') {
      var now = audio.currentTime;
      tone(784, now, 0.7);
      tone(587, now + 0.6, 1.0);
      window.setTimeout(then, 1500);
    } else {
      then();
    }
  }

  // "A012" is spoken letter by letter and digit by digit; "A - Loket 3" as its counter number, "tiga".
  function spell(text, digits, letters) {
    return text.split('').map(function (character) {
      if (character >= '0' && character <= '9') {
        return digits[+character];
      }
      var index = character.toUpperCase().charCodeAt(0) - 65;
      if (index >= 0 && index < 26) {
        return letters ? letters[index] : character.toUpperCase();
      }
      return '';
    }).filter(Boolean).join(' ');
  }

  function counterNumber(name) {
    var match = /loket\s*(\d+)/i.exec(name) || /(\d+)\s*$/.exec(name);
    return match ? match[1] : null;
  }

  function sentence(template, call, digits, letters) {
    var number = counterNumber(call.counter);
    return template.replace('{0}', spell(call.number, digits, letters))
      .replace('{1}', number ? spell(number, digits, null) : call.counter);
  }

  function list(name) {
    var value = data(name);
    return value ? value.split(',') : null;
  }

  function announcements(call) {
    var texts = [{ lang: 'id-ID', text: sentence(data('say-id'), call, list('digits-id'), list('letters-id')) }];
    if (data('say-en')) {
      texts.push({ lang: 'en-US', text: sentence(data('say-en'), call, list('digits-en'), null) });
    }
    return texts;
  }

  function speak(item, then) {
    var done = false;
    function finish() {
      if (!done) {
        done = true;
        then();
      }
    }
    if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) {
      finish();
      return;
    }
    var utterance = new SpeechSynthesisUtterance(item.text);
    utterance.lang = item.lang;
    utterance.rate = 0.9;
    var voice = window.speechSynthesis.getVoices().filter(function (v) {
      return v.lang && v.lang.replace('_', '-').toLowerCase().indexOf(item.lang.slice(0, 2).toLowerCase()) === 0;
    })[0];
    if (voice) {
      utterance.voice = voice;
    }
    utterance.onend = finish;
    utterance.onerror = finish;
    window.speechSynthesis.speak(utterance);
    window.setTimeout(finish, 12000);
  }

  var queue = [];
  var speaking = false;
  window.satuPintuBoard = { lastAnnouncement: null };

  function announceNext() {
    var call = queue.shift();
    if (!call) {
      speaking = false;
      return;
    }
    speaking = true;
    var texts = announcements(call);
    window.satuPintuBoard.lastAnnouncement = texts.map(function (t) { return t.text; }).join(' | ');
    chime(function () {
      speak(texts[0], function () {
        var after = function () {
          window.setTimeout(announceNext, 700);
        };
        if (texts[1]) {
          speak(texts[1], after);
        } else {
          after();
        }
      });
    });
  }

  function onCall(call) {
    latest = { number: call.number, counter: call.counter };
    showNow(latest);
    flash();
    queue.push(call);
    if (!speaking) {
      announceNext();
    }
  }

  // ---- the live stream; EventSource reconnects by itself unless the server refused it
  var lostConnection = false;
  function connect() {
    source = new EventSource(data('events'));
    source.addEventListener('open', function () {
      offline.hidden = true;
      if (lostConnection) {
        latest = null; // calls may have been missed: the state that follows tells the latest
        lostConnection = false;
      }
    });
    source.addEventListener('state', function (event) {
      render(JSON.parse(event.data));
    });
    source.addEventListener('call', function (event) {
      onCall(JSON.parse(event.data));
    });
    source.addEventListener('error', function () {
      offline.hidden = false;
      lostConnection = true;
      if (source.readyState === EventSource.CLOSED) {
        window.setTimeout(connect, 5000);
      }
    });
  }
  connect();
})();
