"""The Ray engine's driver side, without a cluster: linking what the actors coded, and
what the driver imports. (The engine end to end: test_runners.py.)"""

from __future__ import annotations

import subprocess
import sys

import pytest
from needs import need_module

from diplograph.records import Document, DocumentError, DocumentResult
from diplograph.run.local import IngestSummary
from diplograph.run.parquet import iter_partitions, write_partition
from diplograph.run.pipeline import DuplicateLinker, clean_and_code
from diplograph.settings import Settings

STORY = ("OTTAWA — Prime Minister Mark Carney spoke with Ukrainian President Volodymyr "
         "Zelenskyy on Tuesday. Carney condemned Russia's attacks on Ukrainian cities and "
         "pledged further military aid to Kyiv.\n")


def _document(doc_id: str, text: str) -> Document:
    return Document(doc_id=doc_id, kind="text", content=text, content_hash=f"hash-{doc_id}",
                    source=f"{doc_id}.txt")


@pytest.fixture()
def ray_module():
    need_module("ray", "needs the ray extra: pip install 'diplograph[ray]'")
    import diplograph.run.ray as ray_engine

    return ray_engine


def _coded_batch(ray_module, coder, docs, out):
    """What an actor sends back for ``docs`` (and the unlinked partition it writes)."""
    outcomes = clean_and_code(coder, docs, Settings())
    written = write_partition([DocumentResult(d, o.articles, o.events)
                               for d, o in zip(docs, outcomes)
                               if not isinstance(o, DocumentError)], out)
    return ray_module.CodedBatch(outcomes, written)


def test_a_repeated_story_is_linked_and_its_partition_written_again(
        ray_module, article_coder, tmp_path):
    docs = [_document("first", STORY), _document("again", STORY)]
    coded = _coded_batch(ray_module, article_coder, docs, tmp_path)
    first_events = len(coded.outcomes[0].events)
    assert first_events > 0 and len(coded.outcomes[1].events) == first_events  # both coded

    summary = IngestSummary()
    ray_module._link_and_count(docs, coded, DuplicateLinker(), str(tmp_path), summary, None)

    assert (summary.documents, summary.articles, summary.events) == (2, 2, first_events)
    [partition] = list(iter_partitions(tmp_path))  # rewritten under the same name
    by_id = {r.document.doc_id: r for r in partition}
    assert by_id["again"].articles[0].duplicate_of == by_id["first"].articles[0].key
    assert by_id["again"].events == [] and len(by_id["first"].events) == first_events


def test_a_batch_without_duplicates_keeps_the_actor_s_partition(
        ray_module, article_coder, tmp_path):
    docs = [_document("one", STORY), _document("two", "Nothing happened in the garden today.\n")]
    coded = _coded_batch(ray_module, article_coder, docs, tmp_path)
    written = next((tmp_path / "documents").glob("*.parquet"))
    before = written.stat().st_mtime_ns

    summary = IngestSummary()
    ray_module._link_and_count(docs, coded, DuplicateLinker(), str(tmp_path), summary, None)

    assert summary.documents == 2 and summary.events == len(coded.outcomes[0].events)
    assert written.stat().st_mtime_ns == before  # not written a second time


def test_refused_documents_are_reported_not_stored(ray_module, tmp_path):
    error = DocumentError(doc="bad.txt", reason="extraction failed: no text")
    coded = ray_module.CodedBatch([error], None)
    errors: list[DocumentError] = []
    summary = IngestSummary()
    ray_module._link_and_count([_document("bad", "")], coded, DuplicateLinker(),
                               str(tmp_path), summary, errors.append)
    assert (summary.documents, summary.failed) == (0, 1) and errors == [error]


def test_the_driver_never_imports_the_parser(ray_module):
    # The driver reads, links and schedules; spaCy (and torch under it) cost it 4 s of CPU.
    probe = ("import sys, diplograph.run.ray, diplograph.cli; "
             "print(sorted(m for m in ('spacy', 'torch', 'thinc') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert found == "[]"
