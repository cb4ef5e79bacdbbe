"""Attributions: content a text gives to a source, the cue words, and reported speech.

An :class:`Attribution` says who (the source span) said what (the content span)
with which cue ("said", "denied", "according to"), and what kind of claim that
makes ("say", "deny", "confirm", "unconfirmed", "according_to"). This module
holds the record, the cue lexicon (``data/lexicon/speech_verbs.yaml``, so
analysts can extend it), what every attribution is built from (the cue verb, its
speaker, its content clause) and the indirect reports found from the dependency
parse: X said (that) S; S, X said; according to X, S; X's readout stated S; it was
announced that S. Direct quotes, in quote marks, are :mod:`diplograph.coding.quotes`.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Span, Token

from diplograph.coding.parse import doc_text
from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file

logger = logging.getLogger(__name__)

LEXICON_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "speech_verbs.yaml"

KINDS = ("say", "deny", "confirm", "unconfirmed", "according_to")
_CLASS_TO_KIND = {"report": "say", "speech_act": "say", "deny": "deny", "confirm": "confirm"}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Children of a speaker noun that do not belong to the speaker span.
_SPEAKER_DROP_DEPS = {"relcl", "acl", "punct", "cc", "conj", "advcl"}
_TRAIL_PUNCT = " \t\n,;:—–-"
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
        data = load_yaml_file(path)
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


def attribution_for(
    doc: Doc, attributions: list[Attribution], token: Token
) -> Attribution | None:
    """The innermost attribution whose content span covers the token (an event trigger), if any."""
    start = token.idx
    covering = [a for a in attributions if a.content_start <= start < a.content_end]
    if not covering:
        return None
    return min(covering, key=lambda a: (a.content_end - a.content_start, not a.direct))


def attribution_chain(
    doc: Doc, attributions: list[Attribution], token: Token
) -> list[Attribution]:
    """The reports that carry a token (an event trigger), outermost first.

    The innermost is :func:`attribution_for`'s; each one out is an attribution whose content
    covers the cue of the one inside it ("A said B told C that X met Y": A's report, then
    B's). A report whose cue is the token itself ("Russia WARNED ...") does not carry it.
    """
    start = token.idx
    covering = [a for a in attributions if a.content_start <= start < a.content_end
                and not a.cue_start <= start < a.cue_end]
    if not covering:
        return []
    covering.sort(key=lambda a: (a.content_end - a.content_start, not a.direct))
    chain = [covering[0]]
    for att in covering[1:]:
        cue = chain[-1].cue_start
        if att.cue_start != cue and att.content_start <= cue < att.content_end:
            chain.append(att)
    return chain[::-1]


def event_chain(
    doc: Doc, attributions: list[Attribution], token: Token
) -> list[Attribution]:
    """The reports that carry an event whose trigger is ``token``, outermost first.

    Those of :func:`attribution_chain`, and the trigger's own report when the event is read
    off a neutral report verb (:func:`own_report`): "France SAID Israel's decision was a
    mistake" is a criticism that exists only as what France said, so it is reported,
    claimed by France (SPEC §4 ``status``), as the same criticism told as "France said it
    criticised Israel" would be. An outer report that is not a plain one keeps its say
    ("DENIED saying Israel's decision was a mistake": the denial decides the status).
    """
    chain = attribution_chain(doc, attributions, token)
    own = own_report(attributions, token)
    if own is None or (chain and chain[-1].kind != "say"):
        return chain
    return [*chain, own]


def own_report(attributions: list[Attribution], token: Token) -> Attribution | None:
    """The report whose cue is ``token``, where the token is a neutral report verb (class
    ``report`` of speech_verbs.yaml: "said", "told", "added", "declared") that passes on a
    finite clause or a quotation: what the clause says is the report's content, not an act
    of the verb's own. A speech act is the act itself ("ACCUSED Russia of", "WARNED", "CLAIMED
    that": class ``speech_act``, asserted), and so is a directive ("ASKED Moscow TO leave")."""
    if load_lexicon().cue_class(token.lemma_) != "report":
        return None
    own = next((a for a in attributions if a.cue_start == token.idx and a.kind == "say"), None)
    if own is None or not (own.direct or _finite_clause(token)):
        return None
    return own


def _finite_clause(verb: Token) -> bool:
    """Whether the verb governs a finite clausal complement ("said THAT Russia HAD rigged"),
    not an infinitive ("told Kyiv TO withdraw")."""
    return any(c.dep_ == "ccomp" and not any(a.dep_ == "aux" and a.lower_ == "to"
                                             for a in c.children) for c in verb.children)


def speaker_text(doc: Doc, att: Attribution) -> str | None:
    """The words of the speaker span, for the actor resolver; None when there is none."""
    if not att.has_source:
        return None
    return doc_text(doc)[att.source_start : att.source_end]


# --------------------------------------------------------------------------- indirect


def indirect_attributions(doc: Doc, lex: SpeechLexicon) -> list[Attribution]:
    """Reports found from the parse: a cue verb and the content it governs, "according to X"."""
    found: list[Attribution] = []
    for tok in doc:
        att = None
        if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            att = _according_to(doc, tok)
        elif is_cue_verb(tok, lex):
            content = _verb_content(doc, tok, lex)
            if content is not None:
                att = make_attribution(doc, tok, content, direct=False, lex=lex)
        if att is not None:
            found.append(att)
    return found


def _verb_content(doc: Doc, verb: Token, lex: SpeechLexicon) -> tuple[int, int] | None:
    """The content a cue verb governs: its clause, its object, or its host clause."""
    children = content_children(verb, lex)
    if children:
        start = min(c.left_edge.idx for c in children)
        last = max(c.right_edge for c in children)
        end = min([last.idx + len(last), *(_contrast_start(c) for c in children)])
        return trim_span(doc_text(doc), start, end)
    # "The talks were productive, the Kremlin said" parsed with `said` as parataxis.
    if verb.dep_ == "parataxis" and cue_subject(verb) is not None:
        head = verb.head
        end = verb.left_edge.idx
        start = head.left_edge.idx
        if start < end:
            return trim_span(doc_text(doc), start, end)
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


def content_children(verb: Token, lex: SpeechLexicon) -> list[Token]:
    """The children of a cue verb that hold what was said (its clause, or its object)."""
    entry = lex.verbs.get(verb.lemma_.lower(), {})
    kids = [c for c in verb.children if c.dep_ in ("ccomp", "csubjpass")]
    if kids:
        return kids
    # "refused to comment ON REPORTS that ...": a claim the cue verb speaks of
    claims = [p for c in verb.children if c.dep_ == "prep" for p in c.children
              if p.dep_ == "pobj" and p.lemma_.lower() in lex.claim_nouns]
    if claims:
        return claims
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
        start = doc[phrase_end].idx if phrase_end < len(doc) else sent.end_char
        content = trim_span(doc_text(doc), start, sent.end_char)
    elif phrase_end >= sent.end - 1:
        content = trim_span(doc_text(doc), sent.start_char, according.idx)
    else:
        content = trim_span(doc_text(doc), sent.start_char, sent.end_char)
    if content is None:
        return None
    src = _span_chars(_speaker_span(source)) if source is not None else (-1, -1)
    return Attribution(
        source_start=src[0], source_end=src[1],
        cue_start=according.idx, cue_end=to.idx + len(to), cue="according to",
        content_start=content[0], content_end=content[1],
        direct=False, kind="according_to",
    )


# --------------------------------------------------------------------------- cues and speakers


def is_cue_verb(tok: Token, lex: SpeechLexicon) -> bool:
    """A verb of the speech lexicon ("said", "denied", "told")."""
    return tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lex.verbs


def cue_subject(verb: Token, inside: tuple[int, int] = (-1, -1)) -> Token | None:
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
        if tok.dep_ not in ("advcl", "xcomp", "conj", "acl", "pcomp", "prep", "pobj", "acomp"):
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
    """say / deny / confirm, or unconfirmed when a report, confirmation or denial is
    withheld ("neither confirmed nor denied", "declined to comment", "could not say")."""
    cls = lex.cue_class(verb.lemma_) or "report"
    kind = _CLASS_TO_KIND[cls]
    if cls == "speech_act":
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


def make_attribution(
    doc: Doc, cue: Token, content: tuple[int, int], *, direct: bool, lex: SpeechLexicon
) -> Attribution:
    """The attribution of ``content`` to the speaker of ``cue``, with the cue's kind."""
    subj = cue_subject(cue, content if direct else (-1, -1))
    src = _span_chars(_speaker_span(subj)) if subj is not None else (-1, -1)
    return Attribution(
        source_start=src[0], source_end=src[1],
        cue_start=cue.idx, cue_end=cue.idx + len(cue), cue=cue.lemma_.lower(),
        content_start=content[0], content_end=content[1],
        direct=direct, kind=_kind(cue, lex),
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Strip whitespace and dangling separators; None when nothing is left."""
    while start < end and text[start] in _TRAIL_PUNCT:
        start += 1
    while end > start and text[end - 1] in _TRAIL_PUNCT:
        end -= 1
    return (start, end) if start < end else None


__all__ = [
    "KINDS", "LEXICON_PATH", "Attribution", "SpeechLexicon", "attribution_chain", "attribution_for",
    "content_children",
    "cue_subject", "event_chain", "indirect_attributions", "is_cue_verb", "load_lexicon",
    "make_attribution", "own_report",
    "speaker_text", "trim_span",
]
