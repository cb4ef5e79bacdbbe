"""An actor's identities ranked from the sides counted per value (``store/identities.py``):
the kind with most sides, each value the most frequent of the first kind that has one."""

from __future__ import annotations

from diplograph.store.identities import ranked

# (name, country, kind, wikidata, role, sector, n)
ROWS = [
    # Rutte: mostly a person; his most frequent role among person sides is "prime minister"
    # (3 against 2); "secretary general" comes from another kind and is not his.
    ("Mark Rutte", "NLD", "person", "Q57792", "prime minister", None, 3),
    ("Mark Rutte", "NLD", "person", None, "party leader", None, 2),
    ("Mark Rutte", "NLD", "organisation", None, "secretary general", "IGO", 1),
    # Finland: sides with no kind are the most, so the kind is the next one's; roles tie
    # (1 and 1): the least.
    ("Finland", "FIN", None, None, None, None, 9),
    ("Finland", "FIN", "state", None, "b-role", None, 1),
    ("Finland", "FIN", "state", None, "a-role", None, 1),
    # Hamas: its kind has no sector; the next kind's sector is taken.
    ("Hamas", None, "group", None, None, None, 4),
    ("Hamas", None, "organisation", None, None, "rebels", 1),
    # A country with no name: listed after the names with as many sides.
    (None, "FIN", "state", None, None, None, 5),
]


def test_identities_are_ranked_by_sides_and_take_their_kinds_values():
    found = ranked(ROWS, limit=10)
    assert [(f["name"], f["country"], f["n"]) for f in found] == [
        ("Finland", "FIN", 11), ("Mark Rutte", "NLD", 6), ("Hamas", None, 5), (None, "FIN", 5)]
    finland, rutte, hamas, _ = found
    assert rutte == {"name": "Mark Rutte", "country": "NLD", "wikidata": "Q57792",
                     "role": "prime minister", "sector": "IGO", "kind": "person", "n": 6}
    assert (finland["kind"], finland["role"]) == ("state", "a-role")
    assert (hamas["kind"], hamas["sector"]) == ("group", "rebels")


def test_the_limit_keeps_the_identities_with_most_sides():
    assert [f["name"] for f in ranked(ROWS, limit=2)] == ["Finland", "Mark Rutte"]
    assert ranked([], limit=5) == []
