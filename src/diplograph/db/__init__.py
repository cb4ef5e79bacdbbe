"""The embedded DuckDB store: connection, migrations, writes and queries."""

from diplograph.db.connection import open_db
from diplograph.db.store import Store

__all__ = ["Store", "open_db"]
