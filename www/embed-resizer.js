// For pages that embed a chart as an iframe: include once,
//   <script src="https://HOST/www/embed-resizer.js" defer></script>
// and every iframe showing HOST/embed.html follows its chart's height. It
// listens for the embed's message { type: 'liangshan:embed-size', height }
// from that origin only, and changes nothing but the iframe's height.
(function () {
  'use strict';
  var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  var origin = new URL(script ? script.src : location.href).origin;
  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var d = e.data;
    if (!d || d.type !== 'liangshan:embed-size' || typeof d.height !== 'number' || !isFinite(d.height)) return;
    var height = Math.min(Math.max(Math.round(d.height), 50), 20000);
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) frames[i].style.height = height + 'px';
    }
  });
})();
