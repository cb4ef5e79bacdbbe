"""The dashboard in real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Loads every page on a DB built from the bundled sample, clicks overview → dyad →
event, checks the highlighted evidence, the claim-status styling and that no page
logs a console error or fetches anything from outside the server. Screenshots go
to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser_waits import NEXT_FRAMES, NODE_PIXELS, layout_still, settled
from needs import need_module

need_module("fastapi", "the web extra is not installed")

SHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def base(sample_db) -> str:
    from diplograph.serve import WebSettings, create_app
    from diplograph.serve.testing import running_server

    with running_server(create_app(WebSettings(db=sample_db))) as url:
        yield url


@pytest.fixture
def page(browser, base):
    """A fresh page that records console errors and refuses any request off the server.
    It asks for reduced motion, as a reader may: the charts draw at once, without the
    animations a test would otherwise wait out (``moving_page`` keeps them)."""
    yield from checked_page(browser, base, reduced_motion="reduce")


@pytest.fixture
def moving_page(browser, base):
    """``page`` with the charts' animations, as most readers see them."""
    yield from checked_page(browser, base, reduced_motion="no-preference")


def checked_page(browser, base: str, **context_options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, **context_options)
    pg = context.new_page()
    pg.errors = []
    pg.on("console", lambda m: m.type == "error" and pg.errors.append(m.text))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("requestfailed", lambda r: _cancelled_by_navigation(r)
          or pg.errors.append(f"request failed: {r.url}"))
    refuse_off_server(pg, base, pg.errors)
    pg.set_default_timeout(15_000)
    yield pg
    context.close()
    assert pg.errors == [], pg.errors


def _cancelled_by_navigation(request) -> bool:
    """A script's background request (the typeahead's suggestions) that the browser
    cancelled because the user moved to another page: not a failure of the server.
    Off-server requests are caught by ``refuse_off_server`` whatever their fate."""
    return request.resource_type in ("fetch", "xhr") and request.failure == "net::ERR_ABORTED"


def refuse_off_server(target, base: str, problems: list[str]) -> None:
    """Abort every request of ``target`` (a page or a context) that is not to ``base``,
    and record it in ``problems``."""

    def offline(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            problems.append(f"outside request: {route.request.url}")
            route.abort()

    target.route("**/*", offline)


def shot(pg, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def chart_drawn(pg, selector: str) -> None:
    pg.wait_for_selector(f"{selector} canvas")
    size = pg.eval_on_selector(f"{selector} canvas", "c => [c.width, c.height]")
    assert size[0] > 100 and size[1] > 100


def test_click_through_overview_dyad_event(page, base):
    page.goto(base + "/")
    chart_drawn(page, "#chart-types")
    chart_drawn(page, "#chart-status")
    settled(page, "#chart-types")  # the animations end before the screenshot
    settled(page, "#chart-status")
    shot(page, "1-overview")
    link = page.locator("#top-dyads a.dyad-link").first
    pair = link.get_attribute("href")
    link.click()
    page.wait_for_url("**/dyad?*")
    assert page.url.endswith(pair)
    page.wait_for_selector("#last-contact")
    items = page.locator("#timeline li.tl-event")
    assert items.count() >= 1
    chart_drawn(page, "#chart-timeline")
    settled(page, "#chart-timeline")
    shot(page, "2-dyad")

    first = items.first
    evidence = first.locator("blockquote").inner_text().strip()
    first.locator("a.event-link").click()
    page.wait_for_url("**/events/*")
    mark = page.locator("mark.evidence.focus")
    assert mark.count() >= 1
    assert " ".join(mark.all_inner_texts()).split() == evidence.split()
    assert page.locator("#source-link a").first.get_attribute("href").startswith("/articles/")
    assert page.locator("#claimed-by").inner_text().strip()
    background = mark.first.evaluate("m => getComputedStyle(m).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    shot(page, "4-event")


ANIMATING = "(sel) => !echarts.getInstanceByDom(document.querySelector(sel)).getZr().animation" \
            ".isFinished()"
ANIMATION_ON = "(sel) => echarts.getInstanceByDom(document.querySelector(sel)).getOption()" \
               ".animation"
HIDE_FIRST_SERIES = """(sel) => {
  const c = echarts.getInstanceByDom(document.querySelector(sel));
  c.dispatchAction({ type: "legendToggleSelect", name: c.getOption().series[0].name });
}"""


def test_a_chart_says_when_its_drawing_has_settled(moving_page, base):
    """The browser tests wait on ``data-settled`` instead of fixed delays: "1" only once
    ECharts has no animation left, "0" again while a redraw animates."""
    page = moving_page
    page.goto(base + "/")
    settled(page, "#chart-types")
    assert page.evaluate(ANIMATING, "#chart-types") is False
    page.evaluate(HIDE_FIRST_SERIES, "#chart-types")  # the other bars move: an animation
    page.evaluate(NEXT_FRAMES)
    assert page.get_attribute("#chart-types", "data-settled") == "0"
    assert page.evaluate(ANIMATING, "#chart-types") is True
    settled(page, "#chart-types")
    assert page.evaluate(ANIMATING, "#chart-types") is False


def test_reduced_motion_draws_the_charts_at_once(page, moving_page, base):
    """A reader who asks for reduced motion gets no chart animation and a force layout
    that is computed before it is shown; the others get both animated."""
    for pg, still in ((page, True), (moving_page, False)):
        pg.goto(base + "/")
        chart_drawn(pg, "#chart-types")
        assert pg.evaluate(ANIMATION_ON, "#chart-types") is not still
        pg.evaluate(HIDE_FIRST_SERIES, "#chart-types")
        pg.evaluate(NEXT_FRAMES)
        assert pg.evaluate(ANIMATING, "#chart-types") is not still
        pg.goto(base + "/network")
        chart_drawn(pg, "#chart-network")
        settled(pg, "#chart-network")
        first = pg.evaluate(NODE_PIXELS, "#chart-network")
        pg.wait_for_timeout(200)  # the layout moves on timers, 16 ms a step, when animated
        assert (pg.evaluate(NODE_PIXELS, "#chart-network") == first) is still


def test_statuses_look_different_on_the_dyad_page(page, base):
    page.goto(base + "/dyad?a=USA&b=RUS")
    styles = page.eval_on_selector_all(
        "#timeline li.tl-event",
        "els => els.map(e => [e.dataset.status, getComputedStyle(e).borderLeftStyle,"
        " getComputedStyle(e).borderLeftColor, getComputedStyle(e).backgroundColor])")
    by_status = {s: tuple(rest) for s, *rest in styles}
    assert "planned" in by_status and len(by_status) >= 2, by_status
    assert len(set(by_status.values())) == len(by_status), by_status
    assert by_status["planned"][0] == "dashed"
    answer = page.locator("#last-contact").inner_text()
    assert "CONSULT" in answer


def test_network_page_filters_by_type_and_period(page, base):
    page.goto(base + "/network")
    chart_drawn(page, "#chart-network")
    all_links = page.locator("#edges tbody tr").count()
    page.select_option("select[name=type]", "CONSULT")
    page.fill("input[name=since]", "2025-01-01")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/network?*type=CONSULT*")
    chart_drawn(page, "#chart-network")
    rows = page.locator("#edges tbody tr")
    assert 1 <= rows.count() <= all_links
    assert all("CONSULT" in t and "ACCUSE" not in t for t in rows.all_inner_texts())
    layout_still(page, "#chart-network")
    shot(page, "3-network")


def test_map_page_draws_offline_boundaries_and_places(page, base):
    page.goto(base + "/map")
    page.wait_for_selector("#chart-map[data-map-ready='1']")
    chart_drawn(page, "#chart-map")
    assert page.locator("#places tbody tr").count() >= 1
    settled(page, "#chart-map")
    shot(page, "5-map")


def test_other_pages_load_cleanly(page, base):
    import httpx

    ev = httpx.get(base + "/api/events?limit=1").json()["data"][0]
    incident = httpx.get(f"{base}/api/events/{ev['id']}").json()["incident_id"]
    for path, name in [("/events", "events"), ("/incidents", "incidents"),
                       (f"/incidents/{incident}", "incident"),
                       (f"/articles/{ev['doc_id']}/{ev['article_index']}", "article"),
                       ("/actors/RUS", "actor")]:
        assert page.goto(base + path).status == 200, path
        shot(page, f"page-{name}")
    page.goto(f"{base}/articles/{ev['doc_id']}/{ev['article_index']}")
    assert page.locator("mark.evidence").count() >= 1
    assert page.goto(base + "/events?type=NOPE").status == 422
    assert "type" in page.locator(".error-details").inner_text()
    shot(page, "page-error-422")
    # The browser logs the deliberate 422 itself; nothing else may be there.
    assert len(page.errors) == 1 and "422" in page.errors[0], page.errors
    page.errors.clear()
