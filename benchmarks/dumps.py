"""Benchmark of `diplograph articles` on real whole-page text dumps (issue #14).

Usage (from the repository root):

    .venv/bin/python benchmarks/dumps.py [--corpus ../shared/corpus/article-extraction-benchmark]
        [--split all|tune|heldout] [--partition 2] [--show] [--json PATH] [--joined N]
        [--jobs 2] [--folds 3] [--joins N --seed S]

What it measures: how well the text-dump cleaner turns what a scraper saves
(`document.body.innerText` of a rendered page: menus, captions, teasers and
footers included) into articles.

How:
1. Every page of the Zyte article-extraction benchmark (`html/*.html.gz`) is
   rendered in headless Debian Chromium from its local HTML, with every
   network request aborted, and its `document.body.innerText` is cached as
   `.bench/dumps/<id>.txt` (rendered again only when missing). Scripts run,
   but where offline scripts wiped the page (under half the words of the
   script-less rendering) the script-less text is kept (`benchmarks/dump_render.py`).
2. Truth per page: body = the ground truth `articleBody`; title = the page's
   og:title, else `<title>`, else the first `<h1>` (a predicted title is right
   if, after normalising whitespace and case, it equals the og:title, the
   `<title>` without a trailing " | Site" / " - Site", or the h1); date =
   `htmldate.find_date(html, extensive_search=False, original_date=True)`.
3. Joined files (`.bench/joined/`): 2-3 dumps of different pages of one split
   in a row, as an infinite-scroll capture; truth is their number and titles.
4. Split: partition 1 (the first two rounds of work; 60 joined files from seed
   14) holds out the pages whose sha256(id) starts with a hex digit divisible
   by 3. Its held-out pages have been looked at twice, so partition 2 (the
   default since the third round) tunes on them and holds out instead the
   partition-1 tune pages whose sha256("partition-2:" + id) starts with such a
   digit (50 pages), with 90 joined files from seed 2026 (joined2-*): pages
   and joins that no round has looked at as held-out.
5. `diplograph articles FILE... --format jsonl` runs as a subprocess, in
   batches (no diplograph import, so module moves do not break this file).

Metrics per split: article-count accuracy (single pages: exactly 1; joined
files: the known number), title exact match (first article of a single
page; any predicted title per joined article), micro token precision/recall/F1
of the body (lower-cased whitespace tokens, multiset intersection, as in
`benchmarks/extraction.py`) for all predicted articles of a page joined and
for the first article alone, and publication-date agreement (same day) with
htmldate over the pages where it found a date, with how many we left unknown,
and again over the pages whose dump shows that day in a written form with its
year (`shows_day`: "November 18, 2019", "18. November 2019", "18/11/2019",
"2019-11-18", "2019年11月18日", in the corpus's languages), the only ones a
text-dump reader can get right. Over the other dated pages (the dump never shows the
HTML's day) the right answer is "unknown": the share of them given a wrong date is
reported, with how many of those are one day off (the page prints its local day).
htmldate gives the day as the HTML writes it, in whatever zone the page uses; a second
reading ("HTML's time in UTC") moves the HTML's published time to UTC where it carries a
zone offset ("2019-11-18T23:04:24-05:00" -> 2019-11-19), the day the text-dump path gives
when the page prints its time with a zone.

Leave-some-out folds (`--folds N`, the sixth round): the split's pages and joined files are
dealt into N folds by a hash of their id or name, and the figures are printed per fold too,
so a rule written from the misses of some folds can be judged on the folds it was not
written from.

More joins (`--joins N --seed S`, the seventh round): the fixed joined files are few (65 tune),
so N more are drawn with seed S from the tune pages (other pairs and triples, in other orders:
`extra<S>-<n>`) and their figures are printed in a column of their own ("joins S"). They are
drawn from the tune pages unless `--joins-from heldout` (stop 25): then they are new pairs and
triples of the held-out pages (`extra<S>-heldout-<n>`), a larger count of held-out joined files
than the 25 fixed ones, for a figure at the end (the pages themselves have been seen).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import random
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import htmldate
import lxml.html
from babel.dates import get_month_names
from dump_render import render_missing

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "article-extraction-benchmark"
BENCH = ROOT / ".bench"
# The CLI runs as `python -c` with this checkout's src/ first on the path, so a git
# worktree (whose editable install may point elsewhere) is measured on its own code.
CLI = [sys.executable, "-c", "from diplograph.cli import main; main()"]
SPLITS = ("tune", "heldout", "all")
TITLE_SUFFIX = re.compile(r"\s+[|\-–—·»]\s+[^|\-–—·»]+$")
# partition -> (salt of the hash that splits the pages, seed of the joined files, their prefix,
# how many joined files by default).
PARTITIONS = {1: ("", 14, "joined", 60), 2: ("partition-2:", 2026, "joined2", 90)}
# The languages of the corpus's pages (their <html lang>) and a few neighbours: month names
# for recognising a written date in a dump.
MONTH_LOCALES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "id")


@dataclass(slots=True)
class Page:
    page_id: str
    split: str
    html: str
    body: str
    title: str | None
    title_source: str | None
    accepted_titles: set[str]
    date: str | None
    date_shown: bool = False  # the dump shows the HTML's day in a written form with its year
    # The same moment's UTC day, where the HTML's publication time carries a zone offset
    # ("2019-11-18T23:04:24-05:00" -> 2019-11-19); htmldate gives the day as written.
    date_utc: str | None = None


@dataclass(slots=True)
class Joined:
    name: str
    split: str
    page_ids: list[str]


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, pred: str, gold: str) -> float:
        p, g = Counter(pred.lower().split()), Counter(gold.lower().split())
        common = sum((p & g).values())
        self.tp += common
        self.fp += sum(p.values()) - common
        self.fn += sum(g.values()) - common
        return f1(common, sum(p.values()) - common, sum(g.values()) - common)

    def prf(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"p": precision, "r": recall, "f1": f1(self.tp, self.fp, self.fn)}


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@dataclass(slots=True)
class Stats:
    pages: int = 0
    pages_one: int = 0
    titles_right: int = 0
    body_all: Score = field(default_factory=Score)
    body_first: Score = field(default_factory=Score)
    dated: int = 0
    date_right: int = 0
    date_unknown: int = 0
    shown: int = 0
    shown_right: int = 0
    # Pages whose dump never shows the HTML's day: a date given there is wrong (or another
    # day the page prints, such as its local day), so "unknown" is the right answer.
    hidden_wrong: int = 0
    hidden_near: int = 0  # ... of those wrong dates, one day off the HTML's
    date_right_utc: int = 0  # same day as the HTML's publication time read in UTC
    joined: int = 0
    joined_count_right: int = 0
    joined_titles: int = 0
    joined_titles_right: int = 0


# ---- truth -------------------------------------------------------------------------------------

def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def split_of(page_id: str, partition: int = 2) -> str:
    """Partition 1: a third of the pages held out. Partition 2: its held-out pages (read
    twice) are tuned on, and a new third of its tune pages is held out instead."""
    first_hex = hashlib.sha256((PARTITIONS[partition][0] + page_id).encode()).hexdigest()[0]
    if partition > 1 and split_of(page_id, partition - 1) == "heldout":
        return "tune"
    return "heldout" if int(first_hex, 16) % 3 == 0 else "tune"


def title_truth(html: str) -> tuple[str | None, str | None, set[str]]:
    """(truth title, where it came from, accepted normalised titles)."""
    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None, None, set()
    og = next((m.get("content") for m in tree.iter("meta")
               if "og:title" in (m.get("property"), m.get("name"))), None)
    head = next((t.text_content() for t in tree.iter("title")), None)
    h1 = next((h.text_content() for h in tree.iter("h1")), None)
    accepted = {norm(og), norm(h1)} | without_suffixes(og) | without_suffixes(head)
    accepted.discard("")
    for source, value in (("og:title", og), ("title", head), ("h1", h1)):
        if norm(value):
            return " ".join(value.split()), source, accepted
    return None, None, accepted


def without_suffixes(title: str | None) -> set[str]:
    """The title less one, two, ... trailing " | Site" / " - Site" parts, normalised."""
    found = set()
    while title and TITLE_SUFFIX.search(title):
        title = TITLE_SUFFIX.sub("", title)
        found.add(norm(title))
    return found


_PUBLISHED_TIME_RE = re.compile(
    r"(?:published_time|datePublished)[\"']?\s*(?:content\s*=|:)\s*[\"']"
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})")


def utc_truth(html: str, day: str | None) -> str | None:
    """htmldate's day read in UTC: the first published time of that day with a zone offset,
    moved to UTC; htmldate's day where the HTML gives no such time."""
    if day is None:
        return None
    for match in _PUBLISHED_TIME_RE.finditer(html):
        written, hour, minute, zone = match.groups()
        if written != day:
            continue
        offset = 0 if zone == "Z" else (1 if zone[0] == "+" else -1) * (
            int(zone[1:3]) * 60 + int(zone[-2:]))
        moment = datetime.fromisoformat(f"{written}T{hour}:{minute}") - timedelta(minutes=offset)
        return moment.date().isoformat()
    return day


def date_truth(html: str) -> str | None:
    try:
        return htmldate.find_date(html, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises on odd markup; no date is the honest answer
        return None


def load_pages(corpus: Path, partition: int) -> list[Page]:
    truth = json.loads((corpus / "ground-truth.json").read_text("utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        html = gzip.open(corpus / "html" / f"{page_id}.html.gz").read().decode("utf-8", "replace")
        title, source, accepted = title_truth(html)
        day = date_truth(html)
        pages.append(Page(page_id, split_of(page_id, partition), html, item["articleBody"], title,
                          source, accepted, day, date_utc=utc_truth(html, day)))
    return pages


def month_numbers() -> dict[str, int]:
    """Lower-cased month names and abbreviations (without a dot) of MONTH_LOCALES -> 1-12."""
    names: dict[str, int] = {}
    for locale in MONTH_LOCALES:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, locale).items():
                    names[name.lower().rstrip(".")] = number
    names["sept"] = 9
    return names


MONTHS = month_numbers()
_WRITTEN_DATES = (  # (pattern, order of its day, month, year groups)
    (re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|\.)?\s*(?:de\s+)?([^\W\d_]{3,})\.?,?\s*"
                r"(?:de\s+)?(\d{4})(?!\d)"), "dmy"),
    (re.compile(r"([^\W\d_]{3,})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)"), "mdy"),
    (re.compile(r"(?<!\d)(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})(?!\d)"), "ymd"),
    (re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)"), "dmy"),
    (re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)"), "mdy"),
)


def shows_day(dump: str, iso: str) -> bool:
    """Whether a dump writes the day ``iso`` (YYYY-MM-DD) with its year anywhere."""
    want = tuple(int(part) for part in iso.split("-"))
    for pattern, order in _WRITTEN_DATES:
        for match in pattern.finditer(dump):
            parts = dict(zip(order, match.groups()))
            month = MONTHS.get(parts["m"].lower()) if not parts["m"].isdigit() else int(parts["m"])
            if month and (int(parts["y"]), month, int(parts["d"])) == want:
                return True
    return False


def build_joined(pages: list[Page], dumps: dict[str, str], folder: Path, total: int,
                 partition: int) -> list[Joined]:
    folder.mkdir(parents=True, exist_ok=True)
    _, seed, prefix, _ = PARTITIONS[partition]
    rng = random.Random(seed)
    joined = []
    for split in ("tune", "heldout"):
        ids = sorted(p.page_id for p in pages if p.split == split and dumps[p.page_id].strip())
        heldout = round(total * sum(p.split == "heldout" for p in pages) / max(1, len(pages)))
        share = heldout if split == "heldout" else total - heldout
        for n in range(share):
            chosen = rng.sample(ids, 2 + n % 2)
            name = f"{prefix}-{split}-{n:02d}"
            (folder / f"{name}.txt").write_text("\n\n".join(dumps[i] for i in chosen), "utf-8")
            joined.append(Joined(name, split, chosen))
    return joined


def build_extra_joins(pages: list[Page], dumps: dict[str, str], folder: Path, count: int,
                      seed: int, split: str = "tune") -> list[Joined]:
    """``count`` more joined files of 2-3 pages of ``split``, drawn with ``seed`` (see
    --joins; the tune files keep their names, the held-out ones say their split)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    ids = sorted(p.page_id for p in pages if p.split == split and dumps[p.page_id].strip())
    extra = []
    for n in range(count):
        chosen = rng.sample(ids, rng.choice((2, 3)))
        name = f"extra{seed}-{n:03d}" if split == "tune" else f"extra{seed}-{split}-{n:03d}"
        (folder / f"{name}.txt").write_text("\n\n".join(dumps[i] for i in chosen), "utf-8")
        extra.append(Joined(name, "extra", chosen))
    return extra


# ---- running the CLI ---------------------------------------------------------------------------

def run_cli(paths: list[Path], jobs: int) -> tuple[dict[str, list[dict]], list[str]]:
    """doc_id -> articles (by article_index), and the CLI's error lines."""
    batches = [paths[i::jobs] for i in range(jobs)]
    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(run_batch, [b for b in batches if b]))
    articles: dict[str, list[dict]] = {}
    errors: list[str] = []
    for out, err in results:
        for line in out.splitlines():
            if line.strip():
                record = json.loads(line)
                articles.setdefault(record["doc_id"], []).append(record)
        errors += [e for e in err.splitlines() if e.strip()]
    for records in articles.values():
        records.sort(key=lambda r: r["article_index"])
    return articles, errors


def run_batch(paths: list[Path]) -> tuple[str, str]:
    cmd = [*CLI, "articles", *map(str, paths), "--format", "jsonl"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode not in (0, 1):
        raise SystemExit(f"diplograph articles failed ({done.returncode}): {done.stderr[-2000:]}")
    return done.stdout, done.stderr


# ---- scoring -----------------------------------------------------------------------------------

def score_page(page: Page, preds: list[dict], stats: Stats, fails: list[str]) -> None:
    stats.pages += 1
    problems = []
    stats.pages_one += len(preds) == 1
    if len(preds) != 1:
        problems.append(f"{len(preds)} articles")
    first = preds[0] if preds else {}
    if norm(first.get("title")) in page.accepted_titles:
        stats.titles_right += 1
    else:
        problems.append(f"title {first.get('title')!r} != {page.title!r} ({page.title_source})")
    page_f1 = stats.body_all.add("\n\n".join(a["text"] for a in preds), page.body)
    stats.body_first.add(first.get("text", ""), page.body)
    if page_f1 < 0.8:
        problems.append(f"body F1 {page_f1:.2f}")
    problems += score_date(page, first, stats)
    if problems:
        fails.append(f"{page.page_id[:12]} [{page.split}] " + "; ".join(problems))


def score_date(page: Page, first: dict, stats: Stats) -> list[str]:
    if page.date is None:
        return []
    stats.dated += 1
    published = first.get("published") or {}
    value = published.get("value")
    stats.date_right_utc += published.get("precision") == "day" and value == page.date_utc
    stats.shown += page.date_shown
    shown = "shown" if page.date_shown else "not shown"
    if value is None:
        stats.date_unknown += 1
        return [f"date unknown, html {page.date} ({shown})"]
    if published.get("precision") == "day" and value == page.date:
        stats.date_right += 1
        stats.shown_right += page.date_shown
        return []
    if not page.date_shown:
        stats.hidden_wrong += 1
        stats.hidden_near += one_day_apart(value, page.date)
    return [f"date {value} ({published.get('source')}) != html {page.date} ({shown})"]


def one_day_apart(value: str, iso: str) -> bool:
    try:
        return abs((date.fromisoformat(value[:10]) - date.fromisoformat(iso)).days) == 1
    except ValueError:
        return False


def score_joined(item: Joined, by_id: dict[str, Page], preds: list[dict], stats: Stats,
                 fails: list[str]) -> None:
    stats.joined += 1
    problems = []
    if len(preds) == len(item.page_ids):
        stats.joined_count_right += 1
    else:
        problems.append(f"{len(preds)} articles, truth {len(item.page_ids)}")
    predicted = {norm(a.get("title")) for a in preds}
    for page_id in item.page_ids:
        stats.joined_titles += 1
        if predicted & by_id[page_id].accepted_titles:
            stats.joined_titles_right += 1
        else:
            problems.append(f"no title for {page_id[:12]} ({by_id[page_id].title!r})")
    if problems:
        fails.append(f"{item.name} " + "; ".join(problems))


def summary(stats: Stats) -> dict[str, object]:
    rate = lambda a, b: a / b if b else 0.0  # noqa: E731
    return {
        "pages": stats.pages, "single_count_acc": rate(stats.pages_one, stats.pages),
        "title_acc": rate(stats.titles_right, stats.pages),
        "body_all": stats.body_all.prf(), "body_first": stats.body_first.prf(),
        "dated_pages": stats.dated, "date_acc": rate(stats.date_right, stats.dated),
        "date_acc_utc": rate(stats.date_right_utc, stats.dated),
        "date_unknown": stats.date_unknown, "date_shown_pages": stats.shown,
        "date_shown_acc": rate(stats.shown_right, stats.shown),
        "date_hidden_pages": stats.dated - stats.shown,
        "date_hidden_wrong": stats.hidden_wrong, "date_hidden_near": stats.hidden_near,
        "date_hidden_wrong_rate": rate(stats.hidden_wrong, stats.dated - stats.shown),
        "joined": stats.joined, "joined_count_acc": rate(stats.joined_count_right, stats.joined),
        "joined_title_acc": rate(stats.joined_titles_right, stats.joined_titles),
    }


def print_table(results: dict[str, dict]) -> None:
    rows = [("pages", "pages", "{:d}"), ("single: 1 article", "single_count_acc", "{:.3f}"),
            ("title exact", "title_acc", "{:.3f}")]
    for key, label in (("body_all", "body all"), ("body_first", "body 1st")):
        rows += [(f"{label} {m.upper()}", f"{key}.{m}", "{:.3f}") for m in ("p", "r", "f1")]
    rows += [("dated pages (htmldate)", "dated_pages", "{:d}"),
             ("date same day", "date_acc", "{:.3f}"),
             ("... HTML's time in UTC", "date_acc_utc", "{:.3f}"),
             ("date unknown", "date_unknown", "{:d}"),
             ("dump shows the day", "date_shown_pages", "{:d}"),
             ("... date same day", "date_shown_acc", "{:.3f}"),
             ("dump hides the day", "date_hidden_pages", "{:d}"),
             ("... wrong date given", "date_hidden_wrong_rate", "{:.3f}"),
             ("... wrong, 1 day off", "date_hidden_near", "{:d}"),
             ("joined files", "joined", "{:d}"),
             ("joined: count right", "joined_count_acc", "{:.3f}"),
             ("joined: titles found", "joined_title_acc", "{:.3f}")]
    out = [f"{'':<24}" + "".join(f"{s:>10}" for s in results)]
    for label, key, fmt in rows:
        cells = []
        for res in results.values():
            value = res[key.split(".")[0]]
            value = value[key.split(".")[1]] if "." in key else value
            cells.append(f"{fmt.format(value):>10}")
        out.append(f"{label:<24}" + "".join(cells))
    sys.stdout.write("\n".join(out) + "\n")


# ---- main --------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="benchmark folder")
    parser.add_argument("--split", choices=SPLITS, default="all", help="which pages to run")
    parser.add_argument("--partition", type=int, choices=sorted(PARTITIONS), default=2,
                        help="which tune/heldout partition (1: the first two rounds' one)")
    parser.add_argument("--joined", type=int, help="joined files in all (partition's default)")
    parser.add_argument("--jobs", type=int, default=2, help="parallel CLI processes")
    parser.add_argument("--show", action="store_true", help="print the per-page failures")
    parser.add_argument("--json", type=Path, help="also write the figures and failures here")
    parser.add_argument("--folds", type=int, default=0,
                        help="also print the figures per leave-some-out fold (of the pages run)")
    parser.add_argument("--joins", type=int, default=0,
                        help="also run this many more joined files drawn from the tune pages")
    parser.add_argument("--seed", type=int, default=7, help="seed of the --joins files")
    parser.add_argument("--joins-from", choices=("tune", "heldout"), default="tune",
                        help="the pages the --joins files are drawn from (heldout: new "
                             "combinations of the held-out pages, for a larger held-out "
                             "count of joined files)")
    return parser.parse_args(argv)


def fold_of(name: str, folds: int) -> str:
    """Which leave-some-out fold a page id or joined file's name is dealt into."""
    return f"fold{int(hashlib.sha256(('fold:' + name).encode()).hexdigest()[:4], 16) % folds}"


def evaluate(pages: list[Page], joined: list[Joined], preds: dict[str, list[dict]],
             by_id: dict[str, Page], folds: int = 0) -> tuple[dict[str, Stats], list[str]]:
    stats = {s: Stats() for s in (*SPLITS, "extra")} | {f"fold{k}": Stats() for k in range(folds)}
    fails: list[str] = []
    for page in pages:
        score_page(page, preds.get(page.page_id, []), stats["all"], fails)
        score_page(page, preds.get(page.page_id, []), stats[page.split], [])
        if folds:
            score_page(page, preds.get(page.page_id, []), stats[fold_of(page.page_id, folds)], [])
    for item in joined:
        if item.split != "extra":
            score_joined(item, by_id, preds.get(item.name, []), stats["all"], fails)
        score_joined(item, by_id, preds.get(item.name, []), stats[item.split],
                     fails if item.split == "extra" else [])
        if folds and item.split != "extra":
            score_joined(item, by_id, preds.get(item.name, []), stats[fold_of(item.name, folds)],
                         [])
    return stats, fails


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    start = time.perf_counter()
    pages = load_pages(args.corpus, args.partition)
    rendered = render_missing(pages, BENCH / "dumps")
    dumps = {p.page_id: (BENCH / "dumps" / f"{p.page_id}.txt").read_text("utf-8") for p in pages}
    for page in pages:
        page.date_shown = page.date is not None and shows_day(dumps[page.page_id], page.date)
    total = args.joined if args.joined is not None else PARTITIONS[args.partition][3]
    joined = build_joined(pages, dumps, BENCH / "joined", total, args.partition)
    extra = build_extra_joins(pages, dumps, BENCH / "joined", args.joins, args.seed,
                              args.joins_from)
    by_id = {p.page_id: p for p in pages}
    if args.split != "all":
        pages = [p for p in pages if p.split == args.split]
        joined = [j for j in joined if j.split == args.split]
    joined += extra
    paths = [BENCH / "dumps" / f"{p.page_id}.txt" for p in pages]
    preds, errors = run_cli(paths + [BENCH / "joined" / f"{j.name}.txt" for j in joined], args.jobs)
    stats, fails = evaluate(pages, joined, preds, by_id, args.folds)
    shown = (SPLITS if args.split == "all" else (args.split,)) + tuple(
        f"fold{k}" for k in range(args.folds))
    results = {s: summary(stats[s]) for s in shown}
    if extra:
        results[f"joins {args.seed}"] = summary(stats["extra"])
    sources = dict(Counter(p.title_source for p in pages))
    sys.stdout.write(f"{len(pages)} pages ({rendered} rendered now), {len(joined)} joined files, "
                     f"{len(errors)} CLI error lines, {time.perf_counter() - start:.0f} s; "
                     f"title truth from {sources}\n")
    print_table(results)
    if args.show:
        sys.stdout.write("\n".join(["", "failures:", *fails, *errors]) + "\n")
    if args.json:
        report = {"results": results, "failures": fails, "errors": errors}
        args.json.write_text(json.dumps(report, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
