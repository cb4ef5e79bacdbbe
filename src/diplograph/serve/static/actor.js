(function () {
  "use strict";
  const d = diplograph.pageData();
  if (!d || !d.by_type) return;
  const esc = diplograph.escapeHtml;
  const c = diplograph.chart("chart-actor-types");
  if (!c) return;
  const block = d.by_type;
  c.setOption({
    tooltip: {
      trigger: "axis",
      formatter: (items) => [esc(items.length ? items[0].axisValueLabel : ""),
        ...items.filter((p) => p.value).map((p) => `${esc(p.seriesName)}: ${esc(p.value)}`)].join("<br>"),
    },
    legend: { type: "scroll", top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 30 },
    xAxis: { type: "category", data: block.periods },
    yAxis: { type: "value", minInterval: 1 },
    series: Object.keys(block.series).map((n) => ({
      name: n, type: "bar", stack: "all", data: block.series[n], cursor: "pointer",
    })),
  });
  diplograph.brushable(c, block.periods);
  /* A bar lists this actor's events of that type and month. */
  c.on("click", (p) => {
    if (p.componentType === "series") {
      window.location.href = diplograph.eventsUrl({ actor: d.identity.id, type: p.seriesName }, p.name);
    }
  });
})();
