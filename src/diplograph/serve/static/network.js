(function () {
  "use strict";
  const d = diplograph.pageData();
  const c = diplograph.chart("chart-network");
  if (!c || !d) return;
  const esc = diplograph.escapeHtml;
  const max = Math.max(1, ...d.nodes.map((n) => n.weight));
  const types = (counts) => Object.entries(counts).map(([t, n]) => t + " " + n).join(", ");
  c.setOption({
    tooltip: {
      formatter: (p) => esc(p.dataType === "edge"
        ? `${p.data.source} – ${p.data.target}: ${p.data.value} (${types(p.data.types)})`
        : `${p.data.name}: ${p.data.value} events`),
    },
    series: [{
      type: "graph", layout: "force", roam: true, draggable: true,
      force: { repulsion: 260, edgeLength: [80, 200], layoutAnimation: !diplograph.STILL },
      label: { show: true, position: "right" },
      edgeSymbol: ["none", "arrow"],
      lineStyle: { color: "source", curveness: 0.15, opacity: 0.7 },
      data: d.nodes.map((n) => ({
        id: n.id, name: n.label || n.id, value: n.weight,
        symbolSize: 12 + 30 * Math.sqrt(n.weight / max),
      })),
      links: d.edges.map((e) => ({
        source: e.source, target: e.target, value: e.weight, types: e.types,
        symbol: e.directed ? ["none", "arrow"] : ["none", "none"],
        lineStyle: { width: 1 + Math.log2(1 + e.weight) * 1.5 },
      })),
    }],
  });
  /* An edge lists the events between its ends; a node opens the actor's page. */
  c.on("click", (p) => {
    if (p.dataType === "edge") {
      window.location.href = diplograph.eventsUrl({ actor: p.data.source, other: p.data.target });
    } else if (p.dataType === "node") {
      window.location.href = "/actors/" + encodeURIComponent(p.data.id);
    }
  });
})();
