"""Rendering the extraction benchmark's pages to text dumps, for `benchmarks/dumps.py`.

Each page's HTML is loaded in headless Debian Chromium with every network request
aborted, and its `document.body.innerText` is what a scraper that saves page text
would have saved. Where offline scripts wiped the page (under half the words of the
script-less rendering) the script-less text is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from playwright.sync_api import Browser, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


class HasHtml(Protocol):
    """A benchmark page: its id and its HTML."""

    page_id: str
    html: str


def render_missing(pages: Sequence[HasHtml], cache: Path) -> int:
    """Render the pages without a cached dump; return how many were rendered."""
    todo = [p for p in pages if not (cache / f"{p.page_id}.txt").exists()]
    if not todo:
        return 0
    cache.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for page in todo:
            text = render_one(browser, page.html)
            tmp = cache / f"{page.page_id}.tmp"
            tmp.write_text(text, "utf-8")
            tmp.replace(cache / f"{page.page_id}.txt")
        browser.close()
    return len(todo)


def render_one(browser: Browser, html: str) -> str:
    """innerText with scripts on, unless offline scripts wiped most of the page (then off)."""
    with_js = render_mode(browser, html, js=True)
    without_js = render_mode(browser, html, js=False)
    return without_js if len(without_js.split()) > 2 * len(with_js.split()) else with_js


def render_mode(browser: Browser, html: str, *, js: bool) -> str:
    context = browser.new_context(viewport={"width": 1280, "height": 2000}, java_script_enabled=js)
    tab = context.new_page()
    tab.route("**/*", lambda route: route.continue_()
              if route.request.url.startswith(("file:", "data:", "about:")) else route.abort())
    try:
        tab.set_content(html, wait_until="load", timeout=20_000)
    except Exception:  # a page whose load event never comes: take what was rendered
        pass
    try:
        return tab.evaluate("document.body ? document.body.innerText : ''") or ""
    finally:
        context.close()


