"""Issue #18 in real Chromium: views that do not mislead, that agree with each other, and
that drill down to the events behind every mark.

The database is the bundled sample plus one article with no date at all, so the
"undated" bucket has something in it. Like ``test_web_browser``, every test fails on a
console error or on any request that leaves the server; screenshots go to
``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import pytest
import test_web_browser
from browser_waits import settled
from needs import need_module
from test_web_analyst import url_param
from test_web_browser import chart_drawn, shot

need_module("fastapi", "the web extra is not installed")

pytestmark = [pytest.mark.browser]
page = test_web_browser.page  # a page that fails on console errors and on requests off the server
SAMPLE = Path(__file__).resolve().parent.parent / "src" / "diplograph" / "sample"
UNDATED = {"id": "undated-talks", "title": "Ministers meet",
           "text": "Spanish Foreign Minister Jose Manuel Albares met Moroccan Foreign Minister "
                   "Nasser Bourita in Rabat, officials said.\n\nThey discussed migration."}


@pytest.fixture(scope="module")
def db(tmp_path_factory, warm_process) -> Path:
    from diplograph.run.ingest import ingest_paths

    root = tmp_path_factory.mktemp("dashboard")
    (root / "extra").mkdir()
    (root / "extra" / "undated.jsonl").write_text(json.dumps(UNDATED) + "\n", encoding="utf-8")
    path = root / "dash.duckdb"
    ingest_paths([str(SAMPLE), str(root / "extra")], path)
    return path


@pytest.fixture(scope="module")
def base(db) -> str:
    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    with running_server(create_app(WebSettings(db=db))) as url:
        yield url


def api(base: str, path: str):
    r = httpx.get(base + path, timeout=30)
    assert r.status_code == 200, (path, r.text[:300])
    return r.json()


def click_bar(pg, selector: str, period: str) -> str:
    """Click the bottom segment of the stacked bar of ``period``; returns its series name."""
    return pg.evaluate(
        """([sel, period]) => {
          const el = document.querySelector(sel);
          const c = echarts.getInstanceByDom(el);
          const opt = c.getOption();
          const x = opt.xAxis[0].data.indexOf(period);
          const i = opt.series.findIndex((s) => s.data[x] > 0);
          const [px, py] = c.convertToPixel({ seriesIndex: i }, [x, opt.series[i].data[x] / 2]);
          const r = el.getBoundingClientRect();
          window.__click = [r.left + px, r.top + py];
          return opt.series[i].name;
        }""", [selector, period])


def test_time_axis_is_continuous_and_undated_events_have_their_bar(page, base):
    data = api(base, "/index.json")
    periods = data["by_type"]["periods"]
    assert periods[-1] == "undated" and data["totals"]["undated"] >= 1
    months = periods[:-1]
    for before, after in zip(months, months[1:]):  # no month skipped
        y, m = int(before[:4]), int(before[5:])
        assert after == (f"{y + 1}-01" if m == 12 else f"{y}-{m + 1:02d}")
    page.goto(base + "/")
    chart_drawn(page, "#chart-types")
    axis = page.evaluate("echarts.getInstanceByDom(document.querySelector('#chart-types'))"
                         ".getOption().xAxis[0].data")
    assert axis == periods
    settled(page, "#chart-types")
    shot(page, "18-overview-continuous")
    # The undated bar opens the list of exactly those events.
    series = click_bar(page, "#chart-types", "undated")
    page.mouse.click(*page.evaluate("window.__click"))
    page.wait_for_url("**/events?*undated=true*")
    rows = page.locator("tr.event-row")
    assert rows.count() >= 1
    assert all(series in t for t in rows.all_inner_texts())
    assert "no date found" in rows.first.inner_text()
    shot(page, "18-undated-list")


def test_a_bar_opens_the_events_of_its_month_and_series(page, base):
    page.goto(base + "/")
    chart_drawn(page, "#chart-status")
    data = api(base, "/index.json")["by_status"]
    period = next(p for p, *_ in zip(data["periods"], *data["series"].values())
                  if p != "undated" and any(v[data["periods"].index(p)]
                                            for v in data["series"].values()))
    status = click_bar(page, "#chart-status", period)
    settled(page, "#chart-status")  # the bars have grown in
    page.mouse.click(*page.evaluate("window.__click"))
    page.wait_for_url("**/events?*")
    assert f"status={status}" in page.url and f"since={period}" in page.url
    expected = data["series"][status][data["periods"].index(period)]
    listed = api(base, f"/api/events?status={status}&since={period}&until={period}")["count"]
    assert listed == expected
    assert page.locator("tr.event-row").count() == expected


def test_totals_follow_the_filters(page, base):
    page.goto(base + "/")
    everything = int(page.locator("[data-total=events] b").inner_text())
    page.select_option("select[name=type]", "CONSULT")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*type=CONSULT*")
    consults = int(page.locator("[data-total=events] b").inner_text())
    assert consults == api(base, "/api/events?type=CONSULT")["count"] < everything
    assert "follow the filters" in page.locator("#totals-note").inner_text()
    incidents = int(page.locator("[data-total=incidents] b").inner_text())
    assert incidents == api(base, "/api/incidents?type=CONSULT")["count"]
    shot(page, "18-overview-filtered")


def test_date_labels_say_where_the_date_came_from(page, base):
    page.goto(base + "/events?limit=200&min_confidence=0")
    cells = page.locator("td.date").all_inner_texts()
    assert any("from the sentence" in c for c in cells)
    assert any("from the article's date" in c for c in cells)
    assert any("undated" in c and "no date found" in c for c in cells)
    events = api(base, "/api/events?limit=200")["data"]
    from_article = next(e for e in events if e["date"]["value"] and not e["date"].get("text"))
    page.goto(f"{base}/events/{from_article['id']}")
    label = page.locator("#event-date").inner_text()
    assert "from the article's date" in label and "published" in label
    assert "(unknown)" not in label


def test_person_and_state_pages_are_titled_with_names(page, base):
    page.goto(base + "/actors/Q22686")
    assert page.locator("#actor-title").get_attribute("data-kind") == "person"
    assert "Donald Trump" in page.locator("#actor-title").inner_text()
    assert page.title().startswith("Donald Trump")
    summary = page.locator("#actor-summary").inner_text()
    assert "?" not in summary and "Dated events from" in summary
    roles = page.locator("#roles tbody tr").all_inner_texts()
    assert any("president" in r and "USA" in r and "2025-01-20" in r for r in roles), roles
    assert page.locator("tr.event-row").count() == api(base, "/api/events?actor=Q22686")["count"]
    chart_drawn(page, "#chart-actor-types")
    settled(page, "#chart-actor-types")
    shot(page, "18-person")
    page.goto(base + "/actors/RUS")
    assert page.locator("#actor-title").get_attribute("data-kind") == "state"
    assert page.locator("#actor-title").inner_text().startswith("Russia")
    chart_drawn(page, "#chart-actor-types")
    settled(page, "#chart-actor-types")
    shot(page, "18-state")


def test_clicking_a_person_opens_the_person_page(page, base):
    events = api(base, "/api/events?limit=200")["data"]
    ev = next(e for e in events if (e.get("source") or {}).get("wikidata"))
    page.goto(f"{base}/events/{ev['id']}")
    page.locator("#event-facts a.actor-link").first.click()
    page.wait_for_url("**/actors/*")
    title = page.locator("#actor-title")
    assert title.get_attribute("data-kind") == "person"
    assert ev["source"]["name"] in title.inner_text()


def test_dyad_events_and_network_agree_on_two_people(page, base):
    listed = api(base, "/api/events?actor=Trump&limit=200")["data"]
    with_putin = [e for e in listed
                  if "Putin" in json.dumps([e.get("source"), e.get("target")])]
    dyad = api(base, "/dyad.json?a=Trump&b=Putin")
    assert dyad["count"] == len(with_putin) >= 1
    edges = api(base, "/network.json?level=actor&actor=Trump")["edges"]
    weight = sum(e["weight"] for e in edges if {e["source"], e["target"]} ==
                 {"Donald Trump", "Vladimir Putin"})
    assert weight == dyad["count"]
    page.goto(base + "/dyad?a=Trump&b=Putin")
    assert page.locator("#timeline li.tl-event").count() == dyad["count"]
    assert "No contact" not in page.locator("#last-contact").inner_text()


def test_the_map_count_lists_every_event_at_the_place(page, base):
    places = api(base, "/map.json")["places"]
    place = max(places, key=lambda p: p["n"])
    page.goto(base + "/map")
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    link = page.locator("#places a.place-link").first
    link.click()
    page.wait_for_url("**/events?*place=*")
    rows = page.locator("tr.event-row")
    assert rows.count() == place["n"]
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.id)")) == \
        sorted(place["event_ids"])


def test_a_network_edge_lists_the_events_between_its_ends(page, base):
    edges = api(base, "/network.json?level=actor")["edges"]
    edge = edges[0]
    page.goto(base + "/network?level=actor")
    chart_drawn(page, "#chart-network")
    page.locator("#edges a.edge-events").first.click()
    page.wait_for_url("**/events?*other=*")
    assert int(page.locator("h1 small").inner_text().split()[0]) == edge["weight"]
    ends = {edge["source"], edge["target"]}
    for row in page.locator("tr.event-row").all():
        cells = row.locator("td").all_inner_texts()
        assert all(any(end in c for c in cells[2:4]) for end in ends), cells


def test_sorting_and_page_sizes(page, base):
    page.goto(base + "/events")
    page.locator("th[data-sort=confidence] a").click()
    page.wait_for_url("**sort=confidence*")
    values = [float(v) for v in page.locator("td.confidence").all_inner_texts()]
    assert values == sorted(values) and len(values) > 5
    page.locator("th[data-sort=confidence] a").click()
    page.wait_for_url("**sort=-confidence*")
    values = [float(v) for v in page.locator("td.confidence").all_inner_texts()]
    assert values == sorted(values, reverse=True)
    assert "▼" in page.locator("th[data-sort=confidence]").inner_text()
    page.select_option("select[name=limit]", "25")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**limit=25*")
    assert "sort=-confidence" in page.url  # the sort survives the filter form
    assert page.locator("tr.event-row").count() == 25
    assert page.locator("nav.pager").count() == 1
    shot(page, "18-events-sorted")


def test_the_confidence_slider_filters_the_list(page, base):
    page.goto(base + "/events")
    slider = "form.filters input.confidence-range"
    assert page.locator(slider).input_value() == "0.5"  # the coder's threshold
    page.eval_on_selector(slider, "el => { el.value = '0.8'; "
                                  "el.dispatchEvent(new Event('input', {bubbles: true})); }")
    assert page.locator("form.filters output.confidence-value").inner_text() == "0.8"
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**min_confidence=0.8*")
    expected = api(base, "/api/events?min_confidence=0.8")["count"]
    assert int(page.locator("h1 small").inner_text().split()[0]) == expected
    assert expected < api(base, "/api/events")["count"]
    assert all(float(v) >= 0.8 for v in page.locator("td.confidence").all_inner_texts())


def test_export_downloads_exactly_the_filtered_rows(page, base, db):
    from typer.testing import CliRunner

    from diplograph.cli import app

    page.goto(base + "/events?type=CONSULT&actor=Trump")
    with page.expect_download() as got:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text("utf-8"))))
    with page.expect_download() as got:
        page.click("#export-jsonl")
    plover = [json.loads(line) for line in Path(got.value.path()).read_text("utf-8").splitlines()]
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--type", "CONSULT",
                                      "--actor", "Trump", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    cli = [json.loads(line)["id"] for line in result.stdout.splitlines() if line.strip()]
    assert [r["GLOBALEVENTID"] for r in rows] == [p["id"] for p in plover] == cli
    assert len(cli) >= 2 and all(r["CodedType"] == "CONSULT" for r in rows)


def test_cooperation_conflict_over_time_keeps_planned_apart(page, base):
    dyad = api(base, "/dyad.json?a=USA&b=RUS")
    block = dyad["cooperation_conflict"]
    assert block == api(base, "/api/cooperation-conflict?actor=USA&other=RUS")
    happened = sum(e["status"] in ("asserted", "reported", "unconfirmed") for e in dyad["events"])
    planned = sum(e["status"] in ("planned", "hypothetical") for e in dyad["events"])
    assert planned >= 1 and happened >= 1
    totals = {name: sum(v) for name, v in block["series"].items()}
    assert sum(n for k, n in totals.items() if k.endswith("· planned")) == planned
    assert sum(n for k, n in totals.items() if not k.endswith("· planned")) == happened
    page.goto(base + "/dyad?a=USA&b=RUS")
    chart_drawn(page, "#chart-coop")
    stacks = page.evaluate("echarts.getInstanceByDom(document.querySelector('#chart-coop'))"
                           ".getOption().series.map(s => [s.name, s.stack])")
    assert {stack for name, stack in stacks if name.endswith("· planned")} == {"planned+"}
    assert {stack for name, stack in stacks if not name.endswith("· planned")} == {"happened+"}
    settled(page, "#chart-coop")
    shot(page, "18-dyad-cooperation-conflict")
    page.goto(base + "/actors/USA")
    chart_drawn(page, "#chart-coop")


def test_a_bad_date_is_explained_in_words(page, base):
    assert page.goto(base + "/events?since=2025-13-01").status == 422
    details = page.locator(".error-details").inner_text()
    assert "'2025-13-01' is not a date: use YYYY-MM-DD" in details
    assert "\\d" not in details and "pattern" not in details
    r = httpx.get(base + "/api/events?until=yesterday", timeout=30)
    assert r.status_code == 422
    assert r.json()["error"]["details"][0]["message"].startswith("'yesterday' is not a date")
    # The browser logs the deliberate 422 itself; nothing else may be there.
    assert len(page.errors) == 1 and "422" in page.errors[0], page.errors
    page.errors.clear()


def test_the_actor_index_finds_a_person_by_name(page, base):
    page.goto(base + "/actors")
    page.fill("#actor-search input[name=q]", "putin")
    page.click("#actor-search button[type=submit]")
    page.wait_for_url("**/actors?q=putin")
    rows = page.locator("#actor-index tbody tr")
    assert rows.count() >= 1 and "Vladimir Putin" in rows.first.inner_text()
    rows.first.locator("a.actor-link").click()
    page.wait_for_url("**/actors/Q*")
    assert page.locator("#actor-title").get_attribute("data-kind") == "person"
    assert "Vladimir Putin" in page.locator("#actor-title").inner_text()


def test_incidents_sort_by_column_and_export_in_that_order(page, base):
    by_date = api(base, "/api/incidents?sort=-date&limit=500&min_confidence=0")["data"]
    dates = [i["date"]["value"] for i in by_date if i["date"]["value"]]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) > 3
    sources = [(i["source"] or {}).get("name") for i in api(
        base, "/api/incidents?sort=source&limit=500&min_confidence=0")["data"]]
    named = [s for s in sources if s]
    assert named == sorted(named) and sources[:len(named)] == named  # the unnamed last
    assert api(base, "/api/incidents?sort=-date")["next"] is None  # no keyset in another order
    page.goto(base + "/incidents?min_confidence=0")
    page.locator("th[data-sort=date] a").click()
    page.wait_for_url("**sort=date*")
    page.locator("th[data-sort=date] a").click()
    page.wait_for_url("**sort=-date*")
    assert "▼" in page.locator("th[data-sort=date]").inner_text()
    listed = page.locator("tr.incident-row").evaluate_all("rs => rs.map(r => r.dataset.id)")
    assert listed == [i["id"] for i in by_date][:len(listed)] and len(listed) > 3
    with page.expect_download() as got:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text("utf-8"))))
    assert [r["id"] for r in rows] == [i["id"] for i in by_date]  # every page, same order
    shot(page, "18-incidents-sorted")


def test_the_dyad_timeline_says_which_events_have_no_date(page, base):
    dyad = api(base, "/dyad.json?a=ESP&b=MAR")
    undated = [e for e in dyad["events"] if not e["date"]["value"]]
    assert dyad["undated"] == len(undated) >= 1
    assert dyad["cooperation_conflict"]["periods"][-1] == "undated"
    page.goto(base + "/dyad?a=ESP&b=MAR")
    chart_drawn(page, "#chart-timeline")
    note = page.locator("#timeline-undated")
    assert int(note.get_attribute("data-undated")) == len(undated)
    assert "no date" in note.inner_text() and "undated" in note.inner_text()
    assert page.locator("#timeline li.tl-event .date", has_text="undated").count() == len(undated)
    # Their talks are undated: the last-contact box says so rather than "no contact".
    assert dyad["last_contact"] is None and dyad["undated_contacts"] == 1
    contact = page.locator("#last-contact").inner_text()
    assert "No contact between them" not in contact and "1 contact said to have happened" in contact
    chart_drawn(page, "#chart-coop")
    axis = page.evaluate("echarts.getInstanceByDom(document.querySelector('#chart-coop'))"
                         ".getOption().xAxis[0].data")
    assert axis[-1] == "undated"
    shot(page, "18-dyad-undated")


EDGE_MIDDLE = """() => {
  const el = document.querySelector('#chart-network');
  const c = echarts.getInstanceByDom(el);
  const graph = c.getModel().getSeriesByIndex(0).getGraph();
  const px = (point) => c.convertToPixel({ seriesIndex: 0 }, point);
  const nodes = [];
  graph.eachNode((n) => nodes.push([px(n.getLayout()), n.getVisual('symbolSize'), n.id]));
  /* Off the node's symbol and off its label (to its right: ~8 px a character, 20 high). */
  const off = ([nx, ny], size, name, x, y) => Math.hypot(nx - x, ny - y) > size / 2 + 6
    && !(x > nx && x < nx + size / 2 + 8 * name.length + 10 && Math.abs(y - ny) < 12);
  const r = el.getBoundingClientRect();
  for (let i = 0; i < graph.edges.length; i++) {  // heaviest first
    const edge = graph.getEdgeByIndex(i);
    const [p1, p2, control] = edge.getLayout();  // a curved edge: a quadratic curve
    const via = control || [(p1[0] + p2[0]) / 2, (p1[1] + p2[1]) / 2];
    const [x, y] = px([0, 1].map((k) => 0.25 * p1[k] + 0.5 * via[k] + 0.25 * p2[k]));
    const clear = nodes.every(([at, size, name]) => off(at, size, name, x, y));
    if (clear) return [r.left + x, r.top + y, edge.node1.id, edge.node2.id];
  }
  return null;
}"""


def test_a_click_on_a_network_edge_in_the_chart_lists_its_events(page, base):
    edges = api(base, "/network.json?level=actor")["edges"]
    page.goto(base + "/network?level=actor")
    chart_drawn(page, "#chart-network")
    before = None
    for _ in range(40):  # the force layout settles
        page.wait_for_timeout(250)
        now = page.evaluate(EDGE_MIDDLE)
        if now and before and abs(now[0] - before[0]) + abs(now[1] - before[1]) < 0.5:
            break
        before = now
    assert now, "every edge's middle lies under a node or its label"
    x, y, source, target = now  # the heaviest edge whose middle no node covers
    assert any({source, target} == {e["source"], e["target"]} for e in edges)
    page.mouse.click(x, y)  # (another edge may cross it there: the list is the clicked one's)
    page.wait_for_url("**/events?*other=*")
    query = page.url.split("?", 1)[1]
    ends = {url_param(page.url, "actor"), url_param(page.url, "other")}
    clicked = next(e for e in edges if {e["source"], e["target"]} == ends)
    listed = api(base, "/api/events?" + query)["count"]
    assert listed == clicked["weight"] == page.locator("tr.event-row").count() >= 1
    shot(page, "18-network-edge-events")
