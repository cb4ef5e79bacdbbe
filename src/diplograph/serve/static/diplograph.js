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
  /* This page's URL with the date range ``since``..``until`` (months or days): every
     filter kept, paging reset, the undated bucket left (a range is dated). */
  function rangeUrl(since, until) {
    const params = new URLSearchParams(window.location.search);
    ["page", "undated"].forEach((k) => params.delete(k));
    params.set("since", since); params.set("until", until);
    return window.location.pathname + "?" + params.toString();
  }
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }
  /* The dates a brushed stretch of the x axis covers: months of a category axis
     (``periods``; the "undated" bar is no date), days of a time axis; null if none. */
  function brushedRange(area, periods) {
    const [from, to] = area.coordRange;
    if (!periods) return [day(from), day(to)];
    const months = periods.slice(Math.max(0, Math.round(from)), Math.round(to) + 1)
      .filter((p) => p !== "undated");
    return months.length ? [months[0], months[months.length - 1]] : null;
  }
  /* Brushing and zoom on a time chart. Dragging across the chart brushes a range, which
     becomes since/until in this page's URL: the page reloads filtered (lists, totals, every
     chart), and the URL can be shared. A click without a drag still opens a bar's events.
     The slider under the chart (or shift + wheel) zooms without filtering. ``periods``:
     the category axis' months, or null for a time axis. */
  function brushable(c, periods) {
    c.setOption({
      toolbox: { right: 8, top: 0, feature: { brush: { type: ["lineX", "clear"] } } },
      brush: { xAxisIndex: 0, brushType: "lineX", brushMode: "single",
               outOfBrush: { colorAlpha: 0.3 } },
      dataZoom: [{ type: "inside", xAxisIndex: 0, zoomOnMouseWheel: "shift", moveOnMouseMove: false },
                 { type: "slider", xAxisIndex: 0, height: 14, bottom: 6 }],
      grid: { bottom: 58 },
      legend: { right: 70 },
    });
    c.dispatchAction({ type: "takeGlobalCursor", key: "brush",
                       brushOption: { brushType: "lineX", brushMode: "single" } });
    c.on("brushEnd", (e) => {
      const range = e.areas && e.areas.length ? brushedRange(e.areas[0], periods) : null;
      if (range) window.location.href = rangeUrl(range[0], range[1]);
    });
    c.getDom().dataset.brushable = "1";
  }
  window.diplograph = { STATUS_COLORS, escapeHtml, pageData, chart, eventsUrl, brushable };
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
