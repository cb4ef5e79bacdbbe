"""Fuzzing the readers, the cleaners, the coder and ``eval``'s gold files: no crash, no hang,
one clear error.

Random bytes, random unicode, news-like line soup, enormous lines, deeply
nested HTML and gzip bombs go through the same guarded path as real input
(:func:`diplograph.pages.sources.iter_documents` →
:func:`diplograph.run.pipeline.clean_document` → the coder). Every document
must come out as articles (and events) or as exactly one ``DocumentError``. A gold file
is either refused with ``file:line`` problems or scored exactly as the referee scores it.

Budget: ``DIPLOGRAPH_FUZZ_EXAMPLES`` examples per property (default 40, so
``make test`` stays quick); ``make fuzz`` runs 2,500 per property (10,000+ in all).
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.evaluation.gold import GoldFileError, read_gold
from diplograph.evaluation.scoring import score
from diplograph.pages.sources import iter_documents
from diplograph.records import EVENT_TYPES, Article, Document, DocumentError, PublishedDate
from diplograph.run.pipeline import clean_document, code_documents
from diplograph.settings import Settings

EXAMPLES = int(os.environ.get("DIPLOGRAPH_FUZZ_EXAMPLES", "40"))
# Per-document limit for the fuzzed pipeline, and the wall time a test allows per example.
LIMIT_S = 5.0
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SETTINGS = Settings(doc_timeout_s=LIMIT_S, max_bytes=2_000_000)

NEWSY = [
    "Share", "ADVT", "TT", "20", "Skip to main content", "Photo : Getty Images / AFP",
    "MORE International ARTICLES", "Top Stories", "Saturday, December 27, 2025",
    "18 Jun, 2016", "By Jane Doe", "MOSCOW (Reuters) —", "Ã©tÃ© â€™ Ã¢â‚¬Å“",
    "Russia and Ukraine held talks in Istanbul on Monday.",
    "Canadian Prime Minister Mark Carney spoke with Ukrainian President Volodymyr Zelenskyy.",
    "China summoned the Japanese ambassador to protest",
    "the summit of the military alliance of theTake", "NATO",
    "the Kremlin neither confirms nor denies", "if Paris sends troops", "\u200b\u202e\ufeff",
]
line = st.one_of(st.sampled_from(NEWSY), st.text(max_size=200))
soup = st.lists(line, max_size=40).map("\n".join)
any_text = st.one_of(st.text(max_size=3000), soup)


@pytest.fixture(scope="module", autouse=True)
def _cleaning_models_loaded():
    """Load what cleaning loads on first use (the language identifier, the HTML
    extractor) before any example is timed: the per-document limit bounds the work on a
    document, not a model's one-time load, which C code does and no alarm interrupts."""
    for kind, content in (("text", "Russia and Ukraine held talks in Istanbul on Monday.\n"),
                          ("html", "<html><body><p>France and Germany held talks in Paris on "
                                   "Monday about trade.</p></body></html>")):
        clean_document(Document(doc_id="warm", kind=kind, content=content, content_hash="0",
                                path="warm"), Settings())


def _check_one(items: list) -> None:
    assert len(items) == 1, items
    item = items[0]
    if isinstance(item, DocumentError):
        assert item.reason and "\n" not in item.line(), item


def _clean(content: str, kind: str = "text") -> list[Article] | DocumentError:
    doc = Document(doc_id="fuzz", kind=kind, content=content, content_hash="0", path="fuzz")
    started = time.monotonic()
    result = clean_document(doc, SETTINGS)
    assert time.monotonic() - started < LIMIT_S + 2, "the per-document time limit did not hold"
    if isinstance(result, DocumentError):
        assert result.reason and "\n" not in result.line()
    else:
        assert all(isinstance(a, Article) and a.text for a in result)
    return result


@FUZZ
@given(raw=st.binary(max_size=4000),
       suffix=st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".txt.gz", ".warc.gz"]))
def test_random_bytes_give_documents_or_one_error(tmp_path_factory, raw, suffix):
    path = tmp_path_factory.mktemp("bytes") / f"doc{suffix}"
    path.write_bytes(gzip.compress(raw) if suffix.endswith(".gz") else raw)
    items = list(iter_documents([str(path)], max_bytes=SETTINGS.max_bytes))
    assert all(isinstance(i, (Document, DocumentError)) for i in items)
    if suffix in (".txt", ".html", ".txt.gz"):
        _check_one(items)
    for item in items:
        if isinstance(item, Document):
            _clean(item.content, item.kind)


@FUZZ
@given(content=any_text, kind=st.sampled_from(["text", "html"]))
def test_random_text_is_cleaned_or_refused_clearly(content, kind):
    _clean(content, kind)


html_tree = st.recursive(
    st.text(max_size=80),
    lambda inner: st.tuples(st.sampled_from(["div", "p", "span", "table", "script", "b"]),
                            st.lists(inner, max_size=4))
    .map(lambda t: f"<{t[0]}>" + "".join(t[1]) + f"</{t[0]}>"),
    max_leaves=60,
)


@FUZZ
@given(body=html_tree, depth=st.integers(0, 3000))
def test_nested_html_is_cleaned_or_refused_clearly(body, depth):
    _clean("<html><body>" + "<div>" * depth + body + "</div>" * depth + "</body></html>", "html")


@FUZZ
@given(texts=st.lists(any_text, min_size=1, max_size=4))
def test_the_coder_survives_random_articles(article_coder, texts):
    batch = []
    for i, text in enumerate(texts):
        doc = Document(doc_id=f"d{i}", kind="text", content=text, content_hash=str(i))
        article = Article(doc_id=f"d{i}", article_index=0, title=None, text=text or " ",
                          published=PublishedDate(value="2025-03-01", precision="day"),
                          language="en")
        batch.append((doc, [article]))
    results = code_documents(batch, article_coder, SETTINGS)
    assert len(results) == len(batch)
    for result in results:
        if isinstance(result, DocumentError):
            assert "\n" not in result.line()
        else:
            assert all(0 <= e.evidence.start <= e.evidence.end <= len(result.articles[0].text)
                       for e in result.events)


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=6)
kinds = st.sampled_from([*EVENT_TYPES, "DEMAND", "FIGHT", "consult", "HUG", ""])
actor_spec = st.one_of(
    st.just("*"), st.none(), json_value,
    st.fixed_dictionaries({}, optional={
        "country": st.one_of(st.sampled_from(["CAN", "UKR"]), st.lists(st.sampled_from(
            ["CAN", "UKR", "RUS"]), max_size=3), json_value),
        "name": st.one_of(st.sampled_from(["carney", "zelensk(yy|iy)", "(", "[a-", "*"]),
                          st.text(max_size=8), json_value)}))
gold_record = st.fixed_dictionaries({}, optional={
    "doc_id": st.one_of(st.sampled_from(["d1", "d2", ""]), json_value),
    "type": st.one_of(kinds, st.lists(kinds, max_size=3), json_value),
    "source": actor_spec, "target": actor_spec,
    "polarity": st.one_of(st.sampled_from(["happened", "future", "not", "maybe"]), json_value),
    "date": st.one_of(st.fixed_dictionaries({"value": st.sampled_from(["2025-12-26", "2025"]),
                                             "precision": st.sampled_from(["day", "year"])}),
                      json_value),
    "optional": st.one_of(st.booleans(), json_value),
    "note": st.text(max_size=20)})
valid_actor = st.one_of(st.just("*"), st.none(), st.fixed_dictionaries({}, optional={
    "country": st.one_of(st.sampled_from(["CAN", "UKR", "RUS"]),
                         st.lists(st.sampled_from(["CAN", "UKR", "RUS"]), max_size=2)),
    "name": st.sampled_from(["carney", "zelensk(yy|iy)", "kyiv|moscow", ""])}))
valid_gold = st.fixed_dictionaries({
    "doc_id": st.sampled_from(["d1", "d2", "d3"]),
    "type": st.one_of(kinds.filter(lambda k: k not in ("HUG", "")),
                      st.lists(st.sampled_from(["CONSULT", "REQUEST", "ASSAULT"]), min_size=1,
                               max_size=2))},
    optional={"source": valid_actor, "target": valid_actor,
              "polarity": st.sampled_from(["happened", "future", "not"]),
              "date": st.fixed_dictionaries({"value": st.sampled_from(["2025-12-26", "2025"]),
                                             "precision": st.sampled_from(["day", "year"])}),
              "optional": st.booleans()})
gold_line = st.one_of(valid_gold.map(json.dumps), gold_record.map(json.dumps),
                      json_value.map(json.dumps), st.text(max_size=60))
# Half the files are well-formed (scored against the referee), half have any line at all.
gold_file = st.one_of(st.lists(valid_gold.map(json.dumps), max_size=6),
                      st.lists(gold_line, max_size=6))
SYSTEM = [  # what a coder might say about d1 and d2
    {"doc_id": "d1", "type": "CONSULT", "status": "reported",
     "source": {"name": "Mark Carney", "country": "CAN"},
     "target": {"name": "Volodymyr Zelenskyy", "country": "UKR"},
     "date": {"value": "2025-12-26", "precision": "day"}},
    {"doc_id": "d1", "type": "REQUEST", "status": "planned", "source": {"country": "UKR"},
     "target": None},
    {"doc_id": "d2", "type": "ASSAULT", "status": "denied", "source": {"country": "RUS"},
     "target": {"country": "UKR", "text": "Kyiv"}},
]
REFEREE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_events.py"


def _referee():
    """The referee scorer's module (shared/tools), or None where ../shared is absent."""
    if not REFEREE.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_events", REFEREE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@FUZZ
@given(lines=gold_file)
def test_a_gold_file_is_refused_by_line_or_scored_as_the_referee_does(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("gold") / "gold.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        gold = read_gold(path)
    except GoldFileError as refused:
        assert refused.problems and all(p.startswith(str(path)) and "\n" not in p
                                        for p in refused.problems), refused.problems
        return
    ours = score(gold, SYSTEM)
    assert all(0 <= row["f1"] <= 1 for row in ours.per_type().values())
    referee = _referee()
    if referee is not None:
        assert ours.summary() == referee.score(gold, SYSTEM)[0]


# Fixed nasty inputs: each must end quickly in articles or one clear error.

def test_an_enormous_line_is_handled_in_time():
    words = ("Russia and Ukraine held talks in Istanbul on Monday " * 40_000)  # ~2 MB, one line
    result = _clean(words[:1_500_000])
    assert isinstance(result, (list, DocumentError))


def test_deeply_nested_html_is_handled_in_time():
    _clean("<html><body>" + "<div><p>" * 100_000 + "Talks were held." + "</p></div>" * 100_000
           + "</body></html>", "html")


@pytest.mark.parametrize("suffix", [".txt.gz", ".html.gz", ".jsonl.gz", ".warc.gz"])
def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path, suffix):
    bomb = tmp_path / f"bomb{suffix}"
    with gzip.open(bomb, "wb", compresslevel=9) as handle:  # 200 MB of zeros → ~200 kB on disk
        chunk = b"\0" * (1 << 20) if suffix != ".jsonl.gz" else b"a" * (1 << 20)
        for _ in range(200):
            handle.write(chunk)
    started = time.monotonic()
    items = list(iter_documents([str(bomb)], max_bytes=SETTINGS.max_bytes))
    assert time.monotonic() - started < 10
    assert items and all(isinstance(i, DocumentError) for i in items), items
    assert len(items) == 1, items


def test_the_time_limit_stops_a_runaway_document(monkeypatch):
    import diplograph.run.pipeline as pipeline

    def forever(doc):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(pipeline, "extract_articles", forever)
    doc = Document(doc_id="slow", kind="text", content="x", content_hash="0", path="slow.txt")
    started = time.monotonic()
    result = pipeline.clean_document(doc, Settings(doc_timeout_s=0.5))
    assert isinstance(result, DocumentError) and "0.5 s limit" in result.reason
    assert time.monotonic() - started < 3


def test_a_directory_without_readable_files_is_one_error(tmp_path: Path):
    (tmp_path / "notes.bin").write_bytes(b"\0\1")
    items = list(iter_documents([str(tmp_path)]))
    assert len(items) == 1 and isinstance(items[0], DocumentError)
