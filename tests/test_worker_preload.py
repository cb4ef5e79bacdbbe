"""The local engine loads the coder once, in the parent, and forks its workers with it:
no worker (first or replacement) loads the model again, and each worker freezes what it
inherited out of the garbage collector."""

from __future__ import annotations

import gc
import os
from pathlib import Path

from diplograph.records import Document, DocumentResult
from diplograph.run import pipeline
from diplograph.run.workers import DocumentWorkers, Limits
from diplograph.settings import Settings

TEXTS = ("OTTAWA — Canada and France held talks in Paris on Monday.\n",
         "BERLIN — Germany criticised Russia over the attack on Kyiv.\n",
         "TOKYO — Japan and South Korea signed a trade agreement on Friday.\n")


class _RecordingCoder:
    """Stands for the coder: notes in ``log`` which process built it and which one codes
    with it; codes no events."""

    def __init__(self, log: Path) -> None:
        self.log, self.built_in = log, os.getpid()
        with log.open("a") as fh:
            fh.write(f"built {self.built_in}\n")

    def __call__(self, articles: list) -> list[list]:
        with self.log.open("a") as fh:
            fh.write(f"coded {self.built_in} {os.getpid()}\n")
        return [[] for _ in articles]


def _documents() -> list[Document]:
    return [Document(doc_id=f"story-{i}", kind="text", content=text, content_hash=str(i))
            for i, text in enumerate(TEXTS)]


def test_two_workers_code_with_the_one_coder_the_parent_loaded(tmp_path, monkeypatch):
    log = tmp_path / "coder.log"
    monkeypatch.setattr(pipeline, "load_coder", lambda settings: _RecordingCoder(log))
    results = list(pipeline.results_in_workers(_documents(), Settings(n_process=2)))
    assert [r.document.doc_id for r in results if isinstance(r, DocumentResult)] == [
        "story-0", "story-1", "story-2"]
    lines = log.read_text().split("\n")[:-1]
    assert lines[0] == f"built {os.getpid()}" and lines.count(lines[0]) == 1
    coded = [line.split() for line in lines[1:]]
    assert coded and all(built == str(os.getpid()) != worker for _, built, worker in coded)


def _freeze_count(coder: object, doc: Document) -> int:
    return gc.get_freeze_count()


def test_a_readied_worker_freezes_what_it_inherited_and_the_parent_does_not(tmp_path):
    before = gc.get_freeze_count()
    coder = _RecordingCoder(tmp_path / "coder.log")
    with DocumentWorkers(lambda: pipeline.ready_worker(coder), _freeze_count, processes=1,
                         limits=Limits()) as workers:
        [(_, in_worker)] = list(workers.outcomes(["story"], lambda c: _documents()[0]))
    assert in_worker > 0
    assert gc.get_freeze_count() == before
