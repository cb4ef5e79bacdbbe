/* Cooperation above the axis, conflict below, per month: PLOVER's four classes. What
   happened is solid; what is planned or hypothetical is a separate, paler bar beside it. */
(function () {
  "use strict";
  const d = diplograph.pageData();
  const block = d && d.cooperation_conflict;
  const c = block && diplograph.chart("chart-coop");
  if (!c) return;
  const esc = diplograph.escapeHtml;
  const COLORS = { "verbal cooperation": "#7fbf7b", "material cooperation": "#1b7837",
                   "verbal conflict": "#f4a582", "material conflict": "#b2182b" };
  const series = [];
  Object.keys(COLORS).forEach((cls) => {
    const sign = cls.endsWith("conflict") ? -1 : 1;
    [["", "happened"], [" · planned", "planned"]].forEach(([suffix, stack]) => {
      const values = block.series[cls + suffix];
      if (!values) return;
      series.push({
        name: cls + suffix, type: "bar", stack: stack + (sign > 0 ? "+" : "-"),
        data: values.map((v) => sign * v), cursor: "pointer",
        itemStyle: { color: COLORS[cls], opacity: stack === "planned" ? 0.35 : 1,
                     borderColor: COLORS[cls], borderType: stack === "planned" ? "dashed" : "solid",
                     borderWidth: stack === "planned" ? 1 : 0 },
      });
    });
  });
  c.setOption({
    tooltip: {
      trigger: "axis",
      formatter: (items) => [esc(items.length ? items[0].axisValueLabel : ""),
        ...items.filter((p) => p.value).map((p) => `${esc(p.seriesName)}: ${esc(Math.abs(p.value))}`)].join("<br>"),
    },
    legend: { type: "scroll", top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 30 },
    xAxis: { type: "category", data: block.periods },
    yAxis: { type: "value", minInterval: 1, axisLabel: { formatter: (v) => String(Math.abs(v)) } },
    series,
  });
  diplograph.brushable(c, block.periods);
  /* A bar lists the page's events of that month. */
  c.on("click", (p) => {
    if (p.componentType !== "series") return;
    const changes = d.identity ? { actor: d.identity.id } : { actor: d.a, other: d.b };
    window.location.href = diplograph.eventsUrl(changes, p.name);
  });
  document.getElementById("chart-coop").dataset.classes = Object.keys(block.series).join("|");
})();
