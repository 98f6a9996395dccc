// Small enhancements; every page works without them.
document.addEventListener('click', function (event) {
  var printButton = event.target.closest('[data-print]');
  if (printButton) {
    window.print();
  }
});
