"""Actor resolution on the table of real mentions, tune split (its floor: tests/actor_floors.py;
the other splits and tables: test_actor_tables_heldout_confusables.py), and how a labelled
phrase is aligned with the resolver's mentions."""

from __future__ import annotations

from actor_floors import assert_floor_holds, bench


# Not marked slow: make test leaves slow tests out, and these floors have no smaller case.
def test_actor_table_floor_real_tune(actor_resolver) -> None:
    assert_floor_holds(actor_resolver, "real", "tune")


def _aligned_texts(resolver, text: str, label: str) -> list[str]:
    doc = resolver.nlp(text)
    mentions = resolver.find_mentions(doc, when=None, home_country="GBR")
    at = text.index(label)
    return [text[m.start:m.end] for m in bench().aligned(doc, mentions, (at, at + len(label)))]


def test_a_labelled_phrase_aligns_with_the_mention_of_its_head(actor_resolver) -> None:
    # The resolver reads part of the labelled phrase: the part that holds its head counts...
    text = "Paul Boateng, Chief Secretary to the Treasury, said the plan was sound."
    assert _aligned_texts(actor_resolver, text,
                          "Paul Boateng, Chief Secretary to the Treasury") == ["Paul Boateng"]
    # ...so does the name in apposition to a described head...
    text = "The paper's political editor, Jane Smithers, said the plan was sound."
    assert _aligned_texts(actor_resolver, text,
                          "The paper's political editor, Jane Smithers") != []
    # ...but never another person named inside the phrase.
    text = "Jane Smithers, a spokeswoman for Foreign Secretary Jack Straw, said no."
    label = "Jane Smithers, a spokeswoman for Foreign Secretary Jack Straw"
    assert not any("Straw" in t for t in _aligned_texts(actor_resolver, text, label))
