/* Optional enhancement only; the site works the same without it. A table wider than the screen
   scrolls sideways: make it focusable so keyboard users can scroll it with the arrow keys. */
(function () {
  function mark() {
    var els = document.querySelectorAll("main table, main .table-wrap");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.tagName === "TABLE" && el.parentNode.classList.contains("table-wrap")) continue;
      var wide = el.scrollWidth > el.clientWidth + 1;
      if (wide && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("data-cuon", "");
      } else if (!wide && el.hasAttribute("data-cuon")) {
        el.removeAttribute("tabindex");
        el.removeAttribute("data-cuon");
      }
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  window.addEventListener("resize", mark);
})();
