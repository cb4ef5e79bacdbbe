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
  function stacked(id, block, colors) {
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
        name: n, type: "bar", stack: "all", data: block.series[n],
        itemStyle: colors && colors[n] ? { color: colors[n] } : undefined,
      })),
    });
  }
  stacked("chart-types", d.by_type, null);
  stacked("chart-status", d.by_status, diplograph.STATUS_COLORS);
})();
