"""The first hour at the command line (issue #18): ``--version`` and an events table that
fits a 120-column terminal (evidence wrapped; ``--wide`` for one line per event)."""

from __future__ import annotations

import io

from typer.testing import CliRunner

from diplograph import __version__
from diplograph.cli import app
from diplograph.outputs.formats import EVENT_COLUMNS, write_table

EVENT = {"date": {"value": "2024-05-06"}, "type": "ACCUSE", "mode": "disapprove",
         "source": {"name": "Russia", "country": "RUS"},
         "target": {"name": "Nigel Casey", "country": "GBR"}, "status": "asserted",
         "confidence": 0.87, "doc_id": "007_uk_russia_summons_ambassador",
         "evidence": {"text": "Earlier in the week the Russian side summoned the British "
                              "ambassador Nigel Casey to the Foreign Ministry on Monday " * 3}}


def test_version():
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"diplograph {__version__}"


def test_the_events_table_fits_120_columns_and_wraps_the_evidence():
    out = io.StringIO()
    write_table([EVENT, EVENT], out, EVENT_COLUMNS)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 120
    assert lines[2].startswith("2024-05-06  ACCUSE")  # dates and types are never cut
    text = " ".join(line[lines[0].index("evidence"):].strip() for line in lines[2:])
    assert "Nigel Casey to the Foreign Ministry" in text  # wrapped, not cut
    assert len(lines) > 6


def test_wide_keeps_one_line_per_event():
    out = io.StringIO()
    write_table([EVENT, EVENT], out, EVENT_COLUMNS, width=None)
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and max(len(line) for line in lines) > 120
