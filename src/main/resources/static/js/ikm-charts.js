// The IKM page's charts, drawn from the numbers in its tables (which stay for those without JavaScript or who
// prefer them): the converted value of each element as bars coloured by grade, and the monthly trend as a line.
(function () {
  'use strict';

  if (!window.Chart) {
    return;
  }
  var GRADE_COLOURS = { A: '#116329', B: '#0b5394', C: '#b45309', D: '#a40e26' };

  function rows(table) {
    return Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  }

  function value(row) {
    var text = row.getAttribute('data-ikm');
    return text ? parseFloat(text) : null;
  }

  function show(canvas) {
    canvas.parentNode.hidden = false;
    return canvas;
  }

  /** Draws the rows of the table on the canvas; the values run along the 25-100 scale of the IKM. */
  function draw(canvas, table, type, shown, labelOf, style, valueAxis) {
    var scales = {};
    scales[valueAxis] = { min: 25, max: 100, ticks: { stepSize: 25 } };
    var dataset = { label: table.getAttribute('data-label'), data: shown.map(value) };
    Object.keys(style).forEach(function (key) { dataset[key] = style[key]; });
    return new window.Chart(show(canvas), {
      type: type,
      data: { labels: shown.map(labelOf), datasets: [dataset] },
      options: {
        indexAxis: valueAxis === 'x' ? 'y' : 'x', maintainAspectRatio: false, animation: false,
        scales: scales, plugins: { legend: { display: false } }
      }
    });
  }

  var elements = document.getElementById('elements-table');
  var elementsCanvas = document.getElementById('elements-chart');
  if (elements && elementsCanvas) {
    var answered = rows(elements).filter(function (row) { return value(row) !== null; });
    if (answered.length) {
      draw(elementsCanvas, elements, 'bar', answered, function (row) { return row.getAttribute('data-code'); }, {
        backgroundColor: answered.map(function (row) {
          return GRADE_COLOURS[row.getAttribute('data-grade')] || '#56606b';
        })
      }, 'x');
    }
  }

  var trend = document.getElementById('trend-table');
  var trendCanvas = document.getElementById('trend-chart');
  if (trend && trendCanvas) {
    var months = rows(trend);
    if (months.some(function (row) { return value(row) !== null; })) {
      draw(trendCanvas, trend, 'line', months, function (row) { return row.getAttribute('data-month'); },
        { borderColor: '#0b5394', backgroundColor: '#0b5394', spanGaps: true, tension: 0.2 }, 'y');
    }
  }
})();
