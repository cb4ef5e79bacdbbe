"""The cross-validation harness of the factuality model (benchmarks/factuality_cv.py):
sentences are found in their documents, and folds keep documents whole."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from factuality import Scored  # noqa: E402
from factuality_cv import GROUPS, folds_of  # noqa: E402
from factuality_sites import Site, document_ids, source_of  # noqa: E402

FIRST = """<TimeML><DOCID>A1</DOCID><TEXT>The ministers met in Geneva on Monday.
They did not sign the accord, officials said.</TEXT></TimeML>"""
SECOND = """<TimeML><DOCID>B2</DOCID><TEXT>Rebels shelled the port city overnight.
The army may respond, a spokesman said.</TEXT></TimeML>"""


@pytest.fixture
def tempeval(tmp_path: Path) -> Path:
    (tmp_path / "AQUAINT").mkdir()
    (tmp_path / "AQUAINT" / "A1.tml").write_text(FIRST, encoding="utf-8")
    (tmp_path / "B2.tml").write_text(SECOND, encoding="utf-8")
    return tmp_path


def test_sentences_are_found_in_their_documents(tempeval: Path) -> None:
    texts = ["They did not sign the accord , officials said .",  # PTB tokens, spaced
             "The army may respond, a spokesman said.",
             "Rebels shelled the port city overnight."]
    assert document_ids(texts, tempeval) == ["A1", "B2", "B2"]


def test_a_sentence_not_found_takes_the_document_before_it(tempeval: Path) -> None:
    texts = ["The ministers met in Geneva on Monday.", "A line no document holds."]
    assert document_ids(texts, tempeval) == ["A1", "A1"]


def _site(document: str) -> Site:
    scored = Scored(word="met", gold=3.0, reading=None, sentence="They met.")
    return Site(scored=scored, document=document, word="met", governor="<root>", pos="VERB",
                cue_words=(), cue_path="none")


def test_folds_keep_each_document_whole() -> None:
    sites = [_site(f"doc{i % 7}") for i in range(70)]
    folds = folds_of(sites, 5)
    assert sorted(i for fold in folds for i in fold) == list(range(70))
    for fold in folds:
        inside = {sites[i].document for i in fold}
        outside = {s.document for j, s in enumerate(sites) if j not in set(fold)}
        assert not inside & outside



def test_a_document_names_its_news_source() -> None:
    assert source_of("uw/train/APW19980807.0261") == "apw"
    assert source_of("uw/dev/wsj_0026") == "wsj"
    assert source_of("uw/train/ea980120.1830.0071") == "ea"
    assert source_of("uw/train/NYT19981025.0216") == "nyt"


def test_folds_by_source_keep_each_source_whole() -> None:
    names = ["APW19980807.0261", "APW19980808.0022", "wsj_0026", "wsj_0027", "NYT19981025.0216",
             "XIE19980808.0060", "CNN19980213.2130.0155", "ea980120.1830.0071"]
    sites = [_site(f"uw/train/{names[i % len(names)]}") for i in range(80)]
    folds = folds_of(sites, 5, GROUPS["source"])
    assert sorted(i for fold in folds for i in fold) == list(range(80))
    for fold in folds:
        inside = {source_of(sites[i].document) for i in fold}
        outside = {source_of(s.document) for j, s in enumerate(sites) if j not in set(fold)}
        assert not inside & outside


def test_isotonic_calibration_is_monotone_and_pools_violators() -> None:
    from factuality_calibration import isotonic
    x = np.array([-2.0, -1.0, 0.0, 1.0, 2.0, 3.0])
    y = np.array([-3.0, 0.0, -1.0, 1.0, 3.0, 3.0])  # the 2nd and 3rd break the order
    mapped = isotonic(x, y)(x)
    assert list(mapped) == [-3.0, -0.5, -0.5, 1.0, 3.0, 3.0]
    assert np.all(np.diff(isotonic(x, y)(np.linspace(-3, 3, 25))) >= 0)


def test_a_stretch_moves_scores_away_from_the_mean_of_the_gold() -> None:
    from factuality_calibration import stretch
    gold = np.array([2.0, 2.0, 2.0, 2.0])
    assert list(stretch(1.5)(np.zeros(4), gold)(np.array([0.0, 2.0, 3.0]))) == [-1.0, 2.0, 3.5]


def test_each_fold_is_calibrated_by_the_other_folds_alone() -> None:
    from factuality_calibration import least_squares, out_of_fold
    scores = np.array([0.0, 1.0, 0.0, 1.0])
    gold = np.array([0.0, 2.0, 5.0, 5.0])  # fold 2's own gold would make the map flat
    out = out_of_fold(scores, gold, [np.array([0, 1]), np.array([2, 3])], least_squares)
    assert out[2:] == pytest.approx([0.0, 2.0]) and out[:2] == pytest.approx([3.0, 3.0])
