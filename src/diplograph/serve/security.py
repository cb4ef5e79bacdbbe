"""What keeps stored text data, never code, in the browser.

- :data:`SECURITY_HEADERS` go on every response (pages, JSON, static files,
  errors, ``/docs``) through :class:`SecurityHeaders`, a plain ASGI middleware,
  and through :func:`secure`, for the 500 answer that Starlette sends from
  outside every middleware.
- :func:`safe_href` is the one test of whether a stored URL may become a link:
  only absolute ``http``/``https`` URLs do; anything else (``javascript:``,
  ``data:``, relative paths) is shown as text by :func:`external_link`, the
  templates' filter. The JSON twins keep the raw value.

Escaping is Jinja's autoescape on every template (see ``app.templates``) and,
in the browser, ``diplograph.escapeHtml`` in ``static/diplograph.js``, which every
chart formatter calls.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup
from starlette.datastructures import MutableHeaders
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# No inline script or style, nothing from another origin; data: images only for
# the icons inside Swagger UI's stylesheet (and the empty favicon of base.html).
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}
LINK_SCHEMES = ("http", "https")


def safe_href(url: object) -> str | None:
    """``url`` if it may be a link (absolute ``http``/``https`` with a host), else None.

    Browsers ignore tabs and newlines inside a URL and leading spaces before it
    (``java\\tscript:`` runs), so any whitespace or control character refuses it.
    """
    if not isinstance(url, str) or not url:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an invalid IPv6 host
        return None
    return url if parts.scheme.lower() in LINK_SCHEMES and parts.netloc else None


def external_link(url: object, label: str = "original page") -> Markup:
    """A link to ``url`` if :func:`safe_href` allows it, else ``label: url`` as plain text.

    Both parts are escaped (``Markup.format``); this is the templates' only way to
    link to a stored URL.
    """
    href = safe_href(url)
    if href:
        return Markup('<a href="{}" rel="noreferrer noopener">{}</a>').format(href, label)
    return Markup('{}: <code class="raw-url" title="not an http(s) address: shown as text">'
                  '{}</code>').format(label, url)


def secure(response: Response) -> Response:
    """``response`` with :data:`SECURITY_HEADERS` set (replacing any already there)."""
    response.headers.update(SECURITY_HEADERS)
    return response


class SecurityHeaders:
    """ASGI middleware: :data:`SECURITY_HEADERS` on every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_secured)


__all__ = ["CSP", "SECURITY_HEADERS", "SecurityHeaders", "external_link", "safe_href",
           "secure"]
