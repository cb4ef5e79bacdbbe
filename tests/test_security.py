"""Output is data, never code (``serve/security.py``), over real HTTP: the security headers
on every kind of response, links only to http(s), templates that cannot run stored text,
an offline ``/docs``, and search text whose LIKE wildcards match themselves."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from needs import need_module

need_module("fastapi", "the web extra is not installed")

import test_api  # noqa: E402

from diplograph.serve import WebSettings, create_app  # noqa: E402
from diplograph.serve.security import SECURITY_HEADERS, external_link, safe_href  # noqa: E402
from diplograph.serve.testing import running_server  # noqa: E402

http = test_api.client  # its httpx client fixture, on this module's ``base``
SERVE = Path(__file__).resolve().parent.parent / "src" / "diplograph" / "serve"


@pytest.fixture(scope="module")
def base(sample_db) -> str:
    app = create_app(WebSettings(db=sample_db))

    @app.get("/test-only/boom", include_in_schema=False)
    def boom():
        raise RuntimeError("boom")

    with running_server(app) as url:
        yield url



# ---- Headers -----------------------------------------------------------------------------

RESPONSES = [
    ("GET", "/", 200, "text/html"),  # dashboard page
    ("GET", "/events?limit=5", 200, "text/html"),
    ("GET", "/index.json", 200, "application/json"),  # a page's JSON twin
    ("GET", "/api/events?limit=1", 200, "application/json"),
    ("GET", "/static/diplograph.css", 200, "text/css"),
    ("GET", "/static/network.js", 200, "javascript"),
    ("GET", "/static/vendor/swagger-ui/swagger-ui-bundle.js", 200, "javascript"),
    ("GET", "/static/nope.js", 404, "application/json"),
    ("GET", "/nope", 404, "text/html"),
    ("GET", "/events/nope", 404, "text/html"),
    ("GET", "/api/events/nope", 404, "application/json"),
    ("GET", "/events?type=NOPE", 422, "text/html"),
    ("GET", "/api/events?limit=0", 422, "application/json"),
    ("POST", "/api/events", 405, "application/json"),
    ("HEAD", "/", 405, None),
    ("GET", "/test-only/boom", 500, "text/html"),  # sent from outside every middleware
    ("GET", "/docs", 200, "text/html"),
    ("GET", "/openapi.json", 200, "application/json"),
]


@pytest.mark.parametrize(("method", "path", "status", "kind"), RESPONSES,
                         ids=[f"{m} {p}" for m, p, _, _ in RESPONSES])
def test_every_response_carries_the_security_headers(base, method, path, status, kind):
    r = httpx.request(method, base + path, timeout=30)  # a new connection: the 500 drops its own
    assert r.status_code == status, (path, r.text[:300])
    if kind:
        assert kind in r.headers["content-type"]
    for name, value in SECURITY_HEADERS.items():
        assert r.headers.get(name) == value, (path, name, r.headers.get(name))


def test_the_csp_is_strict():
    csp = dict(part.strip().split(" ", 1) for part in SECURITY_HEADERS[
        "Content-Security-Policy"].split(";"))
    assert csp["default-src"] == csp["script-src"] == csp["style-src"] == "'self'"
    assert "unsafe" not in SECURITY_HEADERS["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "'none'" and csp["object-src"] == "'none'"
    assert SECURITY_HEADERS["X-Frame-Options"] == "DENY"
    assert SECURITY_HEADERS["X-Content-Type-Options"] == "nosniff"


# ---- Templates and links -------------------------------------------------------------------


def test_templates_hold_no_inline_code_or_unescaped_data():
    """What the CSP refuses is not in the templates, and nothing bypasses autoescape."""
    for path in sorted((SERVE / "templates").glob("*.html")):
        html = path.read_text()
        scripts = re.findall(r"<script\b[^>]*>", html)
        inline = [s for s in scripts if "src=" not in s and "application/json" not in s]
        assert not inline, (path.name, inline)
        assert not re.search(r"\son[a-z]+\s*=", html), path.name  # onclick=, onload=, ...
        assert not re.search(r"\sstyle\s*=|<style", html), path.name
        assert "|safe" not in html.replace(" ", "") and "autoescape false" not in html, path.name
        assert not re.search(r"href=\"\{\{[^}]*\.url\b", html), path.name  # use external_link


def test_autoescape_is_on_for_every_template():
    from diplograph.serve.app import templates

    env = templates().env
    assert env.autoescape is True
    rendered = env.from_string("{{ x }}").render(x='<img src=x onerror="alert(1)">')
    assert "<img" not in rendered and "&lt;img" in rendered


@pytest.mark.parametrize("url", [
    "https://example.org/a?b=c", "http://example.org", "HTTPS://EXAMPLE.ORG/x",
])
def test_http_urls_are_links(url):
    assert safe_href(url) == url
    assert str(external_link(url)).startswith(f'<a href="{url.replace("&", "&amp;")}"')


@pytest.mark.parametrize("url", [
    "javascript:alert(document.domain)", "JavaScript:alert(1)", " javascript:alert(1)",
    "java\tscript:alert(1)", "java\nscript:alert(1)", "\x01javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
    "//evil.example/x", "/articles/x/0", "example.org", "https://", "http:///x",
    "http://[::1", "", None, 42,
])
def test_other_urls_are_text(url):
    assert safe_href(url) is None
    shown = str(external_link(url))
    assert "<a" not in shown and "href" not in shown
    if isinstance(url, str) and url:
        assert "<script" not in shown and "raw-url" in shown


def test_a_hostile_url_is_escaped_inside_the_link():
    shown = str(external_link('https://example.org/"><script>alert(1)</script>'))
    assert "<script" not in shown and "&#34;&gt;&lt;script" in shown


# ---- /docs without a CDN ---------------------------------------------------------------------


def test_docs_use_the_vendored_swagger_ui(http):
    html = http.get("/docs").text
    assert "<title>diplograph API</title>" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in sources
    assert "/static/vendor/swagger-ui/swagger-ui.css" in sources
    assert all(s.startswith("/") or s == "data:," for s in sources), sources
    for src in sources:
        if src.startswith("/static/"):
            assert http.get(src).status_code == 200, src
    assert http.get("/redoc").status_code == 404  # it would need a CDN; not offered
    vendored = SERVE / "static" / "vendor" / "swagger-ui"
    assert {"LICENSE", "NOTICE", "VERSION"} <= {p.name for p in vendored.iterdir()}


# ---- LIKE wildcards in search text -----------------------------------------------------------


def count(http, query: str) -> int:
    r = http.get("/api/events", params={**query, "limit": 500})
    assert r.status_code == 200, r.text
    return r.json()["count"]


@pytest.mark.parametrize("param", ["q", "actor", "place"])
@pytest.mark.parametrize("text", ["%", "_", "%%", "__", "\\", "%_\\"])
def test_like_wildcards_match_only_themselves(http, param, text):
    total = count(http, {})
    found = http.get("/api/events", params={param: text, "limit": 500}).json()
    assert found["count"] < total
    fields = ("evidence", "source", "target", "location")
    for event in found["data"]:  # what is found really holds the characters
        assert text.lower() in str([event.get(f) for f in fields]).lower().replace("\\\\", "\\")


def test_plain_words_still_match(http):
    assert count(http, {"q": "minister"}) > 0
    assert count(http, {"actor": "russ"}) > 0 or count(http, {"actor": "ukr"}) > 0
