"""Stored text is data, never code: hostile names and URLs in real Chromium.

A small database is built through the real pipeline from a ``.txt`` page whose
actor names carry markup, a JSONL document whose ``url`` is ``javascript:``
and an analyst actor file whose canonical name is an ``<img onerror>``
(the one way to store a name with spaces and markup whole). Every page is then
visited, the charts' tooltips shown on every node, edge and place, and a test
fails on any dialog, on any request that leaves the server and on any console
error. The pages are checked twice: as served (with the CSP) and with the
browser told to ignore the CSP, so escaping alone must hold.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
import test_web_browser
from browser_waits import layout_still, poll, settled
from needs import need_module

need_module("fastapi", "the web extra is not installed")

pytestmark = [pytest.mark.browser]

XSS = '"><img src=x onerror=alert(document.domain)>'
JS_URL = "javascript:alert(document.domain)"
LONG = "x" * 3000
HOSTILE_NAME = f"Evelyn{XSS}Mossgrove"


def hostile_db(root: Path) -> Path:
    """Ingest the hostile inputs (through ``ingest_paths``, as ``diplograph ingest`` does)."""
    from diplograph.run.ingest import ingest_paths
    from diplograph.settings import Settings

    pages = root / "in"
    pages.mkdir(parents=True)
    (pages / "hostile.txt").write_text(
        "Leaders meet in Paris\n\n"
        "Prime Minister Bob\"><img src=x onerror=alert(document.domain)>Smith met President "
        "Ann<script>alert(1)</script>Lee in Paris on Monday.\n\n"
        "German Chancellor Olaf Scholz met French Prime Minister Bob\"><img src=x "
        "onerror=alert(document.domain)>Smith in Paris on Monday.\n\n"
        f"The statement is at https://example.org/{LONG} and was read by both sides.\n",
        encoding="utf-8")
    (pages / "feed.jsonl").write_text(json.dumps({
        "id": "jsurl", "url": JS_URL, "published": "2025-03-04",
        "title": f"<script>alert('title')</script>Talks{LONG}",
        "text": "Belgian Foreign Minister Evelyn Mossgrove met German Chancellor Olaf Scholz "
                "in Berlin on Tuesday, officials said.\n\nThey discussed trade."}) + "\n",
        encoding="utf-8")
    actors = root / "actors.yaml"
    actors.write_text(
        "people:\n"
        f"  - name: '{HOSTILE_NAME}'\n"
        "    aliases: [Evelyn Mossgrove, Mossgrove]\n"
        "    gender: f\n"
        "    terms:\n"
        "      - {country: BEL, role: foreign minister, title: foreign minister,"
        " start: 2020-01-01, end: null}\n", encoding="utf-8")
    db = root / "hostile.duckdb"
    summary = ingest_paths([str(pages)], db, settings=Settings.from_env(actor_files=[actors]))
    assert summary.failed == 0 and summary.events >= 2, summary
    return db


@pytest.fixture(scope="module")
def base(tmp_path_factory, warm_process) -> str:
    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    db = hostile_db(tmp_path_factory.mktemp("hostile"))
    with running_server(create_app(WebSettings(db=db))) as url:
        yield url


@pytest.fixture(scope="module")
def api(base):
    import httpx

    with httpx.Client(base_url=base, timeout=30) as client:
        yield lambda path: client.get(path).json()


def open_page(browser, base: str, *, csp: bool):
    """A page that records dialogs, console errors and any request off the server."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=not csp,
                                  reduced_motion="reduce")  # charts drawn at once: no waits
    pg = context.new_page()
    pg.problems = []
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    test_web_browser.refuse_off_server(context, base, pg.problems)
    pg.set_default_timeout(15_000)
    return context, pg


@pytest.fixture(params=[True, False], ids=["csp", "no-csp"])
def page(request, browser, base):
    context, pg = open_page(browser, base, csp=request.param)
    yield pg
    context.close()
    assert pg.problems == [], pg.problems


def hostile_paths(api) -> list[str]:
    """Every kind of page, pointed at the hostile records."""
    events = api("/api/events?limit=500")["data"]
    hostile = next(e for e in events if e["source"]["name"] == HOSTILE_NAME)
    bob = next(e for e in events if "<img" in (e["target"] or {}).get("name", ""))
    incidents = [i["id"] for i in api("/api/incidents?limit=500")["data"]]
    names = [HOSTILE_NAME, bob["target"]["name"]]
    return ["/", "/events", "/events?q=" + quote("<img"), "/incidents", "/network", "/map",
            "/network?level=actor", f"/events/{hostile['id']}", f"/events/{bob['id']}",
            "/articles/jsurl/0", "/articles/hostile/0",
            *(f"/incidents/{i}" for i in incidents),
            *(f"/actors/{quote(n, safe='')}" for n in names),
            f"/dyad?a={quote(names[0])}&b={quote('Olaf Scholz')}",
            f"/dyad?a={quote(names[1])}&b=DEU", "/dyad",
            "/events?type=NOPE&q=" + quote(XSS), "/sources", "/sources?outlet=" + quote(XSS),
            "/actors", "/actors?q=" + quote("<img")]


def no_wider_than_the_viewport(pg, path: str) -> None:
    width = pg.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], (path, width)


def test_the_fixture_stores_the_hostile_text(api):
    """The pipeline keeps hostile text as it came: the pages must make it harmless."""
    names = {e["source"]["name"] for e in api("/api/events?limit=500")["data"]}
    assert HOSTILE_NAME in names
    assert api("/articles/jsurl/0.json")["url"] == JS_URL  # the JSON twin keeps the raw value
    assert api("/api/articles/jsurl/0")["url"] == JS_URL


def test_no_page_runs_stored_text(page, base, api):
    for path in hostile_paths(api):
        response = page.goto(base + path)
        assert response.status in (200, 422), (path, response.status)
        page.wait_for_load_state("load")
        injected = "img[src='x'], script:not([src]):not([type='application/json'])"
        assert page.locator(injected).count() == 0, path
        no_wider_than_the_viewport(page, path)
        if response.status == 422:  # the browser logs the deliberate 422 itself
            page.problems = [p for p in page.problems if "422" not in p]


# Where ECharts has drawn item ``i`` of a series (``what``: a graph node or edge, or a
# scatter point), in canvas pixels; an edge is hovered at the middle of its curved line.
WHERE = """([sel, series, what, i, t]) => {
  const c = echarts.getInstanceByDom(document.querySelector(sel));
  const model = c.getModel().getSeriesByIndex(series);
  const data = what === "edge" ? model.getEdgeData() : model.getData();
  const at = data.getItemLayout(i);
  if (what === "point") return at;  // a scatter's layout is in pixels already
  if (what === "node") return c.convertToPixel({seriesIndex: series}, at);
  const [a, b, cp] = at, mid = cp || [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  // the point at t along the edge's curve (t = 0.5: its middle)
  const pt = [0, 1].map((k) => (1 - t) ** 2 * a[k] + 2 * t * (1 - t) * mid[k] + t ** 2 * b[k]);
  return c.convertToPixel({seriesIndex: series}, pt);
}"""
TOOLTIP = """(sel) => [...document.querySelectorAll(sel + ' div')]
  .filter((d) => d.style.zIndex && d.style.display !== 'none' && d.style.opacity !== '0')
  .map((d) => d.textContent).join(' | ')"""


# Where along an edge the mouse goes: its middle first; when a node of the (randomly
# started) force layout lies there, the node's tooltip shows, so a point to each side.
EDGE_POINTS = (0.5, 0.3, 0.7)


def hover_each(pg, chart: str, series: int, what: str, n: int) -> list[str]:
    """Move the real mouse over each of ``n`` items; the tooltip text shown for each ("" if
    none shows within a second: the callers look for the tooltips that must be there)."""
    box = pg.locator(f"{chart} canvas").first.bounding_box()
    shown = []
    for i in range(n):
        for t in EDGE_POINTS if what == "edge" else (0.5,):
            pg.mouse.move(0, 0)  # off the chart: the last tooltip hides (after ECharts' 100 ms)
            tooltip_text(pg, chart, hidden=True)
            x, y = pg.evaluate(WHERE, [chart, series, what, i, t])
            pg.mouse.move(box["x"] + x, box["y"] + y)
            text = tooltip_text(pg, chart)
            if what != "edge" or " – " in text:  # an edge's tooltip names its two ends
                break
        shown.append(text)
    return shown


def tooltip_text(pg, chart: str, *, hidden: bool = False, timeout_s: float = 1.0) -> str:
    """The text of the tooltip of ``chart`` once one shows (or, with ``hidden``, once none
    does); after ``timeout_s`` whatever shows then."""
    poll(pg, lambda: hidden != bool(pg.evaluate(TOOLTIP, chart)), timeout_s=timeout_s)
    return pg.evaluate(TOOLTIP, chart)


def test_network_tooltips_show_names_as_text(page, base, api):
    data = api("/network.json?level=actor")
    assert any(n["label"] == HOSTILE_NAME for n in data["nodes"])
    page.goto(base + "/network?level=actor")
    page.wait_for_selector("#chart-network canvas")
    layout_still(page, "#chart-network")
    nodes = hover_each(page, "#chart-network", 0, "node", len(data["nodes"]))
    edges = hover_each(page, "#chart-network", 0, "edge", len(data["edges"]))
    assert any(t.startswith(HOSTILE_NAME + ":") for t in nodes), nodes  # shown, as text
    assert any(HOSTILE_NAME in t and "CONSULT" in t for t in edges), edges
    assert page.locator("#chart-network img").count() == 0


def test_map_and_dyad_tooltips_are_text(page, base, api):
    page.goto(base + "/map")
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    settled(page, "#chart-map")
    clusters = api("/map.json")["clusters"]  # a marker per cluster of places (this zoom's)
    shown = hover_each(page, "#chart-map", 1, "point", len(clusters))
    assert all(any(t.startswith(f"{c['n']} events at {', '.join(c['places'][:8])}")
                   for t in shown) for c in clusters), shown
    page.goto(f"{base}/dyad?a={quote(HOSTILE_NAME)}&b={quote('Olaf Scholz')}")
    page.wait_for_selector("#chart-timeline canvas")
    settled(page, "#chart-timeline")
    assert "CONSULT" in hover_each(page, "#chart-timeline", 0, "point", 1)[0]


def test_a_javascript_url_is_never_a_link(page, base, api):
    event = next(e for e in api("/api/events?limit=500")["data"] if e["doc_id"] == "jsurl")
    for path in (f"/events/{event['id']}", "/articles/jsurl/0"):
        page.goto(base + path)
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
        assert not [h for h in hrefs if not h.startswith(base + "/")], (path, hrefs)
        assert page.locator("code.raw-url").inner_text() == JS_URL, path


def test_actor_suggestions_show_names_as_text(page, base):
    page.goto(base + "/actors")
    page.locator("#actor-search input[name=q]").press_sequentially("Evel", delay=40)
    page.wait_for_selector("#actor-suggestions li")
    shown = page.locator("#actor-suggestions li").first.inner_text()
    assert HOSTILE_NAME in shown
    assert page.locator("#actor-suggestions img, #actor-suggestions script").count() == 0


def test_docs_render_offline(page, base):
    page.goto(base + "/docs")
    assert page.title() == "diplograph API"
    page.wait_for_selector(".swagger-ui .info .title")
    assert "diplograph" in page.locator(".swagger-ui .info .title").inner_text()
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 7


def test_overview_tooltips_are_text(page, base):
    page.goto(base + "/")
    for chart in ("#chart-types", "#chart-status"):
        page.wait_for_selector(f"{chart} canvas")
        settled(page, chart)
        box = page.locator(f"{chart} canvas").first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        shown = tooltip_text(page, chart, timeout_s=15)
        assert "2025" in shown  # the month, then one line per series
