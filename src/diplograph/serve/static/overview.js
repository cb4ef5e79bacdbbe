(function () {
  "use strict";
  const d = diplograph.pageData();
  const esc = diplograph.escapeHtml;
  /* One line per non-zero series; text only (ECharts' own colour markers are inline
     styles, which the page's CSP refuses). */
  function axisTooltip(items) {
    const lines = items.filter((p) => p.value).map((p) => `${esc(p.seriesName)}: ${esc(p.value)}`);
    return [esc(items.length ? items[0].axisValueLabel : ""), ...lines].join("<br>");
  }
  /* A bar opens the event list for its month (or the undated bucket) and its series,
     keeping every filter of this page. */
  function drill(column, period, value) {
    window.location.href = diplograph.eventsUrl({ [column]: value }, period);
  }
  function stacked(id, column, block, colors) {
    const c = diplograph.chart(id);
    if (!c) return;
    const names = Object.keys(block.series);
    c.setOption({
      tooltip: { trigger: "axis", formatter: axisTooltip },
      legend: { type: "scroll", top: 0 },
      grid: { left: 40, right: 16, top: 40, bottom: 30 },
      xAxis: { type: "category", data: block.periods },
      yAxis: { type: "value", minInterval: 1 },
      series: names.map((n) => ({
        name: n, type: "bar", stack: "all", data: block.series[n], cursor: "pointer",
        itemStyle: colors && colors[n] ? { color: colors[n] } : undefined,
      })),
    });
    c.on("click", (p) => { if (p.componentType === "series") drill(column, p.name, p.seriesName); });
    diplograph.brushable(c, block.periods);
  }
  stacked("chart-types", "type", d.by_type, null);
  stacked("chart-status", "status", d.by_status, diplograph.STATUS_COLORS);
})();
