"""Quotes and attribution: who said what (issue #5, SPEC §4 ``quote``, ``claimed_by``).

``find_attributions`` reads one parsed article and returns every attribution in it:

- direct quotes, found from the quote marks ("...," Carney said / Carney said: "..."),
  including multi-sentence quotes and quotes whose speaker is named in a nearby
  sentence or quote fragment;
- indirect reports, found from the dependency parse (X said (that) S; S, X said;
  according to X, S; X's readout stated S; it was announced that S).

The event coder calls ``attribution_for`` for each event trigger: an event inside an
attribution's content is ``reported`` (or ``denied`` / ``unconfirmed`` by the
attribution's ``kind``) and ``claimed_by`` its speaker. The cue words live in
``data/lexicon/speech_verbs.yaml`` so analysts can extend them.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml
from diplograph.records import ActorRef, Quote

logger = logging.getLogger(__name__)

LEXICON_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "speech_verbs.yaml"

KINDS = ("say", "deny", "confirm", "unconfirmed", "according_to")
_CLASS_TO_KIND = {"report": "say", "speech_act": "say", "deny": "deny", "confirm": "confirm"}

# Opening mark -> closing marks it accepts. Straight quotes close themselves.
_OPEN_CLOSE = {"“": "”\"", '"': '"”', "„": "“”\"", "«": "»", "‘": "’"}
# Quotes longer than this are scraping accidents, not quotations.
MAX_QUOTE_CHARS = 2000
# How many tokens may separate a quote from its cue verb ("," Carney told reporters on Tuesday).
_CUE_WINDOW = 10
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Children of a speaker noun that do not belong to the speaker span.
_SPEAKER_DROP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "advcl"}
_TRAIL_PUNCT = " \t\n,;:—–-"
_NP_POS = {"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON"}
_COMPLEMENT_DEPS = {"dobj", "dative", "xcomp", "pcomp", "prep", "oprd", "attr", "acomp"}
_CONTRAST = {"but", "while", "whereas", "yet"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    """Content attributed to a source by a cue, as character offsets into ``doc.text``."""

    source_start: int  # speaker span, or -1 when the text names none
    source_end: int
    cue_start: int
    cue_end: int
    cue: str  # lemma of the cue word(s): "say", "deny", "according to"
    content_start: int  # the attributed content, without quote marks
    content_end: int
    direct: bool  # a quotation in quote marks
    kind: str  # "say", "deny", "confirm", "unconfirmed", "according_to"

    @property
    def has_source(self) -> bool:
        return self.source_start >= 0


@dataclass(frozen=True, slots=True)
class SpeechLexicon:
    """The cue lexicon: verb lemma -> class, plus the words that change a cue's kind."""

    verbs: dict[str, dict[str, Any]]
    claim_nouns: frozenset[str]
    withholding_verbs: frozenset[str]

    def cue_class(self, lemma: str) -> str | None:
        """"report", "speech_act", "deny" or "confirm" for a cue lemma, else None."""
        entry = self.verbs.get(lemma.lower())
        return entry["class"] if entry else None


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> SpeechLexicon:
    """Load (once) the speech-verb lexicon.

    Raises:
        KnowledgeError: the file is missing or malformed.
    """
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
        verbs = {str(k).lower(): dict(v) for k, v in data["verbs"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise KnowledgeError(f"{path}: cannot read the speech-verb lexicon ({exc})") from exc
    bad = sorted(k for k, v in verbs.items() if v.get("class") not in _CLASS_TO_KIND)
    if bad:
        raise KnowledgeError(f"{path}: verbs without a known class: {', '.join(bad)}")
    return SpeechLexicon(
        verbs=verbs,
        claim_nouns=frozenset(data.get("claim_nouns", ())),
        withholding_verbs=frozenset(data.get("withholding_verbs", ())),
    )


# spaCy rebuilds Doc.text from the tokens on every access; find_attributions keeps one copy
# per Doc while it runs.
_TEXTS: dict[int, str] = {}


def _text(doc: Doc) -> str:
    return _TEXTS.get(id(doc)) or doc.text


# --------------------------------------------------------------------------- public API


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
    _TEXTS[id(doc)] = doc.text
    try:
        return _find_attributions(doc)
    finally:
        _TEXTS.pop(id(doc), None)


def _find_attributions(doc: Doc) -> list[Attribution]:
    lex = load_lexicon()
    direct = _direct_attributions(doc, lex)
    used_cues = {a.cue_start for a in direct if a.cue_start >= 0}
    quote_spans = [(s.start, s.end) for s in _quote_spans(_text(doc))]
    paragraphs = _paragraphs(_text(doc))
    indirect = []
    for att in _indirect_attributions(doc, lex):
        att = _clip(_text(doc), att, quote_spans, paragraphs)
        if att is not None and att.cue_start not in used_cues and not _same_as_quote(att, direct):
            indirect.append(att)
    found = sorted(direct + indirect, key=lambda a: (a.content_start, a.content_end))
    logger.debug("%d attributions (%d direct)", len(found), len(direct))
    return found


def attribution_for(
    doc: Doc, attributions: list[Attribution], token: Token
) -> Attribution | None:
    """The innermost attribution whose content span covers the token (an event trigger), if any."""
    start = token.idx
    covering = [a for a in attributions if a.content_start <= start < a.content_end]
    if not covering:
        return None
    return min(covering, key=lambda a: (a.content_end - a.content_start, not a.direct))


def to_quote(doc: Doc, att: Attribution, speaker: ActorRef | None) -> Quote:
    """records.Quote for a direct attribution (text, offsets, speaker, cue)."""
    return Quote(
        text=_text(doc)[att.content_start : att.content_end],
        start=att.content_start,
        end=att.content_end,
        speaker=speaker,
        cue=att.cue or None,
    )


def speaker_text(doc: Doc, att: Attribution) -> str | None:
    """The words of the speaker span, for the actor resolver; None when there is none."""
    if not att.has_source:
        return None
    return _text(doc)[att.source_start : att.source_end]


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
    text = _text(doc)
    index = _TokenIndex(doc)
    spans = [s for s in _quote_spans(text) if text[s.start : s.end].strip()]
    found: list[Attribution | None] = [_quote_with_cue(doc, index, s, lex) for s in spans]
    _inherit_speakers(doc, spans, found)
    return [a for a in found if a is not None]


def _quote_with_cue(
    doc: Doc, index: _TokenIndex, span: _QuoteSpan, lex: SpeechLexicon
) -> Attribution | None:
    """The attribution of a quote whose cue verb sits right after or right before it."""
    content = _trim(_text(doc), span.start, span.end)
    if content is None:
        return None
    after = _cue_after(doc, index, span, lex)
    cue = after or _cue_before(doc, index, span, lex)
    if cue is None:
        return None
    att = _make(doc, cue, content, direct=True, lex=lex)
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
    inner_end = _text(doc)[span.start : span.end].rstrip(" '’\"”")[-1:]
    # A scare quote inside narrative ("called it “a disaster” and said") has no cue.
    if inner_end not in ",.?!…—–-" and _next_nonspace(_text(doc), span.end + 1) != ",":
        return None
    first = index.after(span.end + 1)
    if first >= len(doc):
        return None
    # "The talks failed." Carney said nothing else. -> a new sentence, not a cue.
    if inner_end == "." and doc[first].is_sent_start and doc[first].text[:1].isupper():
        after_para = _next_nonspace(_text(doc), span.end + 1)
        if after_para != ",":
            return _speaker_first_cue(doc, first, lex)
    for tok in doc[first : first + _CUE_WINDOW]:
        if tok.text in _OPEN_CLOSE or tok.text in "”\"." or "\n" in tok.text:
            break
        if _is_cue_verb(tok, lex):
            return tok
    return None


def _speaker_first_cue(doc: Doc, first: int, lex: SpeechLexicon) -> Token | None:
    """"We are ready." Carney said. — a short sentence that is only a speaker and a cue."""
    sent = doc[first].sent
    cues = [t for t in sent if _is_cue_verb(t, lex)]
    if len(sent) <= 8 and cues and not _content_children(cues[0], lex):
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
    if sep.text not in {":", ",", "—", "–"} and not _is_cue_verb(sep, lex):
        return None
    lo = max(doc[j].sent.start, j - _CUE_WINDOW)
    for tok in reversed(doc[lo : j + 1]):
        if tok.text in "”\"" or ("\n" in tok.text and tok.i != j):
            break
        if _is_cue_verb(tok, lex):
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
        if found[i] is not None or not _looks_like_speech(_text(doc), span):
            continue
        content = _trim(_text(doc), span.start, span.end)
        if content is None:
            continue
        donor = _donor(spans, found, i)
        if donor is not None:
            found[i] = _with_content(donor, content)
            continue
        # Carney spoke to reporters on Tuesday. "We will not be intimidated."
        cue = _previous_sentence_cue(doc, index, span, lex)
        if cue is not None:
            found[i] = _make(doc, cue, content, direct=True, lex=lex)


def _previous_sentence_cue(
    doc: Doc, index: _TokenIndex, span: _QuoteSpan, lex: SpeechLexicon
) -> Token | None:
    """The last cue verb with a named subject in the sentence just before a quote."""
    j = index.after(span.start - 1) - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text not in {".", "!", "?", ":"}:
        return None
    cues = [t for t in doc[j].sent if _is_cue_verb(t, lex) and _subject(t) is not None]
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


# --------------------------------------------------------------------------- indirect


def _indirect_attributions(doc: Doc, lex: SpeechLexicon) -> list[Attribution]:
    found: list[Attribution] = []
    for tok in doc:
        att = None
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            att = _according_to(doc, tok)
        elif _is_cue_verb(tok, lex):
            content = _verb_content(doc, tok, lex)
            if content is not None:
                att = _make(doc, tok, content, direct=False, lex=lex)
        if att is not None:
            found.append(att)
    return found


def _verb_content(doc: Doc, verb: Token, lex: SpeechLexicon) -> tuple[int, int] | None:
    """The content a cue verb governs: its clause, its object, or its host clause."""
    children = _content_children(verb, lex)
    if children:
        start = min(c.left_edge.idx for c in children)
        last = max(c.right_edge for c in children)
        end = min([last.idx + len(last), *(_contrast_start(c) for c in children)])
        return _trim(_text(doc), start, end)
    # "The talks were productive, the Kremlin said" parsed with `said` as parataxis.
    if verb.dep_ == "parataxis" and _subject(verb) is not None:
        head = verb.head
        end = verb.left_edge.idx
        start = head.left_edge.idx
        if start < end:
            return _trim(_text(doc), start, end)
    return None


def _contrast_start(clause: Token) -> int:
    """Where a ", but <new clause>" tacked onto reported content starts (the narrator's voice).

    "Clinton says the mails were personal, but for Republicans it is a smoking gun."
    Returns a large number when there is none.
    """
    for conj in clause.children:
        if conj.dep_ != "conj" or not any(c.dep_ in _SUBJECT_DEPS for c in conj.children):
            continue
        for cc in clause.children:
            if cc.dep_ == "cc" and cc.lower_ in _CONTRAST and cc.i < conj.i and cc.i > clause.i:
                if cc.i > 0 and cc.doc[cc.i - 1].text == ",":
                    return cc.doc[cc.i - 1].idx
    return 1 << 60


def _content_children(verb: Token, lex: SpeechLexicon) -> list[Token]:
    entry = lex.verbs.get(verb.lemma_.lower(), {})
    kids = [c for c in verb.children if c.dep_ in ("ccomp", "csubjpass")]
    if kids:
        return kids
    if entry.get("complement_content"):
        return [c for c in verb.rights if c.dep_ in _COMPLEMENT_DEPS]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "pcomp")]
    if entry.get("denial_object"):
        return [o for o in objects if o.lemma_.lower() in lex.claim_nouns]
    if entry.get("object_content"):
        return objects
    return []


def _according_to(doc: Doc, according: Token) -> Attribution | None:
    """According to X, S / S, according to X."""
    to = next(c for c in according.children if c.lower_ == "to")
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    sent = according.sent
    phrase_start, phrase_end = according.left_edge.i, according.right_edge.i + 1
    if phrase_start <= sent.start + 1:
        content = _trim(_text(doc), doc[phrase_end].idx if phrase_end < len(doc) else sent.end_char,
                        sent.end_char)
    elif phrase_end >= sent.end - 1:
        content = _trim(_text(doc), sent.start_char, according.idx)
    else:
        content = _trim(_text(doc), sent.start_char, sent.end_char)
    if content is None:
        return None
    src = _span_chars(_speaker_span(source)) if source is not None else (-1, -1)
    return Attribution(
        source_start=src[0], source_end=src[1],
        cue_start=according.idx, cue_end=to.idx + len(to), cue="according to",
        content_start=content[0], content_end=content[1],
        direct=False, kind="according_to",
    )


# --------------------------------------------------------------------------- shared helpers


def _is_cue_verb(tok: Token, lex: SpeechLexicon) -> bool:
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.verbs


def _subject(verb: Token, inside: tuple[int, int] = (-1, -1)) -> Token | None:
    """The speaker of a cue verb, climbing through "adding that", "and added", "quoted as saying".

    Subjects within ``inside`` (the quote itself) are not the speaker: the parser
    sometimes takes a word of the quotation as the subject of the cue verb.
    """
    tok: Token | None = verb
    for _ in range(4):
        if tok is None:
            return None
        subj = next(
            (c for c in tok.children
             if c.dep_ in _SUBJECT_DEPS and not inside[0] <= c.idx < inside[1]),
            None,
        )
        if subj is not None:
            return None if subj.lower_ in ("it", "there") and subj.dep_ == "nsubjpass" else subj
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        if tok.dep_ not in ("advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj"):
            return None
        tok = tok.head
    return None


def _speaker_span(head: Token) -> Span:
    """The speaker noun phrase: the subject's subtree without relative clauses or conjuncts."""
    doc = head.doc
    start, end = head.left_edge.i, head.right_edge.i + 1
    for child in head.rights:
        if child.dep_ in _SPEAKER_DROP_DEPS:
            end = min(end, child.left_edge.i)
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def _span_chars(span: Span) -> tuple[int, int]:
    return span.start_char, span.end_char


def _kind(verb: Token, lex: SpeechLexicon) -> str:
    """say / deny / confirm, or unconfirmed when a confirmation or denial is withheld."""
    cls = lex.cue_class(verb.lemma_) or "report"
    kind = _CLASS_TO_KIND[cls]
    if kind not in ("deny", "confirm"):
        return kind
    if _withheld(verb, lex):
        return "unconfirmed"
    return kind


def _withheld(verb: Token, lex: SpeechLexicon) -> bool:
    """Neither confirmed nor denied; declined to confirm; could not verify; did not deny."""
    related = [verb, *([verb.head] if verb.dep_ in ("conj", "xcomp") else [])]
    for tok in related:
        if any(c.dep_ == "neg" or c.lower_ in ("neither", "nor") for c in tok.children):
            return True
        if tok is not verb and tok.lemma_.lower() in lex.withholding_verbs:
            return True
        if tok is not verb and tok.lemma_.lower() in ("confirm", "deny", "verify"):
            # "neither confirmed nor denied": the shared head carries the "neither".
            if any(c.lower_ in ("neither", "nor") for c in tok.children):
                return True
    return False


def _make(
    doc: Doc, cue: Token, content: tuple[int, int], *, direct: bool, lex: SpeechLexicon
) -> Attribution:
    subj = _subject(cue, content if direct else (-1, -1))
    src = _span_chars(_speaker_span(subj)) if subj is not None else (-1, -1)
    return Attribution(
        source_start=src[0], source_end=src[1],
        cue_start=cue.idx, cue_end=cue.idx + len(cue), cue=cue.lemma_.lower(),
        content_start=content[0], content_end=content[1],
        direct=direct, kind=_kind(cue, lex),
    )


def _with_source(att: Attribution, source: tuple[int, int]) -> Attribution:
    return dataclasses.replace(att, source_start=source[0], source_end=source[1])


def _with_content(donor: Attribution, content: tuple[int, int]) -> Attribution:
    return dataclasses.replace(
        donor, content_start=content[0], content_end=content[1], direct=True
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip whitespace and dangling separators; None when nothing is left."""
    while start < end and text[start] in _TRAIL_PUNCT:
        start += 1
    while end > start and text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    return (start, end) if start < end else None


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
    trimmed = _trim(text, lo, hi)
    if trimmed is None:
        return None
    if trimmed == (att.content_start, att.content_end):
        return att
    return dataclasses.replace(att, content_start=trimmed[0], content_end=trimmed[1])
