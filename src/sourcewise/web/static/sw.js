/* The document page's only behaviour: click (or Enter on) a highlight to show its record.
 * Records are rendered by the server as cards; this script copies the chosen card into the
 * side panel and marks every piece of the quote. Without it, the cards are listed under the text. */
"use strict";
(function () {
  function byRef(ref) {
    return document.querySelectorAll('mark.hl[data-ref="' + CSS.escape(ref) + '"]');
  }

  function chainOf(mark, ref) {
    var out = [];
    var seen = {};
    seen[ref] = true;
    for (var m = mark && mark.parentElement ? mark.parentElement.closest("mark.hl") : null; m; m = m.parentElement ? m.parentElement.closest("mark.hl") : null) {
      var r = m.getAttribute("data-ref");
      if (!seen[r]) { seen[r] = true; out.push(m); }
    }
    return out;
  }

  function select(ref, opts) {
    opts = opts || {};
    var card = document.getElementById("card-" + ref);
    var detail = document.getElementById("detail");
    if (!card || !detail) return;
    document.querySelectorAll("mark.hl.is-active").forEach(function (m) { m.classList.remove("is-active"); });
    byRef(ref).forEach(function (m) { m.classList.add("is-active"); });
    var clone = card.cloneNode(true);
    clone.removeAttribute("id");
    clone.classList.add("is-detail");
    var parts = [clone];
    var first = opts.mark || document.getElementById("q-" + ref);
    var outer = chainOf(first, ref);
    if (outer.length) {
      var p = document.createElement("p");
      p.className = "chain small";
      p.appendChild(document.createTextNode("Inside: "));
      outer.forEach(function (m, i) {
        var a = document.createElement("a");
        a.href = "#q-" + m.getAttribute("data-ref");
        a.setAttribute("data-select", m.getAttribute("data-ref"));
        a.textContent = (m.getAttribute("title") || m.getAttribute("data-ref"));
        if (i) p.appendChild(document.createTextNode(" · "));
        p.appendChild(a);
      });
      parts.push(p);
    }
    detail.replaceChildren.apply(detail, parts);
    if (opts.scroll && first) {
      first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
    }
  }

  document.addEventListener("click", function (ev) {
    var link = ev.target.closest("[data-select]");
    if (link) {
      ev.preventDefault();
      var ref = link.getAttribute("data-select");
      if (history.replaceState) history.replaceState(null, "", "#q-" + ref);
      select(ref, { scroll: true });
      return;
    }
    var mark = ev.target.closest("mark.hl");
    if (mark) select(mark.getAttribute("data-ref"), { mark: mark });
  });

  document.addEventListener("keydown", function (ev) {
    var mark = ev.target.closest && ev.target.closest("mark.hl");
    if (mark && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      select(mark.getAttribute("data-ref"), { mark: mark });
    }
  });

  document.addEventListener("change", function (ev) {
    var kind = ev.target.getAttribute && ev.target.getAttribute("data-toggle-kind");
    var article = document.getElementById("article");
    if (kind && article) article.classList.toggle("hide-" + kind, !ev.target.checked);
  });

  function fromHash() {
    var h = decodeURIComponent(location.hash || "");
    if (h.indexOf("#q-") === 0) select(h.slice(3), { scroll: true });
  }
  window.addEventListener("hashchange", fromHash);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fromHash);
  else fromHash();
})();
