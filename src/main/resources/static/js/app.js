// Small enhancements; every page works without them.
document.addEventListener('click', function (event) {
  var printButton = event.target.closest('[data-print]');
  if (printButton) {
    window.print();
  }
  var confirming = event.target.closest('[data-confirm]');
  if (confirming && !window.confirm(confirming.getAttribute('data-confirm'))) {
    event.preventDefault();
  }
});
