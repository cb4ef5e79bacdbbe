"""Whole-page text dumps (issue #14): splitting, titles, dates, teasers, never losing an article.

The dumps in ``tests/data/dumps`` were written for these rules; ``expected.json`` holds, per
file, the number of articles and, per article, its title, publication date, sentences its body
must hold and lines it must not. Each file is checked through the library and once more
through the command line's entry point.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.pages.articles import extract_articles
from diplograph.pages.lines import label_lines, read_lines
from diplograph.pages.sources import iter_documents
from diplograph.records import Article, DocumentError

DUMPS = Path(__file__).parent / "data" / "dumps"
EXPECTED = {name: case for name, case in
            json.loads((DUMPS / "expected.json").read_text("utf-8")).items()
            if not name.startswith("_")}
runner = CliRunner()


def flat(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def articles_of(path: Path) -> list[Article]:
    [doc] = list(iter_documents([str(path)]))
    assert not isinstance(doc, DocumentError), doc
    return extract_articles(doc)


def check(found: list[dict], case: dict) -> None:
    assert len(found) == case["count"], [a["title"] for a in found]
    for article, want in zip(found, case["articles"]):
        assert article["title"] == want["title"]
        assert article["published"]["value"] == want["published"]
        body = flat(article["text"])
        for sentence in want["must_contain"]:
            assert flat(sentence) in body, sentence
        for line in want["must_not_contain"]:
            assert flat(line) not in body, line


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_dump_through_the_library(name: str) -> None:
    found = articles_of(DUMPS / name)
    check([{"title": a.title, "text": a.text, "published": {"value": a.published.value}}
           for a in found], EXPECTED[name])


def test_dumps_through_the_command_line() -> None:
    result = runner.invoke(app, ["articles", str(DUMPS), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    by_doc: dict[str, list[dict]] = {}
    for line in result.stdout.splitlines():
        record = json.loads(line)
        by_doc.setdefault(record["doc_id"], []).append(record)
    assert {f"{doc_id}.txt" for doc_id in by_doc} == set(EXPECTED)
    for doc_id, found in by_doc.items():
        check(sorted(found, key=lambda r: r["article_index"]), EXPECTED[f"{doc_id}.txt"])


def test_each_article_of_a_scrolled_capture_has_its_own_title_date_and_body() -> None:
    first, second = articles_of(DUMPS / "two_articles.txt")
    assert first.published.source == second.published.source == "byline"
    assert "glacier" not in first.text and "Gibraltar" not in second.text
    assert (first.dateline, second.dateline) == ("LISBON, Portugal", "SANTIAGO, Chile")


def test_a_caption_date_is_dropped_not_used() -> None:
    [article] = articles_of(DUMPS / "caption_date.txt")
    assert article.published.value == "2025-05-06"
    assert any("Dec. 3, 2024" in line for line in article.dropped)


def test_teaser_blocks_are_dropped_but_kept_for_inspection() -> None:
    [article] = articles_of(DUMPS / "teasers.txt")
    assert "Water main break closes part of Elm Street for second day" in article.dropped
    [middle] = articles_of(DUMPS / "teasers_middle.txt")
    assert "Ferry fares to rise 8% in January" in middle.dropped


def test_a_one_line_article_with_banner_words_is_kept_whole() -> None:
    source = flat((DUMPS / "one_line_article.txt").read_text("utf-8"))
    [article] = articles_of(DUMPS / "one_line_article.txt")
    assert flat(article.text) == source
    assert article.warning is None and article.dropped == ()


def test_a_sites_copyright_line_ends_its_page_a_credit_does_not() -> None:
    # "© site.com, 2025" closes a page like "© 2025 Site"; "© Reuters" under a photo is a credit.
    lines, _ = read_lines("© harbourgazette.com, 2025\n© 2025 Harbour Gazette\n© Reuters\n")
    label_lines(lines)
    assert [line.label for line in lines] == ["footer", "footer", "tool"]


def test_an_agencys_notice_under_a_story_is_not_the_sites_footer() -> None:
    # Right under a paragraph, an agency's line or a wire story's clause is the story's notice;
    # after a menu, the same clause is a site's footer (Fox prints it so); a site's own
    # copyright line under its "about us" paragraph stays a footer.
    text = ("The council will vote on the plan again in the spring, the mayor said.\n"
            "© 2026 The Associated Press. All rights reserved.\n"
            "The ferry service will resume on Monday after repairs, the operator said.\n"
            "Copyright 2026 Coast TV. This material may not be published, broadcast, rewritten"
            " or redistributed.\n"
            "Contact Us\n"
            "This material may not be published, broadcast, rewritten, or redistributed. "
            "©2026 Coast TV, LLC. All rights reserved.\n"
            "Harbour Gazette is the island's daily paper, founded in 1921 by its printers.\n"
            "© 2026 Harbour Gazette. All rights reserved.\n")
    lines, _ = read_lines(text)
    label_lines(lines)
    copyright_lines = [line.label for line in lines if "reserved" in line.text
                       or "redistributed" in line.text]
    assert copyright_lines == ["notice", "notice", "footer", "footer"]


def test_the_date_row_under_another_headline_above_ours_is_that_storys() -> None:
    [article] = articles_of(DUMPS / "teaser_row_date_above_title.txt")
    assert article.title == "City Buys Twelve Electric Buses for the Harbour Routes"
    assert (article.published.value, article.published.precision) == (None, "unknown")


def test_no_credible_date_is_unknown_not_guessed() -> None:
    [article] = articles_of(DUMPS / "no_date.txt")
    assert (article.published.value, article.published.precision) == (None, "unknown")


def test_ingest_counts_cleaned_kept_with_a_warning_and_refused(tmp_path: Path) -> None:
    (tmp_path / "clean.txt").write_text((DUMPS / "no_date.txt").read_text("utf-8"), "utf-8")
    # Every paragraph twice: the repeat rule would drop all of it, so it is kept as it is.
    twice = ["Trade ministers met in Rome on Monday to discuss tariffs on steel, officials said.",
             "They agreed to meet again in June, according to a joint statement after talks."]
    (tmp_path / "gutted.txt").write_text("\n".join(twice * 2), "utf-8")
    (tmp_path / "bad.txt").write_bytes(b"")
    # A real process: the warning is written by the worker that cleans the document, to
    # the stderr the user sees (an in-process runner cannot capture a child's output).
    result = subprocess.run(
        [sys.executable, "-m", "diplograph", "ingest", str(tmp_path), "--db",
         str(tmp_path / "x.duckdb")], capture_output=True, text=True, timeout=600)
    assert result.returncode == 1, result.stderr  # one document was refused
    assert "1 cleaned, 1 kept as is with a warning, 1 refused" in result.stderr
    assert sum("bad.txt" in line for line in result.stderr.splitlines()) == 1
    warnings = [line for line in result.stderr.splitlines() if "gutted: kept as it is" in line]
    assert len(warnings) == 1 and warnings[0].startswith("WARNING")  # a warning, not an error
