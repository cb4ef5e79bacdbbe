"""Issue #18: the sources view (outlets and their articles, each opening its cleaned text
with every event marked) and the actor index's typeahead, in real Chromium and through
their JSON twins. Like ``test_web_browser``, every browser test fails on a console error
or on a request off the server; screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

import httpx
import pytest
import test_web_browser
from browser_waits import wait_until
from needs import need_module
from test_web_browser import shot

need_module("fastapi", "the web extra is not installed")

base = test_web_browser.base  # the bundled sample, served once for the module
page = test_web_browser.page  # fails on console errors and on requests off the server


def api(base: str, path: str):
    r = httpx.get(base + path, timeout=30)
    assert r.status_code == 200, (path, r.text[:300])
    return r.json()


def all_events(base: str) -> list[dict]:
    return api(base, "/api/events?limit=500&min_confidence=0")["data"]


def test_sources_count_every_document_article_and_event(base):
    data = api(base, "/sources.json")
    totals = api(base, "/index.json")["totals"]
    outlets = data["outlets"]
    assert data["n_outlets"] == len(outlets)
    assert sum(o["documents"] for o in outlets) == totals["documents"]
    assert sum(o["articles"] for o in outlets) == totals["articles"] == data["n_articles"]
    assert sum(o["events"] for o in outlets) == len(all_events(base))
    events = [o["events"] for o in outlets]
    assert events == sorted(events, reverse=True) and data["sort"] == "-events"


def test_an_outlet_is_the_host_of_the_url_or_the_file(base):
    articles = api(base, "/sources.json")["articles"]
    with_url = [a for a in articles if a["url"]]
    without = [a for a in articles if not a["url"]]
    assert with_url and without
    for a in with_url:
        assert a["outlet"] == urlsplit(a["url"]).hostname.removeprefix("www.")
    for a in without:  # a local file: its name, with its extension
        assert a["outlet"].startswith(a["doc_id"]) and "." in a["outlet"]


def test_sources_sort_and_filter_by_outlet(base):
    by_name = [o["outlet"] for o in api(base, "/sources.json?sort=outlet")["outlets"]]
    assert by_name == sorted(by_name)
    by_articles = [o["articles"] for o in api(base, "/sources.json?sort=-articles")["outlets"]]
    assert by_articles == sorted(by_articles, reverse=True)
    outlet = api(base, "/sources.json")["outlets"][0]
    chosen = api(base, "/sources.json?outlet=" + quote(outlet["outlet"]))
    assert {a["outlet"] for a in chosen["articles"]} == {outlet["outlet"]}
    assert chosen["n_articles"] == len(chosen["articles"]) == outlet["articles"]
    assert sum(a["events"] for a in chosen["articles"]) == outlet["events"]
    r = httpx.get(base + "/sources.json?sort=size", timeout=30)
    assert r.status_code == 422 and "'-events'" in r.json()["error"]["details"][0]["message"]


def test_suggestions_agree_with_the_events_filter(base):
    for typed in ("put", "trump", "RUS"):
        found = api(base, "/api/actors/suggest?q=" + typed)
        assert found, typed
        matched = {(side or {}).get("name") for e in api(
            base, f"/api/events?actor={typed}&limit=500&min_confidence=0")["data"]
            for side in (e.get("source"), e.get("target"))}
        assert {s["name"] for s in found} <= matched, typed
        assert all(s["href"].startswith("/actors/") for s in found)


def test_suggestions_put_word_starts_first_and_name_aliases(base):
    found = api(base, "/api/actors/suggest?q=vla")
    assert found[0]["name"].startswith("Vla") and found[0]["match"] == "name"
    index = api(base, "/actors.json")["actors"]
    actor, alias = next((a, al) for a in index for al in a["aliases"]
                        if al.split()[0].lower() not in a["name"].lower())
    typed = alias.split()[0][:5]
    hits = api(base, "/api/actors/suggest?q=" + quote(typed))
    hit = next(s for s in hits if s["name"] == actor["name"])
    assert hit["match"] == "name" or typed.lower() in hit["match"].lower()
    r = httpx.get(base + "/api/actors/suggest?q=", timeout=30)
    assert r.status_code == 422


@pytest.mark.browser
def test_the_sources_page_sorts_and_opens_an_article_with_its_events_marked(page, base):
    page.goto(base + "/")
    page.locator("header nav a[href='/sources']").click()
    page.wait_for_url("**/sources")
    rows = page.locator("#outlets tr.outlet-row")
    assert rows.count() == len(api(base, "/sources.json")["outlets"])
    page.locator("#outlets th[data-sort=outlet] a").click()
    page.wait_for_url("**sort=outlet*")
    names = page.locator("#outlets tr.outlet-row").evaluate_all(
        "rs => rs.map(r => r.dataset.outlet)")
    assert names == sorted(names)
    shot(page, "18-sources")
    busiest = max(api(base, "/sources.json")["articles"], key=lambda a: a["events"])
    page.locator(f"#outlets tr.outlet-row[data-outlet='{busiest['outlet']}'] a").click()
    page.wait_for_url("**outlet=*")
    assert "sort=outlet" in page.url  # the sort survives the choice of an outlet
    outlet = next(o for o in api(base, "/sources.json")["outlets"]
                  if o["outlet"] == busiest["outlet"])
    assert page.locator("#source-articles tr.article-row").count() == outlet["articles"]
    row = page.locator(f"#source-articles tr.article-row[data-doc='{busiest['doc_id']}']"
                       f"[data-index='{busiest['article_index']}']")
    row.locator("a.article-link").click()
    page.wait_for_url("**/articles/**")
    marked = set(" ".join(page.locator("mark.evidence").evaluate_all(
        "ms => ms.map(m => m.dataset.events)")).split())
    article = api(base, f"/api/articles/{quote(busiest['doc_id'])}/{busiest['article_index']}")
    spanned = {e["id"] for e in article["events"] if e["evidence"].get("start") is not None}
    assert len(article["events"]) == busiest["events"] and spanned
    assert marked == spanned
    shot(page, "18-sources-article")


def type_actor(page, base: str, text: str):
    """Type ``text`` into the actor index's search box, key by key; returns the box once
    the box's answer for the whole text has come. On a loaded machine a pause between two
    keys can outlast the box's wait, so it also asks for a prefix ("v") and shows that
    answer first: a test that read the list at once could read the prefix's."""
    page.goto(base + "/actors")
    box = page.locator("#actor-search input[name=q]")
    whole = "/api/actors/suggest?q=" + quote(text)
    with page.expect_response(lambda r: r.url.endswith(whole)) as asked:
        box.press_sequentially(text, delay=40)
    asked.value.finished()
    return box


@pytest.mark.browser
def test_the_actor_search_suggests_names_as_the_user_types(page, base):
    box = type_actor(page, base, "vlad")
    first = page.locator("#actor-suggestions li").first
    wait_until(page, lambda: "Vladimir Putin" in first.inner_text(),
               "Vladimir Putin first among the suggestions for 'vlad'")
    assert page.locator("#actor-suggestions").is_visible()
    shot(page, "18-actor-typeahead")
    box.press("ArrowDown")
    box.press("Enter")
    page.wait_for_url("**/actors/Q*")
    assert page.locator("#actor-title").get_attribute("data-kind") == "person"
    assert "Vladimir Putin" in page.locator("#actor-title").inner_text()


@pytest.mark.browser
def test_a_click_on_a_suggestion_opens_it_and_no_match_hides_the_list(page, base):
    from playwright.sync_api import expect  # noqa: PLC0415 (the browser fixture checked it)

    type_actor(page, base, "trum")
    link = page.locator("#actor-suggestions a.suggestion").first
    href = api(base, "/api/actors/suggest?q=trum")[0]["href"]
    wait_until(page, lambda: link.get_attribute("href") == href,
               "the first suggestion for 'trum' to be the API's first")
    link.click()
    page.wait_for_url("**" + href)
    assert "Donald Trump" in page.locator("#actor-title").inner_text()
    type_actor(page, base, "zzzq")  # waits for the box's answer to the whole text
    expect(page.locator("#actor-suggestions")).to_be_hidden()
