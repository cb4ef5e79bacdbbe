"""Cleaning scraped text dumps into article bodies (SPEC §2).

A scraper's text dump holds the whole page: menus, the crawl date, share
buttons, photo captions (often twice), lists of other stories' headlines, and
sometimes several articles. No library cleans this, so we do it with rules
over lines:

1. repair mojibake with ftfy, drop lines it cannot repair;
2. rejoin sentences broken across lines;
3. label each line (tool line, section header, caption, repeat, date line,
   byline, headline-like, prose) with patterns from ``data/boilerplate``;
4. walk the labelled lines: prose makes article bodies, the headline just
   before a body is its title, a headline followed by a date/byline (or a
   new dateline) starts a new article, everything else is dropped.

Every removed line is kept in ``dropped`` so an analyst can see what was cut.
"""

from __future__ import annotations

import csv
import functools
import logging
import re
from dataclasses import dataclass, field
from importlib import resources

import ftfy

from diplograph.pages import pubdate

logger = logging.getLogger(__name__)

_TERMINAL = ('.', '!', '?', '…', '."', '?"', '!"', '.”', '?”', '!”', ".'", ".’", ':"', ':”')
_MOJIBAKE_RE = re.compile(r"Ã.|â€|Â[\s\xa0]|�|Ð.|Ñ.|[\x80-\x9f]")
_JOIN_WORDS = frozenset(
    "a an the of to in on at for from by with and or but nor as than that which who whom whose "
    "is are was were be been has have had will would can could should may might must not its their "
    "his her our your this these those into onto over under about after before between during".split()
)
_BYLINE_RE = re.compile(r"^(by|written by|reporting by|words by|story by)\s+\S", re.I)
_MIN_PROSE_WORDS = 6
_LONG_LINE_WORDS = 16
_MIN_TITLE_WORDS = 3
_TITLE_LOOKBACK = 4  # how far above a body its title may be (in kept header lines)
# Boilerplate patterns judge whole short lines only: a longer line is a paragraph, and
# a paragraph that mentions cookies or a photo credit is still a paragraph.
MAX_BOILERPLATE_WORDS = 60


@dataclass(frozen=True, slots=True)
class _Patterns:
    tool: re.Pattern[str]
    section: re.Pattern[str]
    spam: re.Pattern[str]
    caption: re.Pattern[str]


def _load_tsv(name: str) -> list[str]:
    text = resources.files("diplograph.data.boilerplate").joinpath(name).read_text("utf-8")
    rows = list(csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row[0] for row in rows[1:] if row and row[0].strip()]


@functools.lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """The boilerplate patterns from ``data/boilerplate/*.tsv``, compiled once."""

    def whole(rows: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{row})" for row in rows), re.I)

    return _Patterns(
        tool=whole(_load_tsv("tool_lines.tsv")),
        section=whole(_load_tsv("section_headers.tsv")),
        spam=whole(_load_tsv("spam.tsv")),
        caption=whole(_load_tsv("captions.tsv")),
    )


@dataclass(slots=True)
class CleanArticle:
    """One article found in a text dump, before it becomes an Article record."""

    title: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    date_line: str | None = None  # the byline/date line the publication date comes from
    caption_dates: list[str] = field(default_factory=list)  # captions that hold a date

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class _Line:
    text: str
    label: str = ""
    blank_before: bool = False
    first_seen: bool = True


# -- step 1 and 2: repair and rejoin -------------------------------------------------------


def _normalise(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("\xa0", " ")).strip()


def has_mojibake(line: str) -> bool:
    """True when a line still holds mojibake that ftfy could not repair."""
    return bool(_MOJIBAKE_RE.search(line))


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues a sentence that ``prev`` broke off."""
    if not prev or not nxt or prev.endswith(_TERMINAL):
        return False
    last = prev.split()[-1].lower()
    if prev.endswith((",", ";", "-", "(", "—", "–")) or last in _JOIN_WORDS:
        return len(prev.split()) >= 3
    return nxt[0].islower() and len(prev.split()) >= 4


def _read_lines(text: str) -> tuple[list[_Line], list[str]]:
    """Repair, split and rejoin the dump's lines; return them and the unrepairable ones."""
    lines: list[_Line] = []
    dropped: list[str] = []
    blank = False
    for raw in ftfy.fix_text(text, uncurl_quotes=False).splitlines():
        line = _normalise(raw)
        if not line:
            blank = True
            continue
        if has_mojibake(line):
            dropped.append(line)
            continue
        if lines and not blank and _continues(lines[-1].text, line):
            lines[-1].text = f"{lines[-1].text} {line}"
        elif lines and blank and _continues(lines[-1].text, line) and line[0].islower():
            lines[-1].text = f"{lines[-1].text} {line}"
        else:
            lines.append(_Line(text=line, blank_before=blank))
        blank = False
    return lines, dropped


# -- step 3: labels --------------------------------------------------------------------------


def _is_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 25 or line.endswith(_TERMINAL[:1]):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"


def _is_prose(line: str) -> bool:
    words = len(line.split())
    if words >= _LONG_LINE_WORDS and (not line.endswith(":") or words > MAX_BOILERPLATE_WORDS):
        # A line that ends with a colon introduces a list, unless it is a whole paragraph.
        return True
    return words >= _MIN_PROSE_WORDS and line.endswith(_TERMINAL)


def _label(line: _Line, counts: dict[str, int]) -> str:
    pats = patterns()
    text = line.text
    key = text.lower()
    short = len(text.split()) <= MAX_BOILERPLATE_WORDS
    if short and pats.tool.fullmatch(text):
        return "tool"
    if short and pats.section.fullmatch(text.rstrip(":»›> ")):
        return "section"
    if short and pats.caption.search(text):
        return "caption"
    if counts[key] > 1 and len(text.split()) >= 3:
        # Captions are printed two or three times; body sentences almost never are.
        return "repeat" if line.first_seen and _is_prose(text) else "caption"
    if pubdate.is_date_line(text):
        return "date"
    if _BYLINE_RE.match(text) and len(text.split()) <= 10:
        return "byline"
    if len(text.split()) <= 25 and pats.spam.search(text):
        return "spam"
    if _is_prose(text):
        return "prose"
    if _is_headline(text):
        return "headline"
    return "short"


def _label_lines(lines: list[_Line]) -> None:
    counts: dict[str, int] = {}
    for line in lines:
        key = line.text.lower()
        line.first_seen = key not in counts
        counts[key] = counts.get(key, 0) + 1
    for line in lines:
        line.label = _label(line, counts)
    _mark_crawl_dates(lines)
    _mark_headline_lists(lines)


def _mark_crawl_dates(lines: list[_Line]) -> None:
    """A weekday-date line above the first prose is the page's (crawl) date."""
    for line in lines:
        if line.label in ("prose", "repeat"):
            return
        if line.label == "date" and pubdate.is_weekday_date_line(line.text):
            line.label = "crawl-date"


def _mark_headline_lists(lines: list[_Line]) -> None:
    """Runs of three or more headline-like lines are lists of other stories.

    The last headline of a run stays a headline when prose (or a date/byline
    and then prose) follows: it is the next article's title.
    """
    i = 0
    while i < len(lines):
        if lines[i].label != "headline":
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].label in ("headline", "short", "tool", "caption"):
            j += 1
        heads = [k for k in range(i, j) if lines[k].label == "headline"]
        if len(heads) >= 3:
            keep_last = j < len(lines) and lines[j].label in ("prose", "date", "byline", "repeat")
            for k in heads[:-1] if keep_last else heads:
                lines[k].label = "list"
        i = j


# -- step 4: segmentation ------------------------------------------------------------------


def _after_section(lines: list[_Line]) -> None:
    """Headlines after a section header ("Top Stories") belong to its list.

    The list ends at prose; its last headline stays a headline when prose or a
    date/byline follows, since that is the next story's own title.
    """
    in_list = False
    last: _Line | None = None
    for line in lines:
        if line.label == "section":
            in_list, last = True, None
        elif line.label in ("prose", "date", "byline") and in_list:
            if last is not None:
                last.label = "headline"
            in_list = False
        elif in_list and line.label in ("headline", "list", "short"):
            if line.label in ("headline", "list"):
                last = line
            line.label = "list"


def _starts_new_article(pending: list[_Line], nxt: _Line) -> bool:
    """Whether the non-prose lines between two prose lines open another article."""
    heads = [i for i, line in enumerate(pending) if line.label == "headline"]
    if not heads:
        return False
    after = pending[heads[-1] + 1 :]
    if any(line.label in ("date", "byline") for line in after):
        return True
    if any(line.label == "crawl-date" for line in pending):
        return True
    return pubdate.find_dateline(nxt.text) is not None and len(pending[heads[-1]].text.split()) >= _MIN_TITLE_WORDS


def _open_article(header: list[_Line], article: CleanArticle) -> None:
    """Fill title and date line from the lines above a body; drop the rest."""
    title_at = None
    for i in range(len(header) - 1, -1, -1):
        line = header[i]
        if line.label == "headline" and len(line.text.split()) >= _MIN_TITLE_WORDS:
            title_at = i
            break
        if line.label in ("prose", "list", "section") or len(header) - i > _TITLE_LOOKBACK + 2:
            break
    for i, line in enumerate(header):
        if i == title_at:
            article.title = clean_title(line.text)
            continue
        near = title_at is None or i >= title_at - 2
        if line.label == "date" and near and (article.date_line is None or (title_at is not None and i > title_at)):
            article.date_line = line.text
        if line.label == "caption" and pubdate.find_date(line.text):
            article.caption_dates.append(line.text)
        article.dropped.append(line.text)


def clean_title(title: str) -> str:
    """Strip site names and decoration from a title line ("Story | Site" -> "Story")."""
    parts = [part.strip() for part in re.split(r"\s+[|•·»]\s+", title) if part.strip()]
    if len(parts) > 1:
        title = max(parts, key=len)
    title = patterns().spam.sub(" ", title)
    return _normalise(title).strip(" -–—|•·»«*#~=_:")


@dataclass(frozen=True, slots=True)
class CleanDump:
    """A cleaned dump: its articles, and how much prose it had before cleaning."""

    articles: list[CleanArticle]
    lines: tuple[str, ...]  # the repaired, rejoined lines (what "kept as it is" keeps)
    prose_words: int  # words on prose-shaped lines

    @property
    def kept_share(self) -> float:
        """The share of the prose words that ended up in an article body (1.0 when no prose)."""
        kept = sum(len(p.split()) for a in self.articles for p in a.paragraphs)
        return min(1.0, kept / self.prose_words) if self.prose_words else 1.0


def clean_dump(text: str) -> CleanDump:
    """Split a scraped text dump into clean articles, and measure the prose kept.

    Args:
        text: the whole dump, as the scraper saved it.
    """
    lines, _ = _read_lines(text)
    prose = sum(len(line.text.split()) for line in lines if _is_prose(line.text))
    return CleanDump(clean_text_dump(text), tuple(line.text for line in lines), prose)


def clean_text_dump(text: str) -> list[CleanArticle]:
    """Split a scraped text dump into clean articles.

    Args:
        text: the whole dump, as the scraper saved it.

    Returns:
        The articles found, in order; empty when no prose was found.
    """
    lines, unrepairable = _read_lines(text)
    _label_lines(lines)
    _after_section(lines)
    articles: list[CleanArticle] = []
    header: list[_Line] = []
    current: CleanArticle | None = None
    for line in lines:
        if line.label != "prose":
            header.append(line)
            continue
        if current is None or _starts_new_article(header, line):
            if current is not None:
                articles.append(current)
            current = CleanArticle()
            _open_article(header, current)
        else:
            _absorb(header, current, inside=True)
        header = []
        current.paragraphs.append(line.text)
    if current is not None:
        _absorb(header, current)
        articles.append(current)
    if articles:
        articles[0].dropped[:0] = unrepairable
    return [article for article in articles if article.paragraphs]


def _absorb(pending: list[_Line], article: CleanArticle, *, inside: bool = False) -> None:
    """Lines between (or after) body paragraphs: dropped, captions' dates remembered.

    Inside a body, a short complete sentence ("He declined.") is a paragraph.
    """
    for line in pending:
        if inside and line.label == "short" and len(line.text.split()) >= 2 and line.text.endswith(_TERMINAL):
            article.paragraphs.append(line.text)
            continue
        if line.label == "caption" and pubdate.find_date(line.text):
            article.caption_dates.append(line.text)
        if line.label == "date" and article.date_line is None and not article.paragraphs[1:]:
            article.date_line = line.text
        article.dropped.append(line.text)
