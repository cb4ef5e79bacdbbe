"""The kept counts a write adds to and subtracts from (``counts_alias``: events per actor ×
the article's other word for it × kind) stay what a full recount gives through new
documents, changed ones, a document emptied of its events and ingested again, and an
unchanged one written again."""

from __future__ import annotations

import random

from stored import coded
from test_counts import assert_counts_exact, random_document

from diplograph.store.store import Store


def _alias_rows(store: Store, doc_id: str | None = None) -> int:
    """Rows of ``counts_alias`` (those of ``doc_id``'s events' actors when given)."""
    return store.con.execute("SELECT count(*) FROM counts_alias").fetchone()[0] \
        if doc_id is None else store.con.execute(
            "SELECT count(*) FROM events WHERE doc_id = ? AND (source_text <> source_name "
            "OR target_text <> target_name)", [doc_id]).fetchone()[0]


def test_added_and_subtracted_counts_equal_a_recount_through_a_deletion_and_a_reingest(
        tmp_path):
    rng = random.Random(6)  # its first three documents hold actors named by other words
    first = {d: random_document(rng, d, 1) for d in ("a", "b", "c")}
    emptied_b = coded("b", "Version 2 of b: nothing happened.", [], content_hash="b-2")
    with Store(tmp_path / "db.duckdb") as store:
        store.write(list(first.values()))
        assert _alias_rows(store) > 0 and _alias_rows(store, "b") > 0
        for batch in ([random_document(rng, "a", 2)],  # changed: other events and words
                      [emptied_b],  # its events deleted
                      [first["b"]],  # ingested again as it first was
                      [first["c"]],  # written again, unchanged
                      [random_document(rng, "d", 1), random_document(rng, "a", 3)]):
            store.write(batch)
            assert_counts_exact(store)
            assert store.con.execute("SELECT count(*) FROM counts_alias "
                                     "WHERE n <= 0").fetchone()[0] == 0
