"""The lines of a scraped text dump: repaired, rejoined and labelled (SPEC §2).

1. repair mojibake with ftfy, drop lines it cannot repair;
2. rejoin sentences broken across lines;
3. label each line by its shape and the patterns in ``data/boilerplate``:

   ========== ==========================================================
   tool       page furniture: share buttons, ad markers, credits, counters
   footer     the site's copyright line, at the end of a page
   notice     a story's rights notice right under it (a news agency's copyright line)
   section    a header of a list of other stories ("Top Stories")
   list       a headline in a list of other stories
   caption    a photo caption or credit ("(AP Photo/...)", "FILE - ...")
   dup        a line printed more than once (captions, a repeated title)
   repeat     the first copy of a repeated prose line
   date       a short line that is mostly a date (a byline date)
   crawl-date a weekday date above the story: the page's (crawl) date
   byline     "By Jane Doe"
   spam       URLs, spam words in a short line
   prose      a sentence-shaped line: what article bodies are made of
   headline   a title-shaped line
   short      anything else
   ========== ==========================================================

Boilerplate patterns judge whole short lines only: a long line is a paragraph,
and a paragraph that mentions cookies or a photo credit is still a paragraph.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources

import ftfy

from diplograph.pages import pubdate

TERMINAL = ('.', '!', '?', '…', '."', '?"', '!"', '.”', '?”', '!”', ".'", ".’", ':"', ':”',
            '。', '！', '？', '」', '』')
_MOJIBAKE_RE = re.compile(r"Ã.|â€|Â[\s\xa0]|�|Ð.|Ñ.|[\x80-\x9f]")
_JOIN_WORDS = frozenset(
    "a an the of to in on at for from by with and or but nor as than that which who whom whose "
    "is are was were be been has have had will would can could should may might must not its "
    "their his her our your this these those into onto over under about after before between "
    "during".split()
)
BYLINE_RE = re.compile(r"^(by|written by|posted by|reporting by|words by|story by)\s+\S", re.I)
MIN_PROSE_WORDS = 6
_BYLINE_NAME_WORDS = 6  # "written by Jane van der Berg"
LONG_LINE_WORDS = 16
MAX_BOILERPLATE_WORDS = 60
COLON_PROSE_WORDS = 20
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTERS_RE = re.compile(r"[^\W\d_]")
_HEADLINE_WORDS = 25  # a title-cased sentence this short over a byline is a headline
_LIST_RUN = 3  # this many headline-like lines in a row are a list of other stories
# ... counting these lines between them
_LIST_LABELS = frozenset({"headline", "short", "tool", "footer", "notice", "caption", "dup"})
ONE_LINER_WORDS = 30
# A teaser's summary that its site cut off ("...") is at most this long.
BLURB_WORDS = 40
# A sentence's end and the next one's start (a capital or a digit, in any cased script).
_SENTENCE_END_RE = re.compile(r"[.!?][\"”’')]?\s+[\"“‘(—–-]?\s?(\w)")
# "— Jane Doe (@jdoe) November 20, 2019": the date under an embedded post, not a comment's.
EMBED_SIGNATURE_RE = re.compile(r"\(@\w+\)")
# " | ", " • ", " » ": what pages put between a headline and the site's name (or its spam).
SITE_SEPARATOR_RE = re.compile(r"\s+[|•·»]\s+")


@dataclass(frozen=True, slots=True)
class _Patterns:
    tool: re.Pattern[str]
    footer: re.Pattern[str]
    notice: re.Pattern[str]
    section: re.Pattern[str]
    spam: re.Pattern[str]
    caption: re.Pattern[str]
    byline: re.Pattern[str]  # a writer's line without "By" (BYLINE_RE covers those with it)


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
        footer=whole(_load_tsv("footer_lines.tsv")),
        notice=whole(_load_tsv("notice_lines.tsv")),
        section=whole(_load_tsv("section_headers.tsv")),
        spam=whole(_load_tsv("spam.tsv")),
        caption=whole(_load_tsv("captions.tsv")),
        byline=whole(_load_tsv("byline_lines.tsv")),
    )


@dataclass(slots=True)
class Line:
    """One line of a dump, with its label."""

    text: str
    label: str = ""
    blank_before: bool = False
    first_seen: bool = True
    copies: int = 1  # how often the same text occurs in the dump


# -- step 1 and 2: repair and rejoin -------------------------------------------------------


def normalise(line: str) -> str:
    """Collapse whitespace (no-break spaces included) and strip."""
    return re.sub(r"\s+", " ", line.replace("\xa0", " ")).strip()


def has_mojibake(line: str) -> bool:
    """True when a line still holds mojibake that ftfy could not repair."""
    return bool(_MOJIBAKE_RE.search(line))


def _continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` continues a sentence that ``prev`` broke off."""
    if not prev or not nxt or prev.endswith(TERMINAL):
        return False
    if title_case(prev) and names_a_writer(nxt):
        return False  # a headline over its byline; a sentence-case line may go on "by Monet."
    if writer_line(nxt):
        return False  # a name and a social handle ("Jane Doe @janedoe") end no sentence
    last = prev.split()[-1].lower()
    if prev.endswith((",", ";", "-", "(", "—", "–")) or last in _JOIN_WORDS:
        return len(prev.split()) >= 3
    return nxt[0].islower() and len(prev.split()) >= 4


def names_a_writer(line: str) -> bool:
    """A byline ("written by Jane Doe"), not the end of a sentence broken off ("... was
    written" / "by the committee")."""
    match = BYLINE_RE.match(line)
    if not match or len(line.split()) > _BYLINE_NAME_WORDS:
        return False
    return line[match.end() - 1].isupper()


def writer_line(line: str) -> bool:
    """A writer's line without "By": a name or a role and a social handle, perhaps with the
    story's age ("Jane Doe @janedoe / 2 days", "News reporter @jdoe"): the story's byline."""
    return len(line.split()) <= _BYLINE_NAME_WORDS + 3 and bool(patterns().byline.fullmatch(line))


def read_lines(text: str) -> tuple[list[Line], list[str]]:
    """Repair, split and rejoin the dump's lines; return them and the unrepairable ones."""
    lines: list[Line] = []
    dropped: list[str] = []
    blank = False
    for raw in ftfy.fix_text(text, uncurl_quotes=False).splitlines():
        line = normalise(raw)
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
            lines.append(Line(text=line, blank_before=blank))
        blank = False
    return lines, dropped


# -- step 3: labels --------------------------------------------------------------------------


def is_headline(line: str) -> bool:
    """Title-shaped: 2-25 words, no final full stop, starting like a title."""
    words = line.split()
    if not 2 <= len(words) <= 25 or line.endswith(TERMINAL[:1]):
        return False
    return line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘"


def title_case(text: str) -> bool:
    """Most longer words capitalised, as English headlines are ("Home Depot Stock Is Falling")."""
    words = [w for w in text.split() if len(w) > 3 and _LETTERS_RE.match(w)]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def word_count(text: str) -> int:
    """Words, counting a run of Chinese or Japanese characters as one word per two characters."""
    words = len(text.split())
    cjk = len(_CJK_RE.findall(text))
    return max(words, cjk // 2) if cjk * 3 > len(text) else words


def is_prose(line: str) -> bool:
    """Sentence-shaped: a long line, or a complete sentence of six words or more."""
    words = word_count(line)
    if words >= LONG_LINE_WORDS and (not line.endswith(":") or words >= COLON_PROSE_WORDS):
        # A short line ending with a colon introduces a list; a long one is a sentence.
        return True
    return words >= MIN_PROSE_WORDS and line.endswith(TERMINAL) and not _cut_short(line)


def _cut_short(line: str) -> bool:
    """A teaser its site cut off with two dots ("... 이정재 앞에.."): no sentence ends there."""
    return line.endswith("..") and not line.endswith("...")


def one_liner(text: str) -> bool:
    """One sentence of a few words: a teaser's summary, a caption."""
    if len(text.split()) > ONE_LINER_WORDS:
        return False
    return _inner_ends(text) == 0


def summary_line(text: str) -> bool:
    """A line of a stream of other stories' summaries: one sentence of a few words, or a
    short summary that its site cut off ("... a new picture in the AI chip race in the ...").
    A story's paragraph is not cut off; a teaser's excerpt is, wherever its sentence ends."""
    cut_off = text.rstrip().endswith(("...", "…"))
    return one_liner(text) or (cut_off and len(text.split()) <= BLURB_WORDS)


def sentences(text: str) -> int:
    """How many sentences a line holds (a tag cloud or a run of menu words holds none)."""
    return _inner_ends(text) + text.rstrip("\"”’')").endswith(TERMINAL)


def _inner_ends(text: str) -> int:
    """The sentence ends inside a line: an end mark before a capital or a digit."""
    return sum(m.group(1).isupper() or m.group(1).isdigit()
               for m in _SENTENCE_END_RE.finditer(text))


def is_caption(line: str) -> bool:
    """A short line that reads as a photo caption or credit ("(AP Photo/...)", "FILE - ...")."""
    return len(line.split()) <= MAX_BOILERPLATE_WORDS and bool(patterns().caption.search(line))


def _label(line: Line) -> str:
    pats = patterns()
    text = line.text
    short = len(text.split()) <= MAX_BOILERPLATE_WORDS
    if short and pats.footer.fullmatch(text):
        return "footer"
    if short and pats.tool.fullmatch(text):
        return "tool"
    if short and pats.section.fullmatch(text.rstrip(":»›> ")):
        return "section"
    if is_caption(text):
        return "caption"
    if pubdate.is_date_line(text):
        return "date"
    if line.copies > 1 and len(text.split()) >= 3 and short:
        # Captions are printed two or three times; body sentences almost never are.
        return "repeat" if line.first_seen and is_prose(text) else "dup"
    if (BYLINE_RE.match(text) and len(text.split()) <= 10) or writer_line(text):
        return "byline"
    if len(text.split()) <= 25 and _spam_in_head(text):
        return "spam"
    if is_prose(text) and not _site_suffixed(text):
        return "prose"
    if is_headline(text) or _site_suffixed(text):
        return "headline"
    return "short"


def _spam_in_head(text: str) -> bool:
    """Spam in the line itself, not only in a suffix after " | " (a headline whose page
    appended the site's name or an advert: "Story | 100% FREE BONUS >>> site"); a sentence
    needs two spam words, or a link."""
    head = SITE_SEPARATOR_RE.split(text, maxsplit=1)[0]
    found = [m.group(0) for m in patterns().spam.finditer(head if is_headline(head) else text)]
    # A news sentence may say "cheap imports" once; an advert piles up its marks, or links.
    links = [mark for mark in found if "://" in mark or mark.lower().startswith("www.")]
    return bool(links) or len(found) >= (2 if is_prose(text) else 1)


def _site_suffixed(text: str) -> bool:
    """A headline with the site's name (or an advert) after " | ": "Story | Site"."""
    head, *rest = SITE_SEPARATOR_RE.split(text, maxsplit=1)
    return bool(rest) and is_headline(head) and not is_prose(head)


def label_lines(lines: list[Line]) -> None:
    """Label every line in place (see the module docstring for the labels)."""
    counts: dict[str, int] = {}
    for line in lines:
        key = line.text.lower()
        line.first_seen = key not in counts
        counts[key] = counts.get(key, 0) + 1
    for line in lines:
        line.copies = counts[line.text.lower()]
        line.label = _label(line)
    _mark_story_notices(lines)
    _mark_crawl_dates(lines)
    _mark_headlines_over_bylines(lines)
    _mark_headline_lists(lines)
    _mark_section_lists(lines)


def _mark_story_notices(lines: list[Line]) -> None:
    """A copyright line right under a paragraph that names a news agency or a wire story's
    redistribution clause is the story's notice, not the site's footer: an agency's notice
    can close a story in mid-page, while a site's own line comes after its menus (Fox's
    "may not be published ..." footer, apnews.com's own copyright line)."""
    for before, line in zip(lines, lines[1:]):
        if (line.label == "footer" and before.label == "prose"
                and patterns().notice.fullmatch(line.text)):
            line.label = "notice"


def _mark_crawl_dates(lines: list[Line]) -> None:
    """A weekday-date line above the first prose is the page's (crawl) date."""
    for line in lines:
        if line.label in ("prose", "repeat"):
            return
        if line.label == "date" and pubdate.is_weekday_date_line(line.text):
            line.label = "crawl-date"


def _mark_headlines_over_bylines(lines: list[Line]) -> None:
    """A long line right above a byline or date line (or above a writer's bare name over
    one) is a headline when it is title-cased, full stop and all ("Home Depot Stock Is
    Falling After Its Earnings Release. Why You Shouldn't Worry."), or has no full stop at
    all ("Hunter diagnosed with plague after eating a rabbit" / "Jane Doe" / "18 Nov 2019")."""
    for i, line in enumerate(lines):
        if line.label != "prose" or len(line.text.split()) > _HEADLINE_WORDS:
            continue
        below = lines[i + 1 : i + 3]
        over_header = bool(below) and (_byline_or_date(below[0]) or (
            len(below) == 2 and _bare_name(below[0].text) and _byline_or_date(below[1])))
        if over_header and (title_case(line.text) or _one_phrase(line.text)):
            line.label = "headline"


def _one_phrase(text: str) -> bool:
    """No sentence ends in it, at its end or inside: a headline, not a two-sentence
    standfirst ("The repression has fuelled the crisis. It is up to them to de-escalate")."""
    return not text.endswith(TERMINAL) and not any(
        m.group(1).isupper() for m in _SENTENCE_END_RE.finditer(text))


def _bare_name(text: str) -> bool:
    """A writer's name printed alone ("Jane Doe"): two to four capitalised words."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and w.isalpha() for w in words)


def _byline_or_date(line: Line) -> bool:
    """A byline or date line, or a byline printed more than once (a list of stories by one
    writer: "By JIM GERAGHTY" under each headline)."""
    return line.label in ("byline", "date") or (line.label == "dup" and bool(
        BYLINE_RE.match(line.text)) and len(line.text.split()) <= 10)


def _mark_headline_lists(lines: list[Line]) -> None:
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
        while j < len(lines) and lines[j].label in _LIST_LABELS:
            j += 1
        heads = [k for k in range(i, j) if lines[k].label == "headline"]
        if len(heads) >= _LIST_RUN:
            keep_last = j < len(lines) and lines[j].label in ("prose", "date", "byline", "repeat")
            for k in heads[:-1] if keep_last else heads:
                lines[k].label = "list"
        i = j


def _mark_section_lists(lines: list[Line]) -> None:
    """Headlines after a section header ("Top Stories") belong to its list.

    The list ends at prose; its last headline stays a headline when prose or a
    date/byline follows, since that is the next story's own title.
    """
    in_list = False
    last: Line | None = None
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
