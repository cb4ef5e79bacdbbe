"""Large knowledge files are parsed once per machine: the cached content is the parsed
content (dates and YAML 1.2 booleans included), and a cache that is damaged, unwritable
or unable to hold the content exactly is passed over."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from diplograph.knowledge.yamldata import (
    CACHED_FROM_CHARS,
    _parse,
    cache_path,
    load_yaml,
    load_yaml_file,
)


def _office_holders(count: int) -> str:
    """A knowledge file as we write them: people, their posts and dates, particles."""
    rows = [f"- name: Minister Number {i}\n"
            f"  post: foreign minister\n"
            f"  from: 2001-02-{i % 28 + 1:02d}\n"
            f"  particles: [off, on, yes]\n"
            f"  acting: {'true' if i % 2 else 'false'}\n" for i in range(count)]
    text = "# Office holders we wrote for this test\n" + "".join(rows)
    assert len(text) >= CACHED_FROM_CHARS
    return text


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def test_a_large_file_is_read_back_from_the_cache_as_it_was_parsed(cache_home: Path) -> None:
    text = _office_holders(400)
    first = load_yaml(text)
    assert cache_path(text).is_file() and cache_path(text).is_relative_to(cache_home)
    cached = load_yaml(text)
    assert cached == first == _parse(text)
    assert cached[3]["from"] == date(2001, 2, 4)
    assert cached[3]["particles"] == ["off", "on", "yes"] and cached[3]["acting"] is True


def test_an_edited_file_gets_its_own_entry(cache_home: Path) -> None:
    text = _office_holders(400)
    edited = text.replace("Minister Number 7\n", "Minister Number Seven\n")
    load_yaml(text)
    assert load_yaml(edited)[7]["name"] == "Minister Number Seven"
    assert cache_path(edited) != cache_path(text)


def test_content_json_cannot_hold_exactly_is_not_cached(cache_home: Path) -> None:
    years = "".join(f"{1900 + i}: election year number {i}\n" for i in range(1200))
    looks_like_a_date = '- {"$date": "2001-01-01"}\n' + _office_holders(400)
    for text in (years, looks_like_a_date):
        assert load_yaml(text) == _parse(text)
        assert not cache_path(text).exists()
    assert load_yaml(years)[1905] == "election year number 5"


def test_a_small_file_is_not_cached(cache_home: Path) -> None:
    assert load_yaml("words: [off, on]\n") == {"words": ["off", "on"]}
    assert not (cache_home / "diplograph").exists()


def test_a_damaged_cache_entry_is_parsed_again_and_replaced(cache_home: Path) -> None:
    text = _office_holders(400)
    path = cache_path(text)
    path.parent.mkdir(parents=True)
    path.write_text("[not json", encoding="utf-8")
    assert load_yaml(text) == _parse(text)
    assert load_yaml(text) == _parse(text)
    assert path.read_text(encoding="utf-8").startswith("[{")


def test_a_cache_folder_that_cannot_be_written_is_passed_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("the cache root is a file, not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    text = _office_holders(400)
    assert load_yaml(text) == _parse(text)


def test_an_edited_file_read_by_its_path_keeps_one_entry(cache_home: Path, tmp_path: Path) -> None:
    source = tmp_path / "people.yaml"
    source.write_text(_office_holders(400), encoding="utf-8")
    load_yaml_file(source)
    source.write_text(_office_holders(401), encoding="utf-8")
    assert load_yaml_file(source)[400]["name"] == "Minister Number 400"
    entries = list((cache_home / "diplograph").glob("*.json"))
    assert entries == [cache_path(_office_holders(401), str(source))]


def test_files_of_the_same_name_in_two_folders_keep_their_own_entries(
        cache_home: Path, tmp_path: Path) -> None:
    ours, theirs = tmp_path / "a" / "people.yaml", tmp_path / "b" / "people.yaml"
    for folder, count in ((ours, 400), (theirs, 401)):
        folder.parent.mkdir()
        folder.write_text(_office_holders(count), encoding="utf-8")
    load_yaml_file(ours)
    load_yaml_file(theirs)
    assert len(list((cache_home / "diplograph").glob("*.json"))) == 2
    assert len(load_yaml_file(ours)) == 400 and len(load_yaml_file(theirs)) == 401
