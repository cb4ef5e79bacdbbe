"""The analyst API and dashboard (``diplograph serve``): FastAPI + Jinja, read-only."""

from diplograph.serve.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
