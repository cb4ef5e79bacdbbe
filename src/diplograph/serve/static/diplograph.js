/* Shared helpers for the dashboard pages (no build step; plain browser JS). */
(function () {
  "use strict";
  const STATUS_COLORS = {
    asserted: "#1b7f3b", reported: "#12808a", unconfirmed: "#c36a00", planned: "#2457c5",
    hypothetical: "#7b3fb0", denied: "#c0262d", negated: "#6b6b6b",
  };
  const HTML_ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  /* Text for innerHTML: every string a chart formatter shows goes through this
     (ECharts puts a formatter's result into the page as HTML). */
  function escapeHtml(value) {
    return String(value === null || value === undefined ? "" : value)
      .replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
  }
  function pageData() {
    const el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : null;
  }
  function chart(id) {
    const el = document.getElementById(id);
    if (!el || typeof echarts === "undefined") return null;
    const c = echarts.init(el, null, { renderer: "canvas" });
    window.addEventListener("resize", () => c.resize());
    el.dataset.ready = "1";
    return c;
  }
  function scrollToFocus() {
    const m = document.querySelector("mark.evidence.focus");
    if (m) m.scrollIntoView({ block: "center" });
  }
  /* The event list for this page's filters (from its own URL, which holds its whole
     state), with ``changes`` applied; ``period`` is a month (YYYY-MM), a day, or
     "undated" (the bucket of events with no month). Empty values drop a parameter. */
  function eventsUrl(changes, period) {
    const params = new URLSearchParams(window.location.search);
    ["page", "level", "min_weight", "a", "b"].forEach((k) => params.delete(k));
    Object.entries(changes || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === "") params.delete(k); else params.set(k, v);
    });
    if (period === "undated") {
      params.delete("since"); params.delete("until"); params.set("undated", "true");
    } else if (period) {
      params.set("since", period); params.set("until", period); params.delete("undated");
    }
    return "/events?" + params.toString();
  }
  window.diplograph = { STATUS_COLORS, escapeHtml, pageData, chart, eventsUrl };
  /* The confidence slider shows its value as it moves. */
  function confidenceOutputs() {
    document.querySelectorAll("input.confidence-range").forEach((input) => {
      const out = input.parentElement.querySelector("output.confidence-value");
      if (out) input.addEventListener("input", () => { out.textContent = input.value; });
    });
  }
  document.addEventListener("DOMContentLoaded", scrollToFocus);
  document.addEventListener("DOMContentLoaded", confidenceOutputs);
})();
