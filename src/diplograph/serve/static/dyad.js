(function () {
  "use strict";
  const d = diplograph.pageData();
  if (!d || !d.events || !d.events.length) return;
  const c = diplograph.chart("chart-timeline");
  if (!c) return;
  const dated = d.events.filter((e) => e.date && e.date.value);
  const types = [...new Set(dated.map((e) => e.type))].sort();
  const statuses = [...new Set(dated.map((e) => e.status))];
  c.setOption({
    tooltip: { formatter: (p) => diplograph.escapeHtml(p.data.label) },
    legend: { top: 0 },
    grid: { left: 90, right: 20, top: 30, bottom: 30 },
    xAxis: { type: "time" },
    yAxis: { type: "category", data: types },
    series: statuses.map((s) => ({
      name: s, type: "scatter", symbolSize: 14,
      symbol: ["planned", "hypothetical", "unconfirmed"].includes(s) ? "emptyCircle" : "circle",
      itemStyle: { color: diplograph.STATUS_COLORS[s] },
      data: dated.filter((e) => e.status === s).map((e) => ({
        value: [e.date.value, e.type], id: e.id,
        label: `${e.date.value} ${e.type} (${s})`,
      })),
    })),
  });
  c.on("click", (p) => { if (p.data && p.data.id) window.location.href = "/events/" + p.data.id; });
  diplograph.brushable(c, null);
})();
