// Requests that htmx sends to change something carry the page's CSRF token in a header, as forms carry it in a
// hidden field. Only pages of signed-in people have the token in their head: anonymous pages keep no session.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});
