"""The TBAQ source of the fourth annotation selection (training/events/select_extra4.py):
the TEXT of a TimeML file is read plainly, and documents holding a UW factuality test or dev
sentence are left out, while train sentences and short sentences hold nothing back."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from training.events.select_extra4 import document_text, held_out_documents, uw_sentences  # noqa: E402

TANKERS = """<?xml version="1.0" ?>
<TimeML><DOCID>APW1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1990-08-20">19900820</TIMEX3></DCT>
<TEXT>
The navy <EVENT eid="e1">turned back</EVENT> two tankers bound for Basra &amp; Umm Qasr.
``We will not let them pass,'' an officer said.
</TEXT></TimeML>"""
RELIEF = """<TimeML><DOCID>NYT2</DOCID><TEXT>
Japan flew blankets and medicine to the flooded provinces on Tuesday, the embassy said.
He said no.
</TEXT></TimeML>"""


def conll(sentence: str) -> str:
    """One sentence in the UW CoNLL layout (index, token, factuality, ...), blank line after."""
    rows = [f"{i}\t{tok}\t_\tNN\t0\tdep\t{tok.lower()}" for i, tok in enumerate(sentence.split())]
    return "\n".join(rows) + "\n\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_document_text_keeps_only_the_text_element_with_plain_quotes(tmp_path: Path) -> None:
    text = document_text(write(tmp_path, "AQUAINT/APW1.tml", TANKERS))
    assert "19900820" not in text  # the creation time sits outside TEXT
    assert "The navy turned back two tankers bound for Basra & Umm Qasr." in text
    assert '"We will not let them pass," an officer said.' in text


def test_uw_sentences_join_the_tokens_of_each_block(tmp_path: Path) -> None:
    write(tmp_path, "dev.conll", conll("Talks resumed in Cairo .") + conll("He said no ."))
    assert list(uw_sentences("dev", tmp_path)) == ["Talks resumed in Cairo .", "He said no ."]


def test_documents_with_a_test_or_dev_sentence_are_held_out(tmp_path: Path) -> None:
    docs = [write(tmp_path, "AQUAINT/APW1.tml", TANKERS),
            write(tmp_path, "TimeBank/NYT2.tml", RELIEF)]
    uw = tmp_path / "uw"
    write(uw, "test.conll", conll("The navy turned back two tankers bound for Basra & Umm Qasr ."))
    write(uw, "dev.conll", conll("He said no ."))  # too short to place: found in many texts
    relief = ("Japan flew blankets and medicine to the flooded provinces on Tuesday , "
              "the embassy said .")
    write(uw, "train.conll", conll(relief))
    assert held_out_documents(docs, uw) == {"APW1"}
