// Draws the report and national charts with Chart.js from the JSON each canvas carries in data-chart; the figures
// are also in the page's tables, so the page reads without it.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var blue = '#0b5394', amber = '#b45309', green = '#116329';
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif';
  Chart.defaults.color = '#1b1f24';
  Chart.defaults.animation = false;

  function config(data) {
    switch (data.type) {
      case 'series':
        return {
          data: {
            labels: data.labels,
            datasets: [
              { type: 'bar', label: data.visitorsLabel, data: data.visitors, backgroundColor: blue, yAxisID: 'y' },
              { type: 'line', label: data.waitLabel, data: data.wait, borderColor: amber, backgroundColor: amber,
                yAxisID: 'wait', spanGaps: true, pointRadius: 2 }
            ]
          },
          options: {
            maintainAspectRatio: false,
            scales: {
              y: { beginAtZero: true, position: 'left' },
              wait: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } }
            }
          }
        };
      case 'doughnut':
        return {
          type: 'doughnut',
          data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: [blue, amber, green] }] },
          options: { maintainAspectRatio: false, plugins: { legend: { position: 'bottom' } } }
        };
      case 'bar':
        return {
          type: 'bar',
          data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: blue }] },
          options: { maintainAspectRatio: false, plugins: { legend: { display: false } },
            scales: { y: { beginAtZero: true } } }
        };
      case 'spark':
        return {
          type: 'line',
          data: { labels: data.labels, datasets: [{ data: data.values, borderColor: blue, borderWidth: 2,
            pointRadius: 0, fill: false, tension: 0.3 }] },
          options: { responsive: false,
            plugins: { legend: { display: false }, tooltip: { enabled: true } },
            scales: { x: { display: false }, y: { display: false, beginAtZero: true } } }
        };
      default:
        return null;
    }
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    try {
      var made = config(JSON.parse(canvas.getAttribute('data-chart')));
      if (made) {
        new Chart(canvas, made);
      }
    } catch (e) {
      canvas.parentNode.classList.add('chart-failed');
    }
  });
}());
