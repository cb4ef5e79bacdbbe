"""langid's model unpacked once into the cache folder: the same identifier, and a bad
cache file never stops language identification."""

from __future__ import annotations

from pathlib import Path

import pytest
from langid.langid import LanguageIdentifier, model

from diplograph.pages.langid_cache import cache_path, load_identifier

# Sentences we wrote, one per language the identifier must tell apart.
SENTENCES = {
    "en": "The foreign minister said on Monday that the talks would resume next week.",
    "fr": "Le ministre des affaires étrangères a déclaré lundi que les négociations "
          "reprendraient la semaine prochaine.",
    "de": "Der Außenminister sagte am Montag, die Gespräche würden nächste Woche "
          "fortgesetzt.",
}


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_the_cached_identifier_is_the_unpacked_one(cache_home: Path) -> None:
    unpacked = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    first = load_identifier(model, LanguageIdentifier, norm_probs=True)
    assert cache_path(model).is_file()
    assert cache_path(model).is_relative_to(cache_home)
    cached = load_identifier(model, LanguageIdentifier, norm_probs=True)
    assert (cached.nb_ptc == unpacked.nb_ptc).all() and cached.nb_ptc.dtype == "float32"
    assert (cached.nb_pc == unpacked.nb_pc).all()
    assert cached.nb_classes == unpacked.nb_classes
    assert cached.tk_nextmove == unpacked.tk_nextmove
    assert cached.tk_output == unpacked.tk_output
    for language, text in SENTENCES.items():
        assert cached.classify(text) == unpacked.classify(text) == first.classify(text)
        assert cached.classify(text)[0] == language


def test_a_damaged_cache_file_is_unpacked_again_and_replaced(cache_home: Path) -> None:
    path = cache_path(model)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a numpy archive")
    identifier = load_identifier(model, LanguageIdentifier, norm_probs=True)
    assert identifier.classify(SENTENCES["fr"])[0] == "fr"
    assert path.read_bytes()[:2] == b"PK"  # rewritten as an .npz (a zip archive)


def test_a_cache_folder_that_cannot_be_written_is_passed_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache root is a file, not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    identifier = load_identifier(model, LanguageIdentifier, norm_probs=True)
    assert identifier.classify(SENTENCES["de"])[0] == "de"
    assert not cache_path(model).exists()


def test_a_new_model_text_gets_its_own_file() -> None:
    assert cache_path(model) != cache_path(model + b"A")


def test_the_identifier_we_use_guesses_as_langid_does(cache_home: Path) -> None:
    from diplograph.pages.language import _identifier, detect_language

    ours, theirs = _identifier(), LanguageIdentifier.from_modelstring(model, norm_probs=True)
    assert ours.nb_ptc.dtype == "float64"  # converted once, not at every document
    for language, text in SENTENCES.items():
        counts = theirs.instance2fv(text)
        assert (ours.nb_classprobs(counts) == theirs.nb_classprobs(counts)).all()
        assert detect_language(text) == language
