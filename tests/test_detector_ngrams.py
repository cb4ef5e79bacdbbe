"""The detector's word n-gram part and format v2 (issue #17, stop 28).

Every sentence here is written for these tests (no news text is copied).
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the campaign scripts live in training/, outside src/

from diplograph.coding.detector import (  # noqa: E402
    CONFIG,
    FORMAT,
    FORMAT_NGRAMS,
    MANIFEST,
    NGRAMS,
    VOCAB,
    WEIGHTS,
    EventDetector,
    default_path,
    read_manifest,
)
from diplograph.coding.detector_ngrams import NgramPart, ngrams, weighted_counts  # noqa: E402
from diplograph.errors import KnowledgeError  # noqa: E402
from training.events import ship  # noqa: E402
from training.events.ngram_features import fit_vocabulary, ngram_matrix  # noqa: E402

ASSAULT = 15  # column of ASSAULT in the SPEC order of the 16 types


def test_ngrams_are_lower_cased_words_and_adjacent_pairs():
    assert ngrams("Rebels SHELLED the town's market.") == [
        "rebels", "shelled", "the", "town's", "market",
        "rebels shelled", "shelled the", "the town's", "town's market"]
    assert ngrams("The minister\u2019s visit") == ["the", "minister's", "visit",
                                                   "the minister's", "minister's visit"]
    assert ngrams("...") == []


def test_binary_weights_are_presence_normalised():
    index = {"troops": 0, "fired": 1, "troops fired": 2}
    ids, values = weighted_counts("Troops fired, and troops fired again.", index, "binary", None)
    assert sorted(ids) == [0, 1, 2]
    assert np.allclose(values, 1 / np.sqrt(3))
    assert weighted_counts("Nothing known here.", index, "binary", None)[0] == []


def test_tfidf_weights_use_sublinear_counts_and_idf():
    index = {"talks": 0, "resumed": 1}
    idf = np.array([1.0, 2.0], dtype=np.float32)
    ids, values = weighted_counts("Talks resumed; talks resumed; talks.", index, "tfidf", idf)
    raw = {0: 1 + np.log(3), 1: (1 + np.log(2)) * 2.0}
    expected = np.array([raw[i] for i in ids])
    assert np.allclose(values, expected / np.linalg.norm(expected))


def test_ngram_part_adds_the_rows_of_the_known_ngrams():
    table = np.zeros((3, 16), dtype=np.float32)
    table[1, ASSAULT] = 2.0
    part = NgramPart.from_arrays(["the", "shelled", "rebels shelled"], table, "binary", None)
    logits = part.logits("Rebels shelled it.")
    assert logits[ASSAULT] == pytest.approx(2.0 / np.sqrt(2))
    assert not part.logits("Talks resumed.").any()


def test_tfidf_part_needs_one_idf_per_ngram():
    with pytest.raises(ValueError, match="idf"):
        NgramPart.from_arrays(["a", "b"], np.zeros((2, 16)), "tfidf", np.ones(3))


def test_training_features_match_run_time_logits():
    texts = ["Rebels shelled the town.", "The rebels shelled a bridge.", "Talks resumed."]
    vocab = fit_vocabulary(texts, min_df=2)
    assert set(vocab.grams) == {"rebels", "shelled", "rebels shelled", "the"}
    x = ngram_matrix(texts, vocab, "tfidf")
    weights = np.random.default_rng(0).normal(size=(len(vocab.grams), 16)).astype(np.float32)
    part = NgramPart.from_arrays(vocab.grams, weights, "tfidf", vocab.idf)
    for i, text in enumerate(texts):
        assert np.allclose(x[i].toarray()[0] @ weights, part.logits(text), atol=1e-5)


def _v2_folder(tmp_path, ngram_weight: float):
    """The shipped token table plus a one-n-gram part that pushes ASSAULT; returns the
    token table alone (no n-gram part) as a detector, and the folder."""
    old = dataclasses.replace(EventDetector.load(), ngrams=None)
    folder = tmp_path / "v2"
    table = np.zeros((2, 16))
    table[1, ASSAULT] = ngram_weight
    ship.write_folded_ngrams(
        folder, vocab=(default_path() / VOCAB).read_text(encoding="utf-8").split("\n"),
        table=old.table, bias=old.bias, thresholds=np.array(list(old.thresholds.values())),
        length_power=old.length_power, grams=["the", "bombed"], ngram_table=table,
        weighting="binary", idf=None, provenance={"test": True})
    return old, folder


def test_v2_folder_loads_with_a_manifest_over_every_file(tmp_path):
    old, folder = _v2_folder(tmp_path, 8.0)
    assert set(read_manifest(folder)) == {CONFIG, VOCAB, NGRAMS, WEIGHTS}
    assert json.loads((folder / CONFIG).read_text())["format"] == FORMAT_NGRAMS
    new = EventDetector.load(folder)
    text = "Aircraft bombed a fuel depot near the port."
    gap = new.logits([text])[0] - old.logits([text])[0]
    assert gap[ASSAULT] == pytest.approx(8.0 / np.sqrt(2), abs=0.02)
    assert np.allclose(np.delete(gap, ASSAULT), 0.0, atol=0.02)
    assert new.logits(["Talks resumed in Oslo."]) == pytest.approx(
        old.logits(["Talks resumed in Oslo."]), abs=0.02)


def test_altered_ngram_list_is_refused(tmp_path):
    _, folder = _v2_folder(tmp_path, 1.0)
    (folder / NGRAMS).write_text("the\nshelled", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="SHA-256"):
        EventDetector.load(folder)


def test_v2_without_its_ngram_table_is_refused(tmp_path):
    _, folder = _v2_folder(tmp_path, 1.0)
    with np.load(folder / WEIGHTS) as npz:
        table, bias = npz["table"], npz["bias"]
    (folder / WEIGHTS).write_bytes(ship._npz_bytes(table, bias))
    (folder / MANIFEST).unlink()
    ship.write_manifest(folder, (CONFIG, VOCAB, NGRAMS, WEIGHTS))
    with pytest.raises(KnowledgeError, match="n-gram"):
        EventDetector.load(folder)


def test_a_v1_folder_still_loads_without_an_ngram_part(tmp_path):
    folder = tmp_path / "v1"
    shutil.copytree(default_path(), folder)
    config = json.loads((folder / CONFIG).read_text())
    if config["format"] != FORMAT:  # the shipped model is v2: write a v1 one from its table
        old = EventDetector.load()
        shutil.rmtree(folder)
        ship.write_folded(folder, vocab=(default_path() / VOCAB).read_text().split("\n"),
                          table=old.table, bias=old.bias,
                          thresholds=np.array(list(old.thresholds.values())),
                          length_power=old.length_power, provenance={})
    detector = EventDetector.load(folder)
    assert detector.ngrams is None
    assert detector.detect(["The weather was mild in Paris."]) == [[]]
