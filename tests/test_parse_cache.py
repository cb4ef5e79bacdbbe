"""The committed parse cache of the actor tables (tests/parse_cache.py): a cached parse is
the Doc a fresh parse gives, a miss of any kind is parsed, and the committed file covers
the texts the floors read."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import numpy as np
import parse_cache
from actor_floors import ROOT
from needs import need
from parse_cache import CACHE_DIR, ParseCache, cache_path, table_texts, text_key, write_cache
from spacy.attrs import SENT_START

TEXTS = [
    "Foreign Secretary Jack Straw met Iran's foreign minister in Tehran on Monday. "
    "Mr Straw said the talks had been useful.",
    "The UN Security Council voted 14-0 to extend the mission; China abstained.",
    "Protesters gathered outside parliament in Kiev, demanding new elections.",
]


def _same_doc(cached, fresh) -> bool:
    """Every annotation the resolver reads: tokens, tags, lemmas, morphology, the tree,
    sentences and entities (``Doc.to_json``), and the sentence starts as spaCy stores them."""
    return cached.to_json() == fresh.to_json() and np.array_equal(
        cached.to_array([SENT_START]), fresh.to_array([SENT_START]))


def _mentions(resolver, doc) -> list[tuple]:
    found = resolver.find_mentions(doc, when=dt.date(2005, 3, 1), home_country="GBR")
    return [(m.start, m.end, m.actor.name, m.actor.country, m.actor.sector) for m in found]


def test_a_cached_parse_equals_a_fresh_parse(actor_resolver, tmp_path) -> None:
    nlp = actor_resolver.nlp
    path = tmp_path / "cache.xz"
    assert len(write_cache(nlp, TEXTS + TEXTS[:1], path)) == len(TEXTS)
    cached = ParseCache(nlp, path)
    assert set(cached.rows) == {text_key(text) for text in TEXTS}
    for doc, fresh in zip(cached.parse(TEXTS), nlp.pipe(TEXTS)):
        assert _same_doc(doc, fresh)
        assert _mentions(actor_resolver, doc) == _mentions(actor_resolver, fresh)


def test_a_text_not_in_the_cache_is_parsed(actor_resolver, tmp_path) -> None:
    nlp = actor_resolver.nlp
    path = tmp_path / "cache.xz"
    write_cache(nlp, TEXTS[:1], path)
    new = "The Kremlin denied that troops had crossed the border."
    docs = ParseCache(nlp, path).parse([new, TEXTS[0]])
    assert _same_doc(docs[0], nlp(new)) and _same_doc(docs[1], nlp(TEXTS[0]))


def test_a_text_tokenized_otherwise_is_parsed(actor_resolver, tmp_path) -> None:
    nlp = actor_resolver.nlp
    path = tmp_path / "cache.xz"
    write_cache(nlp, TEXTS[:1], path)
    cache = ParseCache(nlp, path)
    key = text_key(TEXTS[0])
    cache.rows[key] = cache.rows[key][:-1]  # annotations of one token fewer than the text's
    assert _same_doc(cache.parse(TEXTS[:1])[0], nlp(TEXTS[0]))


def test_another_spacy_or_model_reads_another_file(actor_resolver, monkeypatch, tmp_path):
    model = SimpleNamespace(meta={"lang": "en", "name": "core_web_sm", "version": "3.8.0"})
    path = cache_path(model, tmp_path)
    assert path.name.startswith(f"spacy-{parse_cache.spacy.__version__}_en_core_web_sm-3.8.0")
    other_model = SimpleNamespace(meta={**model.meta, "version": "3.8.1"})
    assert cache_path(other_model, tmp_path) != path
    monkeypatch.setattr(parse_cache.spacy, "__version__", "3.9.0")
    assert cache_path(model, tmp_path) != path
    # A file for other versions is never read: every text is parsed.
    nlp = actor_resolver.nlp
    cache = ParseCache(nlp)
    assert cache.rows == {} and _same_doc(cache.parse(TEXTS[:1])[0], nlp(TEXTS[0]))


def _committed_cache(nlp) -> ParseCache:
    need((ROOT.parent / "shared" / "corpus").is_dir(),
         "../shared/corpus (the articles of the actor tables) is missing")
    cache = ParseCache(nlp)
    assert cache.rows, (f"no parse cache for this spaCy and model ({cache.path.name}; there: "
                        f"{[p.name for p in CACHE_DIR.glob('*.xz')]}): rebuild it with "
                        "`PYTHONPATH=src .venv/bin/python tests/parse_cache.py`")
    return cache


def test_the_committed_cache_equals_a_fresh_parse_of_the_tables(actor_resolver) -> None:
    """A spread of the committed texts (every 48th: 16 of all lengths, from both tables;
    the builder compares all of them), parsed afresh: the same Docs and the same mentions."""
    nlp = actor_resolver.nlp
    cache = _committed_cache(nlp)
    texts = table_texts()[::48]
    for text, doc in zip(texts, cache.parse(texts)):
        assert text_key(text) in cache.rows
        fresh = nlp(text)
        assert _same_doc(doc, fresh)
        assert _mentions(actor_resolver, doc) == _mentions(actor_resolver, fresh)


def test_the_committed_cache_covers_the_actor_tables(actor_resolver) -> None:
    cache = _committed_cache(actor_resolver.nlp)
    missing = [text[-80:] for text in table_texts() if text_key(text) not in cache.rows]
    assert not missing, (f"{len(missing)} texts of the actor tables are not in "
                         f"{cache.path.name}: rebuild it with "
                         f"`PYTHONPATH=src .venv/bin/python tests/parse_cache.py`: {missing[:3]}")
