"""An article's title in a text dump: the headline above its body that is about it.

A page dump holds many title-shaped lines: menus, lists of other stories, the
site's name, "Back to Gallery". The article's own headline is the one that
shares its words with the body's first paragraphs (a headline summarises its
lede), usually a few lines above the body, often printed twice (above the
photos and again above the byline) and followed by a byline or date. Some pages
put it far above the body, behind selectors and boxes of other stories: there its
words and its echo (the headline quoted whole in a share widget's line) vouch
for it, and its distance counts no more than a near line's would. Each
candidate is scored on those signals; the best one wins if it shares enough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.pages import pubdate, topic
from diplograph.pages.lines import SITE_SEPARATOR_RE, Line, patterns, title_case

WINDOW = 40  # lines above a body over which a title's distance counts against it
REACH = 60  # how many lines above a body its title may be (a lede's words vouch for a far one)
_INSIDE = 2  # a title may also be one of the body block's first lines (a last resort)
_MIN_SHARE = 0.25  # share of the title's (weighted) words found in the lede ...
_MIN_EVIDENCE = 7.0  # ... or this much weight of shared words
_FULL_EVIDENCE = 30.0  # shared weight that counts as full evidence
_MIN_WORDS = 3  # a one- or two-word line is a menu item or a section name
_MENU_RUN_WORDS = 15  # a title-cased line this long without punctuation is a menu run
_PUNCTUATION_RE = re.compile(r"[,.:;!?'’\"“”()–—-]")
_FIELD_LABEL_WORDS = 2  # "Author:", "Publish date:": a field's label, its value below it ...
_FIELD_VALUE_WORDS = 4  # ... a name or a category, a few words
_HEADER_REACH = 2  # a headline's byline or date is this close below it (after a standfirst)
_LAYOUT_REACH = 8  # how far above the body a title found by layout alone may be
# A shorter line right above the best one is its headline (the best is the standfirst) when it
# scores within this much of it; a kicker or a list's last item scores far less.
_STANDFIRST_GAP = 0.5
PRINTED_OFTEN = 3  # printed this many times: a site's or a section's name, a caption
_ECHO_WORDS = 5  # a headline quoted whole in a longer line ("Share this: ...") is this long
# How much each signal of a candidate title adds to its score (it is 0 to 1, or 0 or 1).
# header_below was set by leave-one-fold-out over the dump benchmark's tune folds; other signals
# tried there (a dated run of headlines, a menu's item) did not carry from one fold to the
# others (docs/benchmarks.md, seventh round). echoed, with REACH 60 and the distance no longer
# growing past WINDOW (a far headline is judged by its words and its echo, not its distance),
# was chosen the same way in stop 19 (docs/benchmarks.md, "eighth round").
SIGNAL_WEIGHTS = {
    "evidence": 1.0,  # weight of the words it shares with the lede, up to _FULL_EVIDENCE
    "share": 0.5,  # share of its (weighted) words that the lede repeats
    "distance": -0.16,  # lines above the body, over WINDOW
    "repeated": 0.15,  # printed twice: the page's title and the headline
    "printed_often": 0.15,  # printed PRINTED_OFTEN times or more
    "header_below": 0.4,  # a byline or date line a few lines below
    "list_item": -0.5,  # a "list" line with no byline or date right below: a run of headlines
    "title_case": 0.15,
    "full_stop": -0.4,  # a sentence: a standfirst, more likely than a headline
    "inside": -0.5,  # the body's own first line: a title only when nothing above is
    "echoed": 0.6,  # quoted whole in another, longer line of the page (a share widget, the tab)
}
_NOT_TITLES = frozenset({"tool", "footer", "notice", "caption", "date", "crawl-date", "byline",
                         "spam", "section"})
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_TRAILING_BYLINE_RE = re.compile(r"\s+by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,2}\s*$")
_LETTERS_RE = re.compile(r"[^\W\d_]")
_TRAILING_SEPARATOR_RE = re.compile(r"\s+[-–—|•·]\s+(?=[^-–—|•·]*$)")
# The name of an icon font's glyph, printed as text when the font is not loaded
# ("Story chevron_left Browse All Posts"): it separates the headline from a button.
_ICON_LIGATURE_RE = re.compile(r"\s+[a-z]+(?:_[a-z]+)+\s+")
_DASHED_SUFFIX_RE = re.compile(r"\s+[-–—]\s+(?P<site>\S+(?:\s+\S+){0,2})$")


@dataclass(frozen=True, slots=True)
class Title:
    """The chosen title line and how sure the choice is."""

    index: int
    text: str
    share: float  # weighted share of its words that the lede repeats


def title_shaped(line: Line) -> bool:
    """Could this line be a headline (by label and shape, whatever its words)?"""
    text = line.text
    if line.label in _NOT_TITLES or text.endswith((":", ",", ";")):
        return False
    if line.copies > 1 and _full_stop(text):
        return False  # a sentence printed two or three times is a photo's caption, not a headline
    if _CJK_RE.search(text):
        return 4 <= len(text) <= 120
    words = [w for w in text.split() if _LETTERS_RE.search(w)]
    return _MIN_WORDS <= len(words) <= 30 and len(text) <= 250 and not _menu_run(words)


def _menu_run(words: list[str]) -> bool:
    """A run of menu items printed as one line ("Latest News Applications OS Channel Programs
    Cloud ..."): many capitalised words and not one punctuation mark between them."""
    if len(words) < _MENU_RUN_WORDS:
        return False
    capitalised = sum(word[0].isupper() for word in words)
    return capitalised >= 0.8 * len(words) and not any(_PUNCTUATION_RE.search(w) for w in words)


def field_value(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` is the value of a labelled field ("Author:" / "Jane Doe",
    "Category:" / "Markets"): a few words under a label of one or two words ending with a
    colon."""
    if i == 0 or len(lines[i].text.split()) > _FIELD_VALUE_WORDS:
        return False  # a long line under a search box's "Text Input:" is still a headline
    label = lines[i - 1].text
    return label.endswith(":") and len(label.split()) <= _FIELD_LABEL_WORDS


def choose(lines: list[Line], start: int, rows: list[int], lo: int,
           weights: topic.Weights, lede: set[str]) -> Title | None:
    """The title of the body whose prose rows are ``rows`` (the first at ``start``).

    Args:
        lines: the labelled lines of the dump.
        start: index of the body's first prose line.
        rows: the body's prose line indexes (its first lines may be the title).
        lo: the first index the title may have (the end of the article before).
        weights: the dump's word weights.
        lede: stems of the body's first paragraphs.
    """
    found = candidates(lines, start, rows, lo, weights, lede)
    if not found:
        above = _title_lines_above(lines, start, lo)
        short = [i for i in range(max(lo, start - WINDOW), start) if short_headline(lines, i)]
        return _by_layout(lines, sorted({*above, *short}), start)
    scored = {c.index: (score(c.signals), c) for c in found}
    top, best = max(scored.values(), key=lambda pair: pair[0])
    header = _header_below_list_item(lines, best, start) or _headline_over_header_above(
        lines, best, lo, lede)
    if header is not None:
        return header
    above_best = scored.get(best.index - 1)
    if (above_best and len(lines[above_best[1].index].text) < len(lines[best.index].text)
            and above_best[0] >= top - _STANDFIRST_GAP):
        best = above_best[1]  # a headline, then its standfirst: the headline comes first
    # ... but a kicker ("BIRD FLU FEARS") shares far less than its headline
    return Title(index=best.index, text=lines[best.index].text, share=best.share)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A title-shaped line that shares words with the body's lede, and its signals."""

    index: int
    share: float
    signals: dict[str, float]


def score(signals: dict[str, float]) -> float:
    """A candidate's score: its signals times their weights (:data:`SIGNAL_WEIGHTS`)."""
    return sum(SIGNAL_WEIGHTS[name] * value for name, value in signals.items())


def candidates(lines: list[Line], start: int, rows: list[int], lo: int,
               weights: topic.Weights, lede: set[str]) -> list[Candidate]:
    """The lines that may be the body's title (see :func:`choose`), with their signals."""
    inside = [r for r in rows[:_INSIDE] if headline_like(lines[r].text)]
    above = _title_lines_above(lines, start, lo)
    found = []
    for i in [*above, *(r for r in inside if title_shaped(lines[r]))]:
        own = set(topic.stems(lines[i].text))
        rest = _lede_below(lines, i, start, lede) if i < start else _lede_after(lines, rows, i)
        shared = own & rest
        share = weights.share(own, rest)
        evidence = sum(weights.weight(s) for s in shared)
        if _enough(own, shared, share, evidence) and (i >= start or own & lede):
            signals = {"evidence": min(evidence, _FULL_EVIDENCE) / _FULL_EVIDENCE,
                       "share": share, **_layout_signals(lines, i, start)}
            found.append(Candidate(index=i, share=share, signals=signals))
    return found


def _header_below_list_item(lines: list[Line], best: Candidate, start: int) -> Title | None:
    """A run of other stories' headlines above an article's own header: when the best line is
    one of the run (a list item with no byline or date under it), a headline over its byline
    or date line between that item and the body is the title, whatever words it shares (a
    column's "The Impeachment Clock" over its author and date; the list's "Vindman Claims ..."
    shares more of the lede)."""
    if not best.signals.get("list_item") or best.signals.get("header_below"):
        return None  # a headline over its standfirst and author, then its date, is no list's
    if not _between_headlines(lines, best.index):
        return None  # a headline over a date the page split into pieces ("November 20" / "2019")
    for i in range(start - 1, max(best.index, start - _LAYOUT_REACH - 1), -1):
        line = lines[i]
        if (title_shaped(line) and line.label != "list" and not field_value(lines, i)
                and any(b.label in ("date", "byline")
                        for b in lines[i + 1 : i + 1 + _HEADER_REACH])):
            # The list item's share still tells how much the block reads as an article's top:
            # the rule picks the title line, not whether the block opens an article.
            return Title(index=i, text=line.text, share=best.share)
    return None


def _headline_over_header_above(lines: list[Line], best: Candidate, lo: int,
                                lede: set[str]) -> Title | None:
    """An article's header (its headline over a byline or date line) is its top: a line below
    it is inside the article (a photo's caption, a sub-heading, a results table's line), however
    many of the lede's words it repeats. When the best line has no header of its own and the
    nearest byline or date line above it sits under a headline about the story (one word of the
    lede is enough, a round-up's headline names one of its results, but not a short
    function word such as "zur"), that headline is the title. A best line printed twice or
    quoted elsewhere is the page's own headline: it stays."""
    if any(best.signals.get(s) for s in ("header_below", "repeated", "echoed")):
        return None
    for d in range(best.index - 1, max(lo, best.index - WINDOW) - 1, -1):
        if lines[d].label not in ("date", "byline"):
            continue
        for i in range(d - 1, max(lo, d - _HEADER_REACH) - 1, -1):
            line = lines[i]
            if (title_shaped(line) and not field_value(lines, i)
                    and not _between_headlines(lines, i)
                    and any(topic.telling(s) for s in set(topic.stems(line.text)) & lede)):
                return Title(index=i, text=line.text, share=best.share)
        return None  # the nearest header has no headline about the story
    return None


def _between_headlines(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` sits inside a run of headlines: title-shaped lines right above and
    right below it (a sidebar's or a "Most read" box's items)."""
    return 0 < i < len(lines) - 1 and title_shaped(lines[i - 1]) and title_shaped(lines[i + 1])


def _title_lines_above(lines: list[Line], start: int, lo: int) -> list[int]:
    """The title-shaped lines within reach above the body (not a labelled field's value)."""
    return [i for i in range(max(lo, start - REACH), start)
            if title_shaped(lines[i]) and not field_value(lines, i)]


def _by_layout(lines: list[Line], above: list[int], start: int) -> Title | None:
    """With no headline that shares the body's words: the one the layout points at.

    That is a title-shaped line with a byline or date line just below it, a few lines above
    the body (over a sub-headline that sits right above the body: headline, date, sub-headline,
    body), else the title-shaped line right above the body.
    """
    near = [i for i in reversed(above) if start - i <= _LAYOUT_REACH]
    for i in near:
        if any(b.label in ("date", "byline") for b in lines[i + 1 : i + 4]):
            return Title(index=i, text=lines[i].text, share=0.0)
    if near and start - near[0] == 1:
        return Title(index=near[0], text=lines[near[0]].text, share=0.0)
    return None


def short_headline(lines: list[Line], i: int) -> bool:
    """A two-word headline ("About bugs") printed once, right over its date or byline line:
    too short to be told from a menu item by its shape, so only its header vouches for it."""
    line = lines[i]
    words = [w for w in line.text.split() if _LETTERS_RE.search(w)]
    return (len(words) == _MIN_WORDS - 1 and line.copies == 1 and line.label not in _NOT_TITLES
            and not line.text.endswith((":", ",", ";")) and i + 1 < len(lines)
            and lines[i + 1].label in ("date", "byline") and not field_value(lines, i))


def headline_like(text: str) -> bool:
    """A body's first line may be its title when it reads as one: short, no full stop."""
    return len(text.split()) <= 25 and (not _full_stop(text) or title_case(text))


def _full_stop(text: str) -> bool:
    return text.rstrip("\"”’'").endswith(".")


def _lede_below(lines: list[Line], i: int, start: int, lede: set[str]) -> set[str]:
    """The body's lede, with the prose between the candidate and the body (a standfirst)."""
    between = [lines[k].text for k in range(i + 1, start) if lines[k].label in ("prose", "repeat")]
    return lede | set(topic.stems(" ".join(between)))


def _lede_after(lines: list[Line], rows: list[int], i: int) -> set[str]:
    later = [lines[r].text for r in rows if r > i][:4]
    return set(topic.stems(" ".join(later)))


def _enough(own: set[str], shared: set[str], share: float, evidence: float) -> bool:
    needed = 3 if own and all(len(s) == 2 for s in own) else 2  # CJK pairs say less each
    return len(shared) >= needed and (share >= _MIN_SHARE or evidence >= _MIN_EVIDENCE)


def _layout_signals(lines: list[Line], i: int, start: int) -> dict[str, float]:
    """Position and layout signals: near the body, printed twice, a byline or date below."""
    line = lines[i]
    header_below = any(b.label in ("date", "byline") for b in lines[i + 1 : i + 5])
    return {
        "distance": min(abs(start - i), WINDOW) / WINDOW,
        "repeated": float((line.copies > 1 or line.label == "dup") and line.copies < PRINTED_OFTEN),
        "printed_often": float(line.copies >= PRINTED_OFTEN),
        "header_below": float(header_below),
        # One of a run of headlines, not over its own byline or date: a list.
        "list_item": float(line.label == "list" and not any(
            b.label in ("date", "byline") for b in lines[i + 1 : i + 1 + _HEADER_REACH])),
        "title_case": float(title_case(line.text)),
        "full_stop": float(not title_case(line.text) and _full_stop(line.text)),
        "inside": float(i >= start),
        "echoed": float(_echoed(lines, i)),
    }


def _echoed(lines: list[Line], i: int) -> bool:
    """Whether the line is quoted whole inside a longer line of the page: a share widget
    ("Share All sharing options for: ..."), the tab's title ("... - Site")."""
    text = clean_title(lines[i].text)
    if len(text.split()) < _ECHO_WORDS:
        return False
    own = lines[i].text
    return any(text in other.text and len(other.text) > len(text) and other.text != own
               for other in lines)


def clean_title(title: str) -> str:
    """Strip site names, bylines, buttons and decoration from a title line ("Story | Site" ->
    "Story")."""
    parts = [part.strip() for piece in _ICON_LIGATURE_RE.split(title)
             for part in SITE_SEPARATOR_RE.split(piece) if part.strip()]
    clean = [part for part in parts if not patterns().spam.search(part)] or parts
    title = max(clean, key=len) if clean else title
    title = _without_dashed_site(_without_trailing_date(title))
    byline = _TRAILING_BYLINE_RE.search(title)
    if byline and len(title[: byline.start()].split()) >= _MIN_WORDS:
        title = title[: byline.start()]  # "Story by Jane Doe": the page set the byline inline
    title = re.sub(r"\s+", " ", patterns().spam.sub(" ", title)).strip(" -–—|•·*#~=_:")
    if title.count("«") != title.count("»"):  # a quoted headline keeps its quotes
        title = title.strip(" «»")
    return title


def _without_trailing_date(title: str) -> str:
    """ "Story by Jane Doe — November 18, 2019" -> "Story by Jane Doe": the page set the
    byline's date on the headline's line."""
    match = _TRAILING_SEPARATOR_RE.search(title)
    while match:
        tail = title[match.end():].strip()
        if not pubdate.DATE_RE.fullmatch(tail):
            return title
        title = title[: match.start()]
        match = _TRAILING_SEPARATOR_RE.search(title)
    return title


def _without_dashed_site(title: str) -> str:
    """ "Story - Site Name" -> "Story": a short suffix after a spaced dash that is a name
    (every word capitalised) or a domain. "Talks resume - live updates" keeps its suffix."""
    match = _DASHED_SUFFIX_RE.search(title)
    if not match or len(title[: match.start()].split()) < _MIN_WORDS + 1:
        return title
    words = match.group("site").split()
    if any("." in word for word in words) or all(word[0].isupper() for word in words):
        return title[: match.start()]
    return title
