/* Shared helpers for the dashboard pages (no build step; plain browser JS). */
(function () {
  "use strict";
  const STATUS_COLORS = {
    asserted: "#1b7f3b", reported: "#12808a", unconfirmed: "#c36a00", planned: "#2457c5",
    hypothetical: "#7b3fb0", denied: "#c0262d", negated: "#6b6b6b",
  };
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
  window.diplograph = { STATUS_COLORS, pageData, chart };
  document.addEventListener("DOMContentLoaded", scrollToFocus);
})();
