"""The scorer's matching rules on hand-made gold and system events."""

from diplograph.evaluation.scoring import event_key, matches, score


def ev(doc, kind, src, tgt, status="asserted", **extra):
    actor = lambda c: {"name": c, "country": c} if c else None  # noqa: E731
    return {"doc_id": doc, "type": kind, "source": actor(src), "target": actor(tgt),
            "status": status, **extra}


def test_symmetric_types_match_either_way():
    gold = {"doc_id": "d", "type": "CONSULT", "source": {"country": "CAN"},
            "target": {"country": "UKR"}, "polarity": "happened"}
    assert matches(gold, ev("d", "CONSULT", "UKR", "CAN"))
    gold["type"] = "ACCUSE"
    assert not matches(gold, ev("d", "ACCUSE", "UKR", "CAN"))


def test_aliases_and_polarity():
    gold = {"doc_id": "d", "type": "DISAPPROVE", "source": "*", "target": "*", "polarity": "not"}
    assert matches(gold, ev("d", "ACCUSE", "A", "B", status="denied"))
    assert not matches(gold, ev("d", "ACCUSE", "A", "B", status="reported"))


def test_repeated_events_count_once_and_optional_are_ignored():
    gold = [
        {"doc_id": "d", "type": "CONSULT", "source": {"country": "CAN"}, "target": "*"},
        {"doc_id": "d", "type": "AID", "source": "*", "target": "*", "optional": True},
    ]
    system = [ev("d", "CONSULT", "CAN", "UKR"), ev("d", "CONSULT", "UKR", "CAN"),
              ev("d", "AID", "CAN", "UKR"), ev("d", "SANCTION", "CAN", "RUS")]
    assert event_key(system[0]) == event_key(system[1])
    result = score(gold, system)
    assert (result.tp, result.fp, result.optional, result.missed) == (1, 1, 1, 0)
    assert result.summary()["precision"] == 0.5
    assert result.per_type()["SANCTION"]["fp"] == 1


def test_a_required_record_of_no_type_is_a_miss_without_a_type_row():
    """The referee counts it missed (nothing can match it); the per-type table skips it."""
    gold = [{"doc_id": "d", "type": []}, {"doc_id": "d", "type": ["AID"]}]
    result = score(gold, [ev("d", "AID", "CAN", "UKR")])
    assert (result.tp, result.missed) == (1, 1)
    assert set(result.per_type()) == {"AID"}
