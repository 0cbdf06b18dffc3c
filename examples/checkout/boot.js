// Loaded before the page's modules (a classic script, so it runs even when they cannot): when a
// script or module of the page fails to load, most often because its bytes do not match the
// integrity attribute, the customer sees why instead of a page that never starts.
'use strict';
window.addEventListener('error', function (event) {
  var el = event.target;
  if (!el || (el.tagName !== 'SCRIPT' && el.tagName !== 'LINK')) return;
  var file = el.getAttribute('src') || el.getAttribute('href');
  var notice = document.getElementById('loading');
  // The first failure names the file; the page's own module fails after it, as a consequence.
  if (notice && document.body.dataset.ready !== 'true' && document.body.dataset.failed !== 'true') {
    notice.textContent = 'The checkout could not start: ' + file +
      ' could not be loaded or failed its integrity check, so it was not run.';
    document.body.dataset.failed = 'true';
  }
}, true);
