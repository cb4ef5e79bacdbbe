/* The map: a country choropleth of event counts, and the places clustered by zoom level
   (the server groups them: /map.json?zoom=N), each cluster a marker with its count. A click
   on a cluster lists every event at its places (/events?within=its box). Zooming in or out
   by a level fetches that level's clusters and keeps it in the URL (?zoom=N); the exact
   centre and zoom go there too (?view=LON,LAT,ZOOM), so a shared link shows the same map. */
(function () {
  "use strict";
  const esc = diplograph.escapeHtml;
  const d = diplograph.pageData();
  const el = document.getElementById("chart-map");
  const c = diplograph.chart("chart-map");
  if (!c || !d) return;
  const MAX_LEVEL = 12;
  let level = d.zoom;
  const view = viewInUrl();

  /* The map's centre and zoom of the URL (?view=LON,LAT,ZOOM), or null. */
  function viewInUrl() {
    const parts = (diplograph.urlParam("view") || "").split(",").map(Number);
    const [lon, lat, zoom] = parts;
    const fits = parts.length === 3 && parts.every(Number.isFinite) && Math.abs(lon) <= 180
      && Math.abs(lat) <= 90 && zoom > 0;
    return fits ? { center: [lon, lat], zoom } : null;
  }
  /* The map was panned or zoomed: its centre and zoom into the URL. */
  function keepView() {
    const geo = c.getOption().geo[0];
    if (!geo.center) return;
    const [lon, lat] = geo.center.map(Number);
    const value = `${lon.toFixed(4)},${lat.toFixed(4)},${Number(geo.zoom).toFixed(4)}`;
    diplograph.keepInUrl("view", value);
    el.dataset.view = value;
  }
  /* Cluster level of a geo zoom: one level finer each time the map is twice as large. */
  function levelOf(geoZoom) {
    return Math.min(MAX_LEVEL, Math.max(0, Math.floor(Math.log2(geoZoom)) + 1));
  }
  function clusterData(clusters) {
    return clusters.map((k) => ({
      name: k.places.length > 1 ? `${k.places[0]} and ${k.places.length - 1} more` : k.places[0],
      value: [k.lon, k.lat, k.n], places: k.places, bbox: k.bbox,
    }));
  }
  function clusterTooltip(p) {
    const shown = p.data.places.slice(0, 8).join(", ");
    const more = p.data.places.length > 8 ? ` and ${p.data.places.length - 8} more` : "";
    return esc(`${p.data.value[2]} events at ${shown}${more}`);
  }
  function choropleth(world) {
    const byName = {};
    world.features.forEach((f) => {
      const n = d.countries[f.properties.iso_a3];
      if (n) byName[f.properties.name] = n;
    });
    return Object.entries(byName).map(([name, value]) => ({ name, value }));
  }
  function draw(world) {
    c.setOption({
      tooltip: { trigger: "item",
                 formatter: (p) => esc(`${p.name}: ${Number.isFinite(p.value) ? p.value : 0} events`) },
      visualMap: { min: 0, max: Math.max(1, ...Object.values(d.countries)), left: 10, bottom: 10,
                   text: ["events", ""], inRange: { color: ["#eef3f8", "#8fb3d9"] },
                   seriesIndex: 0, calculable: false },
      geo: { map: "world", roam: true, zoom: view ? view.zoom : 2 ** Math.max(0, level - 1),
             center: view ? view.center : undefined,
             itemStyle: { areaColor: "#eef1f4", borderColor: "#aab4bf" },
             emphasis: { itemStyle: { areaColor: "#dce4ec" }, label: { show: false } } },
      series: [
        { type: "map", geoIndex: 0, data: choropleth(world) },
        { type: "scatter", coordinateSystem: "geo", cursor: "pointer",
          symbolSize: (v) => 16 + 5 * Math.sqrt(v[2]), itemStyle: { color: "#c0262d", opacity: 0.85 },
          label: { show: true, formatter: (p) => String(p.data.value[2]), color: "#fff" },
          tooltip: { formatter: clusterTooltip }, data: clusterData(d.clusters) },
      ],
    });
  }
  /* This level's clusters (same filters), and the level in the URL. */
  function recluster(next) {
    level = next;
    const params = new URLSearchParams(window.location.search);
    params.set("zoom", String(level));
    history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    return fetch("/map.json?" + params.toString())
      .then((r) => r.json())
      .then((fresh) => {
        if (fresh.zoom !== level) return;  // a later level was asked for meanwhile
        c.setOption({ series: [{}, { data: clusterData(fresh.clusters) }] });
        el.dataset.level = String(level);
        el.dataset.clusters = String(fresh.clusters.length);
      });
  }
  c.showLoading();
  fetch("/static/vendor/world/countries-110m.geojson")
    .then((r) => r.json())
    .then((world) => {
      echarts.registerMap("world", world);
      c.hideLoading();
      draw(world);
      c.on("click", (p) => {
        if (p.seriesType === "scatter") {
          window.location.href = diplograph.eventsUrl({ within: p.data.bbox.join(","), zoom: null });
        }
      });
      c.on("georoam", () => {
        keepView();
        const next = levelOf(c.getOption().geo[0].zoom);
        if (next !== level) recluster(next);
      });
      if (view && levelOf(view.zoom) !== level) recluster(levelOf(view.zoom));  // a hand-made URL
      el.dataset.level = String(level);
      el.dataset.clusters = String(d.clusters.length);
      el.dataset.view = diplograph.urlParam("view") || "";
      el.dataset.mapReady = "1";
    })
    .catch((e) => { c.hideLoading(); console.error("map boundaries failed to load", e); });
})();
