"""Direct quotes: text in quote marks, its cue verb and its speaker (SPEC §4 ``quote``).

``find_attributions`` reads one parsed article and returns every attribution in it:

- direct quotes, found from the quote marks ("...," Carney said / Carney said: "..."),
  including multi-sentence quotes and quotes whose speaker is named in a nearby
  sentence or quote fragment (this module);
- indirect reports, found from the dependency parse (X said (that) S; S, X said;
  according to X, S; X's readout stated S; it was announced that S), in
  :mod:`diplograph.coding.attribution`, which also holds the record and the cues.

The event coder calls ``attribution_for`` for each event trigger: an event inside an
attribution's content is ``reported`` (or ``denied`` / ``unconfirmed`` by the
attribution's ``kind``) and ``claimed_by`` its speaker; ``to_quote`` turns a direct
one into the event's ``quote``.
"""

from __future__ import annotations

import bisect
import dataclasses
import logging
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from diplograph.coding.attribution import (
    Attribution,
    SpeechLexicon,
    attribution_chain,
    attribution_for,
    content_children,
    cue_subject,
    indirect_attributions,
    is_cue_verb,
    load_lexicon,
    make_attribution,
    speaker_text,
    trim_span,
)
from diplograph.coding.parse import doc_text
from diplograph.records import ActorRef, Quote

logger = logging.getLogger(__name__)

# Opening mark -> closing marks it accepts. Straight quotes close themselves.
_OPEN_CLOSE = {"“": "”\"", '"': '"”', "„": "“”\"", "«": "»", "‘": "’"}
# Quotes longer than this are scraping accidents, not quotations.
MAX_QUOTE_CHARS = 2000
# How many tokens may separate a quote from its cue verb ("," Carney told reporters on Tuesday).
_CUE_WINDOW = 10
_NP_POS = {"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON"}


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions in an article.

    Direct quotes ("...," Carney said / Carney said: "...") including multi-sentence
    quotes and quotes whose speaker is in the previous/next sentence, and indirect
    reports (X said (that) S; S, X said; according to X, S; X's readout stated S).
    Content spans exclude the quote marks.

    Args:
        doc: the parsed article (one spaCy Doc over the article's cleaned text).

    Returns:
        Attributions sorted by content start.
    """
    lex = load_lexicon()
    direct = _direct_attributions(doc, lex)
    used_cues = {a.cue_start for a in direct if a.cue_start >= 0}
    text = doc_text(doc)
    quote_spans = [(s.start, s.end) for s in _quote_spans(text)]
    paragraphs = _paragraphs(text)
    indirect = []
    for att in indirect_attributions(doc, lex):
        att = _clip(text, att, quote_spans, paragraphs)
        if att is not None and att.cue_start not in used_cues and not _same_as_quote(att, direct):
            indirect.append(att)
    found = sorted(direct + indirect, key=lambda a: (a.content_start, a.content_end))
    logger.debug("%d attributions (%d direct)", len(found), len(direct))
    return found


def to_quote(doc: Doc, att: Attribution, speaker: ActorRef | None) -> Quote:
    """records.Quote for a direct attribution (text, offsets, speaker, cue)."""
    return Quote(
        text=doc_text(doc)[att.content_start : att.content_end],
        start=att.content_start,
        end=att.content_end,
        speaker=speaker,
        cue=att.cue or None,
    )


# --------------------------------------------------------------------------- direct quotes


@dataclass(frozen=True, slots=True)
class _QuoteSpan:
    """A pair of quote marks: content offsets (marks excluded) and its paragraph."""

    start: int  # first char after the opening mark
    end: int  # the closing mark (or the paragraph end when unclosed)
    para: int  # paragraph number
    closed: bool


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line: quotes never cross a paragraph boundary."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]


def _quote_spans(text: str) -> list[_QuoteSpan]:
    """Pair the quote marks of each paragraph; a stray mark cannot swallow the article."""
    spans: list[_QuoteSpan] = []
    for number, (p_start, p_end) in enumerate(_paragraphs(text)):
        spans.extend(_pair_marks(text, p_start, p_end, number))
    return spans


def _is_opening(text: str, i: int) -> bool:
    """A mark at i opens a quote when it is not glued to the word before it."""
    mark = text[i]
    if mark in "“„«":
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if mark == "‘":
        return not before.isalnum() and after.isalnum()
    return not before.isalnum() and not after.isspace()  # straight '"'


def _is_closing(text: str, i: int, opener: str) -> bool:
    mark = text[i]
    if mark not in _OPEN_CLOSE[opener]:
        return False
    if mark == "’":  # also the apostrophe: "don’t", "Russia’s"
        after = text[i + 1] if i + 1 < len(text) else " "
        return not after.isalnum()
    return True


def _pair_marks(text: str, p_start: int, p_end: int, para: int) -> list[_QuoteSpan]:
    spans: list[_QuoteSpan] = []
    i = p_start
    while i < p_end:
        ch = text[i]
        if ch in _OPEN_CLOSE and _is_opening(text, i):
            close = _find_close(text, i, p_end)
            if close is None:
                # Journalists open a quote that runs on into the next paragraph without
                # closing it; only a quote that opens the paragraph (or follows a colon)
                # may do that.
                if not text[p_start:i].strip() or text[p_start:i].rstrip().endswith(":"):
                    spans.append(_QuoteSpan(i + 1, p_end, para, closed=False))
                i += 1
                continue
            spans.append(_QuoteSpan(i + 1, close, para, closed=True))
            i = close + 1
            continue
        i += 1
    return spans


def _find_close(text: str, open_at: int, p_end: int) -> int | None:
    opener = text[open_at]
    limit = min(p_end, open_at + MAX_QUOTE_CHARS)
    for j in range(open_at + 1, limit):
        if _is_closing(text, j, opener):
            if j == open_at + 1:
                return None
            return j
    return None


class _TokenIndex:
    """Char offset -> token, for a Doc."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def after(self, char: int) -> int:
        """Index of the first token starting at or after char."""
        return bisect.bisect_left(self.starts, char)


def _direct_attributions(doc: Doc, lex: SpeechLexicon) -> list[Attribution]:
    text = doc_text(doc)
    index = _TokenIndex(doc)
    spans = [s for s in _quote_spans(text) if text[s.start : s.end].strip()]
    found: list[Attribution | None] = [_quote_with_cue(doc, index, s, lex) for s in spans]
    _inherit_speakers(doc, spans, found)
    return [a for a in found if a is not None]


def _quote_with_cue(
    doc: Doc, index: _TokenIndex, span: _QuoteSpan, lex: SpeechLexicon
) -> Attribution | None:
    """The attribution of a quote whose cue verb sits right after or right before it."""
    content = trim_span(doc_text(doc), span.start, span.end)
    if content is None:
        return None
    after = _cue_after(doc, index, span, lex)
    cue = after or _cue_before(doc, index, span, lex)
    if cue is None:
        return None
    att = make_attribution(doc, cue, content, direct=True, lex=lex)
    if after is not None and (not att.has_source or span.start <= att.source_start < span.end):
        # '"...," said the minister': the parser took a word inside the quote as subject.
        att = _with_source(att, _inverted_speaker(doc, cue))
    return att


def _inverted_speaker(doc: Doc, cue: Token) -> tuple[int, int]:
    """The noun phrase right after a cue verb ("said retired general Ann Lee"), or (-1, -1)."""
    start = cue.i + 1
    end = start
    while end < len(doc) and end - start < 8 and (
        doc[end].pos_ in _NP_POS or (doc[end].dep_ == "amod" and doc[end].pos_ == "VERB")
    ):
        end += 1
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[start:end]):
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    return (-1, -1)


def _cue_after(
    doc: Doc, index: _TokenIndex, span: _QuoteSpan, lex: SpeechLexicon
) -> Token | None:
    """"...," Carney said / "...," said the ministry in a statement."""
    if not span.closed:
        return None
    inner_end = doc_text(doc)[span.start : span.end].rstrip(" '’\"”")[-1:]
    # A scare quote inside narrative ("called it “a disaster” and said") has no cue.
    if inner_end not in ",.?!…—–-" and _next_nonspace(doc_text(doc), span.end + 1) != ",":
        return None
    first = index.after(span.end + 1)
    if first >= len(doc):
        return None
    # "The talks failed." Carney said nothing else. -> a new sentence, not a cue.
    if inner_end == "." and doc[first].is_sent_start and doc[first].text[:1].isupper():
        after_para = _next_nonspace(doc_text(doc), span.end + 1)
        if after_para != ",":
            return _speaker_first_cue(doc, first, lex)
    for tok in doc[first : first + _CUE_WINDOW]:
        if tok.text in _OPEN_CLOSE or tok.text in "”\"." or "\n" in tok.text:
            break
        if is_cue_verb(tok, lex):
            return tok
    return None


def _speaker_first_cue(doc: Doc, first: int, lex: SpeechLexicon) -> Token | None:
    """"We are ready." Carney said. — a short sentence that is only a speaker and a cue."""
    sent = doc[first].sent
    cues = [t for t in sent if is_cue_verb(t, lex)]
    if len(sent) <= 8 and cues and not content_children(cues[0], lex):
        return cues[0]
    return None


def _cue_before(
    doc: Doc, index: _TokenIndex, span: _QuoteSpan, lex: SpeechLexicon
) -> Token | None:
    """Carney said: "..." / Carney told reporters on Tuesday, "..."."""
    open_mark = span.start - 1
    j = index.after(open_mark) - 1
    while j >= 0 and doc[j].is_space:  # "Carney told reporters:\n“...”"
        j -= 1
    if j < 0:
        return None
    sep = doc[j]
    if sep.text not in {":", ",", "—", "–"} and not is_cue_verb(sep, lex):
        return None
    lo = max(doc[j].sent.start, j - _CUE_WINDOW)
    for tok in reversed(doc[lo : j + 1]):
        if tok.text in "”\"" or ("\n" in tok.text and tok.i != j):
            break
        if is_cue_verb(tok, lex):
            return tok
    return None


def _inherit_speakers(
    doc: Doc, spans: list[_QuoteSpan], found: list[Attribution | None]
) -> None:
    """Quote fragments without a cue take the speaker of a neighbouring fragment.

    "We are ready," he said. "We have always been ready."  -> the second fragment
    is his too; so is a paragraph-opening quote whose speaker comes in the next
    paragraph's fragment. Mid-sentence scare quotes are left alone.
    """
    index = _TokenIndex(doc)
    lex = load_lexicon()
    for i, span in enumerate(spans):
        if found[i] is not None or not _looks_like_speech(doc_text(doc), span):
            continue
        content = trim_span(doc_text(doc), span.start, span.end)
        if content is None:
            continue
        donor = _donor(spans, found, i)
        if donor is not None:
            found[i] = _with_content(donor, content)
            continue
        # Carney spoke to reporters on Tuesday. "We will not be intimidated."
        cue = _previous_sentence_cue(doc, index, span, lex)
        if cue is not None:
            found[i] = make_attribution(doc, cue, content, direct=True, lex=lex)


def _previous_sentence_cue(
    doc: Doc, index: _TokenIndex, span: _QuoteSpan, lex: SpeechLexicon
) -> Token | None:
    """The last cue verb with a named subject in the sentence just before a quote."""
    j = index.after(span.start - 1) - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text not in {".", "!", "?", ":"}:
        return None
    cues = [t for t in doc[j].sent if is_cue_verb(t, lex) and cue_subject(t) is not None]
    return cues[-1] if cues else None


def _donor(spans: list[_QuoteSpan], found: list[Attribution | None], i: int) -> Attribution | None:
    para = spans[i].para
    prev = found[i - 1] if i > 0 else None
    nxt = found[i + 1] if i + 1 < len(found) else None
    if prev is not None and spans[i - 1].para == para:
        return prev
    if nxt is not None and spans[i + 1].para in (para, para + 1):
        return nxt
    if prev is not None and spans[i - 1].para == para - 1:
        return prev
    return None


def _looks_like_speech(text: str, span: _QuoteSpan) -> bool:
    """A full sentence or more in quote marks, opening a sentence: not a scare quote."""
    inner = text[span.start : span.end]
    before = text[: span.start - 1].rstrip(" \t")
    opens_sentence = not before or before[-1] in ".!?\n:”\"—"
    return opens_sentence and len(inner.split()) >= 4


# --------------------------------------------------------------------------- helpers


def _with_source(att: Attribution, source: tuple[int, int]) -> Attribution:
    return dataclasses.replace(att, source_start=source[0], source_end=source[1])


def _with_content(donor: Attribution, content: tuple[int, int]) -> Attribution:
    return dataclasses.replace(
        donor, content_start=content[0], content_end=content[1], direct=True
    )


def _next_nonspace(text: str, i: int) -> str:
    m = re.compile(r"\S").search(text, i)
    return m.group() if m else ""


def _same_as_quote(att: Attribution, direct: list[Attribution]) -> bool:
    """An indirect reading of a direct quote already found (same content, other cue token)."""
    return any(
        abs(att.content_start - d.content_start) <= 2 and abs(att.content_end - d.content_end) <= 2
        for d in direct
    )


def _clip(
    text: str,
    att: Attribution,
    quotes: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
) -> Attribution | None:
    """Keep an indirect content inside its cue's paragraph, and inside its cue's quote.

    The parser does not always split sentences at paragraph breaks or quote marks, so a
    parse subtree can run from "I think" inside a quote into the narrative after it.
    """
    lo, hi = att.content_start, att.content_end
    for bounds in (paragraphs, quotes):
        for start, end in bounds:
            if start <= att.cue_start < end:
                lo, hi = max(lo, start), min(hi, end)
                break
    trimmed = trim_span(text, lo, hi)
    if trimmed is None:
        return None
    if trimmed == (att.content_start, att.content_end):
        return att
    return dataclasses.replace(att, content_start=trimmed[0], content_end=trimmed[1])


__all__ = [
    "MAX_QUOTE_CHARS", "Attribution", "attribution_chain", "attribution_for", "find_attributions",
    "load_lexicon",
    "speaker_text", "to_quote",
]
