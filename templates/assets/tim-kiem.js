/* Procedure search (optional: without JavaScript form.site-search just opens the catalogue).
   The index is a script (the form's data-index), so it loads from file:// where fetch cannot:
   window.CONGKHAI_TIM_KIEM = [[code, name, field, levelLabel, pathFromRoot, foldedText], ...],
   foldedText folded by the build exactly as fold() folds the query. */
var congkhaiTimKiem = (function () {
  "use strict";
  var MAX = 20;

  /* Lowercase, no diacritics, đ → d. */
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  /* Folded words; punctuation between words ignored, dots kept (codes). */
  function words(query) {
    return fold(query).split(/[\s,;:!?"'()\[\]]+/).filter(function (w) { return w.length > 0; });
  }

  /* Every query word occurs in the folded text, in any order. */
  function matches(entry, query) {
    var ws = typeof query === "string" ? words(query) : query;
    if (!ws.length) return false;
    var text = entry[5];
    for (var i = 0; i < ws.length; i++) {
      if (text.indexOf(ws[i]) < 0) return false;
    }
    return true;
  }

  /* Matches containing the whole phrase first, then the rest, in index order. */
  function search(index, query) {
    var ws = words(query), phrase = ws.join(" "), first = [], rest = [];
    for (var i = 0; i < index.length; i++) {
      if (!matches(index[i], ws)) continue;
      (index[i][5].indexOf(phrase) >= 0 ? first : rest).push(index[i]);
    }
    return first.concat(rest);
  }

  var api = { fold: fold, matches: matches, search: search };
  if (typeof document === "undefined") return api;   // Node: the pure functions only

  var loading = null;   // callbacks waiting for the index, or null before the first request
  function withIndex(src, done, failed) {
    if (window.CONGKHAI_TIM_KIEM) { done(window.CONGKHAI_TIM_KIEM); return; }
    if (loading) { loading.push([done, failed]); return; }
    loading = [[done, failed]];
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () {
      var index = window.CONGKHAI_TIM_KIEM;
      var waiting = loading;
      loading = index ? null : loading;
      waiting.forEach(function (cb) { if (index) cb[0](index); else cb[1](); });
    };
    script.onerror = function () {
      var waiting = loading;
      loading = null;      // allow another try later
      script.parentNode.removeChild(script);
      waiting.forEach(function (cb) { cb[1](); });
    };
    document.head.appendChild(script);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function setup(form) {
    var input = form.querySelector("input[name=q]");
    var box = form.parentNode;
    var results = box.querySelector(".search-results");
    if (!input || !results) return;
    var status = results.querySelector(".search-status");   // aria-live="polite"
    if (!status) return;
    var root = form.getAttribute("data-root") || "";
    var src = form.getAttribute("data-index");
    var timer = null;
    var list = null;

    function clear() {
      if (list) { results.removeChild(list); list = null; }
      status.textContent = "";
      box.classList.remove("has-results");
    }

    function show(index) {
      var query = input.value;
      if (!words(query).length) { clear(); return; }
      var found = search(index, query);
      if (list) results.removeChild(list);
      list = null;
      box.classList.add("has-results");
      if (!found.length) {
        status.textContent = "Không tìm thấy kết quả phù hợp.";
        return;
      }
      status.textContent = "Tìm thấy " + found.length + " kết quả" +
        (found.length > MAX ? ", hiển thị " + MAX + " kết quả đầu tiên." : ".");
      list = el("ul", "search-list");
      found.slice(0, MAX).forEach(function (entry) {
        var li = el("li");
        var a = el("a", null, entry[1]);
        a.href = root + entry[4];
        li.appendChild(a);
        li.appendChild(el("span", "search-meta", entry[0] + " · " + entry[2] + (entry[3] ? " · " + entry[3] : "")));
        list.appendChild(li);
      });
      results.appendChild(list);
    }

    function run() {
      if (!words(input.value).length) { clear(); return; }
      withIndex(src, show, function () {
        box.classList.add("has-results");
        status.textContent = "Không tải được danh mục để tìm; bấm “Tìm” để mở danh mục thủ tục.";
      });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(run, 100);
    }

    input.addEventListener("focus", function () {
      withIndex(src, function () {}, function () {});
      if (input.value && !list && !status.textContent) run();
    });
    input.addEventListener("input", later);
    box.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      if (!input.value && !list) return;
      event.preventDefault();
      input.value = "";
      clear();
      input.focus();
    });
    // A dropdown closes when focus leaves the box (not mid-click: Safari does not focus links).
    var pressing = false;
    box.addEventListener("mousedown", function () { pressing = true; });
    document.addEventListener("mouseup", function () { setTimeout(function () { pressing = false; }, 300); });
    box.addEventListener("focusout", function () {
      if (!box.classList.contains("search-dropdown")) return;
      setTimeout(function () {
        if (!pressing && !box.contains(document.activeElement)) clear();
      }, 0);
    });
    if (form.hasAttribute("data-url-query")) {
      // The catalogue's own box: search without reloading; take ?q= from the address.
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        clearTimeout(timer);
        run();
        try {
          history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
        } catch (e) { /* file:// may refuse */ }
      });
      var q = null;
      try { q = new URLSearchParams(location.search).get("q"); } catch (e) { q = null; }
      if (q && words(q).length) {
        input.value = q;
        run();
      }
    }
  }

  function start() {
    var forms = document.querySelectorAll("form.site-search");
    for (var i = 0; i < forms.length; i++) setup(forms[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  return api;
})();
if (typeof module !== "undefined") module.exports = { fold: congkhaiTimKiem.fold, matches: congkhaiTimKiem.matches };
