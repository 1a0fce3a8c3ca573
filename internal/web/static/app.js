// moim web view: small progressive enhancements. The pages work without it.
(function () {
  "use strict";

  // "모두 펼치기 / 모두 접기": open or close every bullet's sources.
  function setupToggleAll() {
    document.querySelectorAll("button.toggle-all").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var open = btn.getAttribute("data-open") !== "1";
        document.querySelectorAll("li.bullet details").forEach(function (d) { d.open = open; });
        btn.setAttribute("data-open", open ? "1" : "0");
        btn.textContent = open ? "모두 접기" : "모두 펼치기";
      });
    });
  }

  // A link to #<bullet id> opens that bullet's sources.
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    var el = document.getElementById(id);
    if (!el) return;
    if (/^L\d+$/.test(id)) {
      // A line of a note: its top a third down the screen (scroll-margin),
      // so the lines above it are in view.
      el.scrollIntoView({ block: "start" });
      return;
    }
    var d = el.querySelector("details");
    if (d) d.open = true;
    el.classList.add("flash");
    el.scrollIntoView({ block: "center" });
  }

  // Keep the bullet's state in the address so a link to it can be shared.
  function trackOpen() {
    document.querySelectorAll("li.bullet details").forEach(function (d) {
      d.addEventListener("toggle", function () {
        var li = d.closest("li.bullet");
        if (d.open && li && li.id && history.replaceState) {
          history.replaceState(null, "", "#" + li.id);
        }
      });
    });
  }

  // Hovering a heatmap row dims the others.
  function setupHeatmap() {
    document.querySelectorAll("table.hm").forEach(function (table) {
      var rows = table.querySelectorAll("tr.hm-row");
      rows.forEach(function (g) {
        g.addEventListener("mouseenter", function () {
          rows.forEach(function (o) { if (o !== g) o.classList.add("dim"); });
        });
        g.addEventListener("mouseleave", function () {
          rows.forEach(function (o) { o.classList.remove("dim"); });
        });
      });
    });
  }

  // A note opened with ?line=N and no #LN goes to line N: the address
  // gets #LN, so the line is the page's target (highlighted, with context
  // above it, see app.css).
  function lineFromQuery() {
    if (location.hash) return;
    var m = /[?&]line=(\d+)/.exec(location.search);
    if (!m || m[1] === "0") return;
    if (document.getElementById("L" + m[1])) location.replace("#L" + m[1]);
  }

  function init() {
    lineFromQuery();
    setupToggleAll();
    trackOpen();
    setupHeatmap();
    openTarget();
    window.addEventListener("hashchange", openTarget);
    document.documentElement.setAttribute("data-js", "ready");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
