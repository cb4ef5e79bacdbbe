"""Issue #18, what an analyst does next: brush a date range on a time chart, download a list,
read the map by clusters. In real Chromium (a console error or a request off the server
fails the test, as in ``test_web_browser``), with the HTTP answers behind each checked
too; screenshots go to ``test-artifacts/screenshots/``.

The database is the bundled sample (the session's, shared with the API tests).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import test_web_browser
from browser_waits import settled, steady, wait_until
from needs import need_module
from test_web_browser import chart_drawn, shot

need_module("fastapi", "the web extra is not installed")
pq = need_module("pyarrow.parquet", "pyarrow is not installed")

page = test_web_browser.page  # a page that fails on console errors and on requests off the server


@pytest.fixture(scope="module")
def db(sample_db) -> Path:
    return sample_db  # the session's sample database, shared read-only with the API tests


@pytest.fixture(scope="module")
def base(db) -> str:
    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    with running_server(create_app(WebSettings(db=db))) as url:
        yield url


def get(base: str, path: str) -> httpx.Response:
    r = httpx.get(base + path, timeout=30)
    assert r.status_code == 200, (path, r.text[:300])
    return r


def cli_ids(db: Path, *options: str) -> list[str]:
    """The ids ``diplograph events`` lists for these options, in its order."""
    from typer.testing import CliRunner

    from diplograph.cli import app

    result = CliRunner().invoke(app, ["events", "--db", str(db), "--format", "jsonl", *options])
    assert result.exit_code == 0, result.output
    return [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]


def listed_ids(pg) -> list[str]:
    return pg.locator("tr.event-row").evaluate_all("rs => rs.map(r => r.dataset.id)")


# -- brushing and zoom ------------------------------------------------------------------


def brush(pg, selector: str, first: int | str, last: int | str) -> None:
    """Drag the mouse across the chart from x value ``first`` to ``last`` (category
    indexes, or dates on a time axis), half-way up its plot."""
    pg.wait_for_selector(f"{selector}[data-brushable='1']")
    settled(pg, selector)  # the bars have grown in
    (x0, y), (x1, _) = pg.evaluate(
        """([sel, first, last]) => {
          const el = document.querySelector(sel);
          const c = echarts.getInstanceByDom(el);
          const r = el.getBoundingClientRect();
          const at = (v) => c.convertToPixel({ xAxisIndex: 0 }, v);
          const rect = c.getModel().getComponent("grid").coordinateSystem.getRect();
          const y = r.top + rect.y + rect.height / 2;
          const x0 = Math.max(rect.x + 1, at(first) - 8);  // a drag starts inside the plot
          const x1 = Math.min(rect.x + rect.width - 1, at(last) + 8);
          return [[r.left + x0, y], [r.left + x1, y]];
        }""", [selector, first, last])
    pg.mouse.move(x0, y)
    pg.mouse.down()
    pg.mouse.move((x0 + x1) / 2, y, steps=5)
    pg.mouse.move(x1, y, steps=5)
    pg.mouse.up()


def dated_months(block: dict) -> list[str]:
    """The months of a time chart that hold events."""
    return [p for i, p in enumerate(block["periods"])
            if p != "undated" and any(v[i] for v in block["series"].values())]


def test_brushing_the_actor_chart_filters_the_page_to_the_range(page, base, db):
    before = get(base, "/actors/Q22686.json").json()  # a person: the page lists the events
    months = dated_months(before["by_type"])
    assert len(months) >= 3
    periods = before["by_type"]["periods"]
    since, until = months[0], months[-2]
    page.goto(base + "/actors/Q22686")
    chart_drawn(page, "#chart-actor-types")
    brush(page, "#chart-actor-types", periods.index(since), periods.index(until))
    page.wait_for_url("**/actors/Q22686?*since=*")
    assert f"since={since}&until={until}" in page.url
    expected = cli_ids(db, "--actor", "Q22686", "--since", since, "--until", until)
    assert 1 <= len(expected) < before["n_events"]
    assert listed_ids(page) == expected
    after = get(base, f"/actors/Q22686.json?since={since}&until={until}").json()
    assert after["n_events"] == len(expected)  # the JSON twin follows the same range
    assert page.locator("#actor-summary").inner_text().startswith(f"{len(expected)} events")
    chart_drawn(page, "#chart-actor-types")
    settled(page, "#chart-actor-types")
    shot(page, "18-brushed-actor")
    page.locator("#actor-events").click()  # the full list keeps the range
    page.wait_for_url("**/events?*")
    assert listed_ids(page) == expected


def test_brushing_the_overview_filters_its_totals_and_both_charts(page, base):
    data = get(base, "/index.json").json()
    months = dated_months(data["by_type"])
    periods = data["by_type"]["periods"]
    page.goto(base + "/")
    chart_drawn(page, "#chart-status")
    brush(page, "#chart-status", periods.index(months[0]), periods.index(months[0]))
    page.wait_for_url("**/?*since=*")
    assert f"since={months[0]}&until={months[0]}" in page.url
    total = int(page.locator("[data-total=events] b").inner_text())
    events = get(base, f"/api/events?since={months[0]}&until={months[0]}").json()["count"]
    assert total == events < data["totals"]["events"]
    axis = page.evaluate("echarts.getInstanceByDom(document.querySelector('#chart-types'))"
                         ".getOption().xAxis[0].data")
    assert axis == [months[0]]  # the other chart follows the range too
    shot(page, "18-brushed-overview")


def test_brushing_the_dyad_charts_filters_the_timeline(page, base, db):
    dyad = get(base, "/dyad.json?a=USA&b=RUS").json()
    dates = sorted(e["date"]["value"] for e in dyad["events"] if e["date"]["value"])
    assert len(set(dates)) >= 2
    page.goto(base + "/dyad?a=USA&b=RUS")
    chart_drawn(page, "#chart-timeline")
    brush(page, "#chart-timeline", dates[0], dates[0])
    page.wait_for_url("**/dyad?*since=*")
    since = page.url.split("since=")[1].split("&")[0]
    until = page.url.split("until=")[1].split("&")[0]
    shown = page.locator("#timeline li.tl-event").count()
    between = [e for e in cli_ids(db, "--actor", "USA", "--since", since, "--until", until)
               if e in {x["id"] for x in dyad["events"]}]
    assert 1 <= shown == len(between) < dyad["count"]
    # The cooperation-conflict chart of the same page brushes the same way, by month.
    page.goto(base + "/dyad?a=USA&b=RUS")
    block = dyad["cooperation_conflict"]
    month = dated_months(block)[-1]
    chart_drawn(page, "#chart-coop")
    brush(page, "#chart-coop", block["periods"].index(month), block["periods"].index(month))
    page.wait_for_url(f"**/dyad?*since={month}&until={month}*")
    assert page.locator("#timeline li.tl-event").count() == get(
        base, f"/dyad.json?a=USA&b=RUS&since={month}&until={month}").json()["count"]
    shot(page, "18-brushed-dyad")


def test_a_click_without_a_drag_still_opens_the_bar_and_the_slider_zooms(page, base):
    data = get(base, "/index.json").json()["by_type"]
    month = dated_months(data)[0]
    page.goto(base + "/")
    chart_drawn(page, "#chart-types")
    page.wait_for_selector("#chart-types[data-brushable='1']")
    zoom = page.evaluate("echarts.getInstanceByDom(document.querySelector('#chart-types'))"
                         ".getOption().dataZoom.map(z => z.type)")
    assert sorted(zoom) == ["inside", "slider"]
    from test_web_dashboard import click_bar  # noqa: PLC0415

    click_bar(page, "#chart-types", month)
    settled(page, "#chart-types")  # the bars have grown in
    page.mouse.click(*page.evaluate("window.__click"))
    page.wait_for_url("**/events?*")
    assert f"since={month}&until={month}" in page.url


# -- export on every list ---------------------------------------------------------------


def download(pg, selector: str) -> bytes:
    with pg.expect_download() as got:
        pg.click(selector)
    return Path(got.value.path()).read_bytes()


def test_every_list_downloads_its_filtered_rows_in_three_formats(page, base, db):
    page.goto(base + "/events?type=CONSULT&actor=USA&limit=25")
    rows = list(csv.DictReader(io.StringIO(download(page, "#export-csv").decode("utf-8"))))
    parquet = pq.read_table(io.BytesIO(download(page, "#export-parquet")))
    plover = [json.loads(x) for x in download(page, "#export-jsonl").decode().splitlines()]
    expected = cli_ids(db, "--type", "CONSULT", "--actor", "USA")
    assert len(expected) >= 2
    assert [r["GLOBALEVENTID"] for r in rows] == parquet.column("id").to_pylist() == \
        [p["id"] for p in plover] == expected
    assert set(parquet.column("type").to_pylist()) == {"CONSULT"}
    shot(page, "18-events-export")
    page.goto(base + "/incidents?status=planned")
    listed = listed_ids(page)
    assert listed
    incidents = list(csv.DictReader(io.StringIO(download(page, "#export-csv").decode())))
    assert [r["id"] for r in incidents] == listed
    assert {r["status"] for r in incidents} == {"planned"}
    parquet = pq.read_table(io.BytesIO(download(page, "#export-parquet")))
    assert parquet.column("id").to_pylist() == listed
    plover = [json.loads(x) for x in download(page, "#export-jsonl").decode().splitlines()]
    assert [p["id"] for p in plover] == listed
    shot(page, "18-incidents-export")
    for path in ("/actors/USA", "/dyad?a=USA&b=RUS"):
        page.goto(base + path)
        assert page.locator("#export-parquet").count() == 1, path


def test_the_export_endpoints_stream_exactly_the_filtered_rows(base, db):
    query = "type=CONSULT&since=2025&sort=-confidence"
    listed = get(base, f"/api/events?{query}&limit=500").json()
    table = pq.read_table(io.BytesIO(get(base, f"/api/events.parquet?{query}").content))
    assert table.column("id").to_pylist() == [e["id"] for e in listed["data"]]
    assert table.num_rows == listed["count"] >= 2
    assert sorted(cli_ids(db, "--type", "CONSULT", "--since", "2025")) == \
        sorted(table.column("id").to_pylist())
    r = get(base, "/api/incidents.csv?actor=RUS")
    assert r.headers["content-disposition"] == 'attachment; filename="incidents.csv"'
    incidents = get(base, "/api/incidents?actor=RUS&limit=500").json()
    assert [row["id"] for row in csv.DictReader(io.StringIO(r.text))] == \
        [i["id"] for i in incidents["data"]]
    lines = get(base, "/api/incidents.plover.jsonl?actor=RUS").text.splitlines()
    assert [json.loads(x)["text_info"]["event_ids"] for x in lines] == \
        [get(base, f"/api/incidents/{i['id']}").json()["event_ids"] for i in incidents["data"]]
    empty = pq.read_table(io.BytesIO(get(base, "/api/incidents.parquet?type=ASSAULT&"
                                           "since=1900&until=1900").content))
    assert empty.num_rows == 0 and "summary" in empty.column_names


# -- the map: clusters by zoom level, and a choropleth -----------------------------------


def test_map_clusters_split_as_the_zoom_grows_and_each_lists_its_events(base):
    places = get(base, "/map.json").json()["places"]
    counts = []
    for zoom in (0, 2, 4, 12):
        clusters = get(base, f"/map.json?zoom={zoom}").json()["clusters"]
        counts.append(len(clusters))
        assert sum(c["n"] for c in clusters) == sum(p["n"] for p in places)
        assert sorted(n for c in clusters for n in c["places"]) == sorted(
            p["name"] for p in places)
        for cluster in clusters:
            box = ",".join(map(repr, cluster["bbox"]))
            assert get(base, f"/api/events?within={box}").json()["count"] == cluster["n"]
    assert counts == sorted(counts) and counts[0] < counts[-1] == len(places)
    assert get(base, "/api/events?within=30,60,-10,35").json()["count"] == 0  # inside out
    r = httpx.get(base + "/api/events?within=30,60,-10", timeout=30)
    assert r.status_code == 422
    assert "is not a box: use west,south,east,north" in r.json()["error"]["details"][0]["message"]


def test_a_map_cluster_lists_every_event_at_its_places(page, base):
    data = get(base, "/map.json?zoom=0").json()
    cluster = max(data["clusters"], key=lambda c: (len(c["places"]), c["n"]))
    assert len(cluster["places"]) >= 2  # several places in one marker
    by_name = {p["name"]: p for p in data["places"]}
    expected = sorted(i for name in cluster["places"] for i in by_name[name]["event_ids"])
    page.goto(base + "/map?zoom=0")
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    choropleth = page.evaluate(
        "echarts.getInstanceByDom(document.querySelector('#chart-map')).getOption()"
        ".series[0].data.filter((x) => Number.isFinite(x.value)).length")
    assert choropleth == len(data["countries"])  # every country with events is shaded
    settled(page, "#chart-map")
    shot(page, "18-map-clusters")
    x, y = page.evaluate(
        """(lonlat) => {
          const el = document.querySelector('#chart-map');
          const [x, y] = echarts.getInstanceByDom(el).convertToPixel({ geoIndex: 0 }, lonlat);
          const r = el.getBoundingClientRect();
          return [r.left + x, r.top + y];
        }""", [cluster["lon"], cluster["lat"]])
    page.mouse.click(x, y)
    page.wait_for_url("**/events?*within=*")
    assert "zoom" not in page.url
    assert sorted(listed_ids(page)) == expected and len(expected) == cluster["n"]
    page.select_option("select[name=limit]", "25")  # the filter form keeps the box
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**limit=25*")
    assert "within=" in page.url and sorted(listed_ids(page)) == expected


def test_zooming_the_map_reclusters_and_keeps_the_level_in_the_url(page, base):
    page.goto(base + "/map?zoom=1")
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    before = int(page.get_attribute("#chart-map", "data-clusters"))
    box = page.locator("#chart-map").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.35)
    wheel_map(page, 10)
    level = reclustered(page)
    assert level >= 2
    assert f"zoom={level}" in page.url
    after = int(page.get_attribute("#chart-map", "data-clusters"))
    assert after == len(get(base, f"/map.json?zoom={level}").json()["clusters"]) > before
    settled(page, "#chart-map")
    shot(page, "18-map-zoomed")


# -- the whole view in the URL: the map's centre and zoom, the time charts' window ---------

GEO_ZOOM = "() => Number(echarts.getInstanceByDom(document.querySelector('#chart-map'))" \
           ".getOption().geo[0].zoom)"
GEO_VIEW = ("() => { const g = echarts.getInstanceByDom(document.querySelector('#chart-map'))"
            ".getOption().geo[0]; return [g.center.map(Number), Number(g.zoom)]; }")


def url_param(url: str, name: str) -> str | None:
    values = parse_qs(urlsplit(url).query).get(name)
    return values[0] if values else None


def wait_for_param(pg, name: str) -> str:
    return wait_until(pg, lambda: url_param(pg.url, name), f"{name}= in the URL")


def wheel_map(pg, turns: int) -> None:
    """Turn the mouse wheel ``turns`` times over the map, each turn once the last has
    zoomed it (a turn sent before would be merged with it)."""
    for _ in range(turns):
        zoom = pg.evaluate(GEO_ZOOM)
        pg.mouse.wheel(0, -300)
        wait_until(pg, lambda z=zoom: pg.evaluate(GEO_ZOOM) != z, "the map to zoom")


def reclustered(pg) -> int:
    """The map's cluster level once its clusters are those of the level in the URL (the
    page fetches them after a zoom: ``data-level`` is set when they have come)."""
    def level_done() -> int | None:
        level = pg.get_attribute("#chart-map", "data-level")
        return int(level) if url_param(pg.url, "zoom") == level else None

    return wait_until(pg, level_done, "the clusters of the zoom level")


def test_a_zoomed_and_panned_map_comes_back_from_its_url(page, base):
    page.goto(base + "/map?zoom=1")
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    box = page.locator("#chart-map").bounding_box()
    x, y = box["x"] + box["width"] * 0.55, box["y"] + box["height"] * 0.35
    page.mouse.move(x, y)
    wheel_map(page, 8)  # zoom in past one cluster level
    page.mouse.down()  # and pan
    page.mouse.move(x - 150, y + 80, steps=8)
    page.mouse.up()
    view = steady(page, lambda: url_param(page.url, "view"), "the view in the URL")
    reclustered(page)
    (lon, lat), zoom = page.evaluate(GEO_VIEW)
    assert [float(v) for v in view.split(",")] == pytest.approx([lon, lat, zoom], abs=1e-3)
    level = int(page.get_attribute("#chart-map", "data-level"))
    assert level >= 2 and url_param(page.url, "zoom") == str(level)
    clusters = int(page.get_attribute("#chart-map", "data-clusters"))
    shared = page.url
    page.goto(base + "/map")  # somewhere else, then the shared link
    page.goto(shared)
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    settled(page, "#chart-map")
    assert page.evaluate(GEO_VIEW) == [[pytest.approx(lon, abs=1e-3), pytest.approx(lat, abs=1e-3)],
                                       pytest.approx(zoom, abs=1e-3)]
    assert int(page.get_attribute("#chart-map", "data-level")) == level
    assert int(page.get_attribute("#chart-map", "data-clusters")) == clusters
    shot(page, "18-map-view-restored")
    # The JSON twin of the shared URL: the clusters of its level (the view is the page's own).
    query = shared.split("?", 1)[1]
    assert get(base, "/map.json?" + query).json()["clusters"] == \
        get(base, f"/map.json?zoom={level}").json()["clusters"]
    assert len(get(base, "/map.json?" + query).json()["clusters"]) == clusters


def zoom_windows(pg, *selectors: str) -> list[list]:
    """Each chart's dataZoom window: [startValue, endValue] of its first dataZoom."""
    return pg.evaluate(
        """(sels) => sels.map((s) => {
          const z = echarts.getInstanceByDom(document.querySelector(s)).getOption().dataZoom[0];
          return [z.startValue, z.endValue];
        })""", list(selectors))


TYPES_ZOOM = ("() => { const z = echarts.getInstanceByDom(document.querySelector('#chart-types'))"
              ".getOption().dataZoom[0]; return [z.start, z.end]; }")


def test_a_zoomed_time_chart_comes_back_from_its_url(page, base):
    periods = get(base, "/index.json").json()["by_type"]["periods"]
    assert len(periods) >= 8
    page.goto(base + "/")
    page.wait_for_selector("#chart-types[data-brushable='1']")
    settled(page, "#chart-types")
    box = page.locator("#chart-types").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.4)
    page.keyboard.down("Shift")  # shift + wheel zooms (a plain drag brushes)
    for _ in range(3):
        zoom = page.evaluate(TYPES_ZOOM)
        page.mouse.wheel(0, -200)
        wait_until(page, lambda z=zoom: page.evaluate(TYPES_ZOOM) != z, "the chart to zoom")
    page.keyboard.up("Shift")
    # Pan: drag the slider's window to the right.
    (x0, y0), x1 = page.evaluate(
        """() => {
          const el = document.querySelector('#chart-types');
          const c = echarts.getInstanceByDom(el);
          const z = c.getOption().dataZoom[1];
          const rect = c.getModel().getComponent('grid').coordinateSystem.getRect();
          const r = el.getBoundingClientRect();
          const middle = rect.x + rect.width * (z.start + z.end) / 200;
          return [[r.left + middle, r.top + el.clientHeight - 13], r.left + middle + 40];
        }""")
    page.mouse.move(x0, y0)
    page.mouse.down()
    page.mouse.move(x1, y0, steps=6)
    page.mouse.up()
    window = steady(page, lambda: url_param(page.url, "window"), "the window in the URL")
    types, status = zoom_windows(page, "#chart-types", "#chart-status")
    assert 0 < types[0] and types[1] < len(periods) - 1  # zoomed in, off both ends
    assert window == f"{periods[types[0]]},{periods[types[1]]}"
    assert status == types  # the page's other time chart shows the same window
    shared = page.url
    page.goto(base + "/events")
    page.goto(shared)
    page.wait_for_selector("#chart-status[data-brushable='1']")
    assert zoom_windows(page, "#chart-types", "#chart-status") == [types, types]
    settled(page, "#chart-types")
    settled(page, "#chart-status")
    shot(page, "18-time-window-restored")
    # A click on a bar opens its events without the window (a list has no chart).
    assert "window" not in page.evaluate("diplograph.eventsUrl({type: 'CONSULT'})")
    # The JSON twin ignores the view: same data as without it.
    assert get(base, "/index.json?" + shared.split("?", 1)[1]).json() == \
        get(base, "/index.json").json()


def test_a_window_of_months_fits_the_dyad_days_axis(page, base):
    dyad = get(base, "/dyad.json?a=USA&b=RUS").json()
    months = dated_months(dyad["cooperation_conflict"])
    assert len(months) >= 2
    page.goto(f"{base}/dyad?a=USA&b=RUS&window={months[0]},{months[0]}")
    page.wait_for_selector("#chart-timeline[data-brushable='1']")
    page.wait_for_selector("#chart-coop[data-brushable='1']")
    (start, end), coop = zoom_windows(page, "#chart-timeline", "#chart-coop")
    periods = dyad["cooperation_conflict"]["periods"]
    assert coop == [periods.index(months[0])] * 2
    first = dt.datetime.fromtimestamp(start / 1000, dt.UTC).date().isoformat()
    last = dt.datetime.fromtimestamp(end / 1000, dt.UTC).date().isoformat()
    dates = {e["date"]["value"] for e in dyad["events"] if e["date"]["value"]}
    shown = {d for d in dates if first <= d <= last}
    assert shown == {d for d in dates if d.startswith(months[0])} and shown != dates
