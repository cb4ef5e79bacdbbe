(function () {
  "use strict";
  const esc = diplograph.escapeHtml;
  const d = diplograph.pageData();
  const c = diplograph.chart("chart-map");
  if (!c || !d) return;
  c.showLoading();
  fetch("/static/vendor/world/countries-110m.geojson")
    .then((r) => r.json())
    .then((world) => {
      echarts.registerMap("world", world);
      const maxN = Math.max(1, ...Object.values(d.countries));
      const byName = {};
      world.features.forEach((f) => {
        const n = d.countries[f.properties.iso_a3];
        if (n) byName[f.properties.name] = n;
      });
      c.hideLoading();
      c.setOption({
        tooltip: { trigger: "item",
                   formatter: (p) => esc(`${p.name}: ${Number.isFinite(p.value) ? p.value : 0} events`) },
        visualMap: { min: 0, max: maxN, left: 10, bottom: 10, text: ["events", ""],
                     inRange: { color: ["#eef3f8", "#8fb3d9"] }, seriesIndex: 0, calculable: false },
        geo: { map: "world", roam: true, itemStyle: { areaColor: "#eef1f4", borderColor: "#aab4bf" },
               emphasis: { itemStyle: { areaColor: "#dce4ec" }, label: { show: false } } },
        series: [
          { type: "map", geoIndex: 0, data: Object.entries(byName).map(([name, value]) => ({ name, value })) },
          { type: "scatter", coordinateSystem: "geo", symbolSize: (v) => 8 + 4 * Math.sqrt(v[2]),
            itemStyle: { color: "#c0262d" },
            tooltip: { formatter: (p) => esc(`${p.data.name}: ${p.data.value[2]} events (${p.data.types.join(", ")})`) },
            data: d.places.map((p) => ({ name: p.name, value: [p.lon, p.lat, p.n], types: p.types })) },
        ],
      });
      /* A marker lists every event at that place (with this page's filters). */
      c.on("click", (p) => {
        if (p.seriesType === "scatter") window.location.href = diplograph.eventsUrl({ place: p.data.name });
      });
      document.getElementById("chart-map").dataset.mapReady = "1";
    })
    .catch((e) => { c.hideLoading(); console.error("map boundaries failed to load", e); });
})();
