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
  /* A reader whose system asks for less motion gets every chart drawn at once: no bars
     growing in, no force layout moving on screen (the browser tests ask for it too). */
  const STILL = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  function chart(id) {
    const el = document.getElementById(id);
    if (!el || typeof echarts === "undefined") return null;
    const c = echarts.init(el, null, { renderer: "canvas" });
    if (STILL) c.setOption({ animation: false });
    window.addEventListener("resize", () => c.resize());
    /* "1" once a drawing has ended with no animation left, "0" while one runs: what the
       browser tests wait on instead of fixed delays (ECharts' own "finished" event). */
    c.on("rendered", () => { el.dataset.settled = "0"; });
    c.on("finished", () => { el.dataset.settled = "1"; });
    el.dataset.ready = "1";
    return c;
  }
  /* What a page shows beyond its filters, kept in its URL so that a shared link shows the
     same view: the time charts' zoom window (``window``) and the map's centre and zoom
     (``view``). Only the page's own scripts read them; the server ignores them. */
  const WINDOW = "window";
  const VIEW_PARAMS = [WINDOW, "view"];
  /* This page's URL with ``name`` set to ``value`` (removed when empty), in place: no new
     history entry, no reload. */
  function keepInUrl(name, value) {
    const params = new URLSearchParams(window.location.search);
    if (value) params.set(name, value); else params.delete(name);
    const query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }
  function urlParam(name) { return new URLSearchParams(window.location.search).get(name); }
  function scrollToFocus() {
    const m = document.querySelector("mark.evidence.focus");
    if (m) m.scrollIntoView({ block: "center" });
  }
  /* The event list for this page's filters (from its own URL, which holds its whole
     state), with ``changes`` applied; ``period`` is a month (YYYY-MM), a day, or
     "undated" (the bucket of events with no month). Empty values drop a parameter. */
  function eventsUrl(changes, period) {
    const params = new URLSearchParams(window.location.search);
    ["page", "level", "min_weight", "a", "b", ...VIEW_PARAMS].forEach((k) => params.delete(k));
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
    ["page", "undated", WINDOW].forEach((k) => params.delete(k));  // a new axis: no window
    params.set("since", since); params.set("until", until);
    return window.location.pathname + "?" + params.toString();
  }
  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }
  /* The last moment of a period (a day or a month, YYYY-MM[-DD]), in ms; null for the
     "undated" bar, which has no end on a time axis. */
  function periodEnd(period) {
    if (period.length === 7) return Date.UTC(+period.slice(0, 4), +period.slice(5, 7), 0);
    const ms = Date.parse(period);
    return Number.isFinite(ms) ? ms : null;
  }
  /* Time charts of this page, each ``{ c, periods }``: they share one window. */
  const timeCharts = [];
  let applyingWindow = false;
  /* The window a chart's dataZoom shows, as [from, to] (months of a category axis, days of
     a time axis), or null when it shows the whole axis. */
  function shownWindow(c, periods) {
    const zoom = c.getOption().dataZoom[0];
    if (zoom.start <= 0 && zoom.end >= 100) return null;
    if (!periods) return [day(zoom.startValue), day(zoom.endValue)];
    return [periods[zoom.startValue], periods[zoom.endValue]];
  }
  /* Show ``win`` ([from, to], months or days) on a chart, or the whole axis (null). A
     category axis shows its periods from ``from``'s month to ``to``'s (a window written by
     a time axis fits a month axis, and the other way round). */
  function showWindow(chart, win) {
    const { c, periods } = chart;
    let range = { start: 0, end: 100 };
    if (win && periods) {
      const from = win[0].slice(0, 7), to = win[1] === "undated" ? win[1] : win[1].slice(0, 7);
      const first = periods.findIndex((p) => p >= from);
      const last = periods.length - 1 - [...periods].reverse().findIndex((p) => p <= to);
      if (first >= 0 && last < periods.length && first <= last) {
        range = { startValue: first, endValue: last };
      }
    } else if (win) {
      const end = periodEnd(win[1]);
      range = end === null ? { startValue: Date.parse(win[0]), end: 100 }
        : { startValue: Date.parse(win[0]), endValue: end };
    }
    applyingWindow = true;
    try {
      c.dispatchAction({ type: "dataZoom", dataZoomIndex: 0, ...range });
    } finally {
      applyingWindow = false;
    }
  }
  /* A chart was zoomed or panned by the user: its window goes into the URL, and the page's
     other time charts show it too. */
  function windowChanged(chart) {
    if (applyingWindow) return;
    const win = shownWindow(chart.c, chart.periods);
    keepInUrl(WINDOW, win ? win.join(",") : null);
    timeCharts.filter((other) => other !== chart).forEach((other) => showWindow(other, win));
    chart.c.getDom().dataset.window = win ? win.join(",") : "";
  }
  /* The window of the URL (?window=FROM,TO), or null. */
  function windowInUrl() {
    const value = urlParam(WINDOW);
    const parts = value ? value.split(",") : [];
    return parts.length === 2 && parts.every((p) => /^(\d{4}-\d{2}(-\d{2})?|undated)$/.test(p))
      ? parts : null;
  }
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
    const chart = { c, periods };
    timeCharts.push(chart);
    const win = windowInUrl();
    if (win) showWindow(chart, win);
    c.getDom().dataset.window = win ? win.join(",") : "";
    c.on("datazoom", () => windowChanged(chart));
    c.getDom().dataset.brushable = "1";
  }
  window.diplograph = { STATUS_COLORS, STILL, escapeHtml, pageData, chart, eventsUrl, brushable,
                        keepInUrl, urlParam };
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
