"""The shipped learned event detector (issue #17): loads, hashes, predicts, needs no torch.

Every sentence here is written for these tests (no news text is copied).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from diplograph.coding.detector import (
    FORMAT_NGRAMS,
    MANIFEST,
    EventDetector,
    default_path,
    read_manifest,
    sha256_file,
)
from diplograph.coding.wordpiece import WordPiece, words
from diplograph.errors import KnowledgeError

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@pytest.fixture(scope="module")
def detector() -> EventDetector:
    return EventDetector.load()


def test_manifest_lists_every_model_file_with_its_hash():
    folder = default_path()
    manifest = read_manifest(folder)
    files = {"config.json", "vocab.txt", "weights.npz"}
    if json.loads((folder / "config.json").read_text())["format"] == FORMAT_NGRAMS:
        files.add("ngrams.txt")
    assert set(manifest) == files
    for name, digest in manifest.items():
        assert sha256_file(folder / name) == digest


def test_altered_weights_are_refused(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(default_path(), folder)
    data = bytearray((folder / "weights.npz").read_bytes())
    data[-100] ^= 0xFF
    (folder / "weights.npz").write_bytes(bytes(data))
    with pytest.raises(KnowledgeError, match="SHA-256"):
        EventDetector.load(folder)


def test_missing_manifest_is_refused(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(default_path(), folder)
    (folder / MANIFEST).unlink()
    with pytest.raises(KnowledgeError, match="make train-detector"):
        EventDetector.load(folder)


def test_predict_gives_a_probability_for_every_type(detector):
    probs = detector.predict(["The minister visited the border crossing.", ""])
    assert len(probs) == 2
    for p in probs:
        assert tuple(p) == TYPES
        assert all(0.0 <= v <= 1.0 for v in p.values())
    assert set(detector.thresholds) == set(TYPES)
    assert all(0.0 < t < 1.0 for t in detector.thresholds.values())


def test_batches_match_single_sentences(detector):
    texts = ["Troops fired on the crowd.", "Talks resumed in Oslo.", "It rained."]
    batch = detector.predict(texts)
    single = [detector.predict([t])[0] for t in texts]
    for b, s in zip(batch, single):
        assert np.allclose(list(b.values()), list(s.values()))


def test_shelling_is_assault(detector):
    text = "Rebels shelled the city overnight, killing 12 civilians."
    probs = detector.predict([text])[0]
    assert max(probs, key=probs.get) == "ASSAULT"
    assert "ASSAULT" in detector.detect([text])[0]


@pytest.mark.parametrize("text", [
    "The weather was mild in Paris.",
    "The new phone has a larger screen and a faster chip.",
    "",
])
def test_sentences_without_events_get_no_type(detector, text):
    assert detector.detect([text]) == [[]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Police arrested three opposition activists outside the parliament.", "COERCE"),
    ("Thousands of workers marched through the capital to protest against the pension law.",
     "PROTEST"),
    ("The opposition leader accused the prime minister of lying to parliament.", "ACCUSE"),
])
def test_clear_sentences_get_their_type(detector, text, expected):
    assert expected in detector.detect([text])[0]


def test_loading_and_predicting_never_import_torch():
    # A fresh interpreter where `import torch` fails, as on a user's machine without it.
    code = (
        "import sys\n"
        "sys.modules['torch'] = None\n"
        "from diplograph.coding.detector import EventDetector\n"
        "d = EventDetector.load()\n"
        "out = d.detect(['Rebels shelled the city overnight, killing 12 civilians.'])\n"
        "heavy = [m for m in ('torch', 'transformers', 'tokenizers', 'sentence_transformers',\n"
        "         'model2vec', 'sklearn', 'spacy') if sys.modules.get(m) is not None]\n"
        "print(json.dumps({'out': out, 'heavy': heavy}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", "import json\n" + code], capture_output=True,
                          text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["heavy"] == []
    assert "ASSAULT" in result["out"][0]


def test_wordpiece_matches_bert_uncased_rules():
    vocab = ["[PAD]", "[UNK]", "un", "##aff", "##able", "the", "cafe", ",", "!", "x"]
    wp = WordPiece(vocab)
    assert wp.encode("Unaffable, the CAFÉ!") == [2, 3, 4, 7, 5, 6, 8]
    assert wp.encode("zzz") == [1]
    assert words("Naïve  e-mail\tX") == ["naive", "e", "-", "mail", "x"]
