"""Actor resolution on the held-out third of the real mentions and on both splits of the
confusable people, of the titled people, of the groups of places and of the spokespeople
of bodies (floors: tests/actor_floors.py; real tune: test_actor_tables.py)."""

from __future__ import annotations

import pytest
from actor_floors import assert_floor_holds


# Not marked slow: make test leaves slow tests out, and these floors have no smaller case.
@pytest.mark.parametrize(("table", "split"), [
    ("confusables", "heldout"), ("confusables", "tune"), ("real", "heldout"),
    ("titles", "tune"), ("titles", "heldout"), ("places", "tune"),
    ("places", "heldout"), ("owners", "tune"), ("offices", "tune"),
    ("offices", "heldout"), ("backrefs", "tune"), ("backrefs", "heldout"),
    ("posts", "tune"), ("posts", "heldout"), ("epithets", "tune"),
    ("epithets", "heldout"), ("settings", "tune"), ("settings", "heldout"),
    ("dated", "tune"), ("dated", "heldout"), ("surnames", "tune"),
    ("surnames", "heldout"), ("mentions18", "tune"),
    ("mentions18", "heldout"), ("phrases18", "tune"), ("phrases18", "heldout"),
    ("kb19", "tune"), ("kb19", "heldout"), ("ranks27", "tune"),
    ("ranks27", "heldout"), ("orgs27", "tune"), ("orgs27", "heldout"),
    ("names27", "tune"), ("names27", "heldout"),
    ("partyadj27", "tune"), ("partyadj27", "heldout"), ("appos27", "tune"),
    ("appos27", "heldout"), ("ownside27", "tune"),
    ("ownside27", "heldout"), ("sector27", "tune"), ("sector27", "heldout"),
    ("ownstate28", "tune"), ("ownstate28", "heldout"),
    ("usplace28", "tune"), ("usplace28", "heldout"), ("sector28", "tune"),
    ("sector28", "heldout"), ("ustown28", "tune"), ("ustown28", "heldout"),
    ("descr28", "tune"), ("descr28", "heldout"), ("headrole29", "tune"),
    ("headrole29", "heldout")])
def test_actor_table_floor(actor_resolver, table: str, split: str) -> None:
    assert_floor_holds(actor_resolver, table, split)
