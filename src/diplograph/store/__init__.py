"""The embedded DuckDB store: connection, migrations, writes and queries."""

from diplograph.store.connection import open_db
from diplograph.store.store import Store

__all__ = ["Store", "open_db"]
