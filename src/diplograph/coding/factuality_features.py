"""The features of a predicate that the learned factuality correction weighs (SPEC §4).

The cue score knows which cues a predicate has; these features say how its sentence frames
it, in groups (the ablation of ``benchmarks/factuality_ablation.py`` drops one group at a
time):

- ``cues``: the kinds of its cues, or ``nocue``;
- ``syntax``: its tag and dependency;
- ``path``: the depth of its clause path and how each clause hangs from the one above;
- ``frame``: the preposition it is the object of ("calls FOR a withdrawal"), its
  determiner ("ANY war"); for an event noun, whether it stands bare, with no determiner,
  possessive or number ("TALKS collapsed": often a generic or indefinite event), and
  whether the verb it is the subject or object of is the event itself ("LAUNCHED an
  offensive", ``event_verbs``) or another verb ("criticised the offensive");
- ``morph``: its tense, aspect, mood and verb form (spaCy's morphology) and its
  auxiliaries ("HAS met", "WAS held");
- ``above``: the words above it in the whole tree, past where the clause path stops (a
  relative clause, a report's cue verb): a negation or a modal on an ancestor, the cue
  class of each verb above (saying, believing, confirming, denying, intending, ...), how
  deep it is embedded, and the tense and verb form of the nearest verb above ("WANTED to
  sign" against "WANT to sign");
- ``clause``: the kind of clause it sits in: relative, conditional, purpose, a question,
  a whether-clause; a future auxiliary or a hedge adverb in the sentence;
- ``place``: where its clause sits: how the clause hangs from the word above it and that
  word's cue class ("place:ccomp<say": the content of a report, "place:xcomp<intent": an
  intended act, "place:advcl", "place:root"), the subordinating word of its own clause
  ("place:mark=after": a time clause, which takes its act as given), and whether it stands
  inside a quotation;
- ``lexical``: the lemma of the predicate, of the word governing it, and the two
  together, hashed into HASH_BUCKETS buckets (no word list in code; unseen words share
  buckets with weight 0 or with a few others).

A predicate with a negative cue score has every feature prefixed with ``n|``: what a
feature says of a negated act differs from what it says of another.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from diplograph.coding.attribution import load_lexicon
from diplograph.coding.cues import Cue, Level, load_words

# A party's own word on the act (a denial, a withheld confirmation): its cue values alone
# say how sure the act is, and the correction leaves it alone.
UNCORRECTED_KINDS = frozenset({"deny", "withheld"})
MAX_DEPTH = 4  # deeper clause paths (and embeddings) share one feature
MAX_ANCESTORS = 6  # how far up the tree the ``above`` group looks
HASH_BUCKETS = 1 << 18  # lexical features: about 1 collision in 30 for 10,000 lemmas
_VERBAL = {"VERB", "AUX"}
_MORPH_KEYS = ("Tense", "Aspect", "Mood", "VerbForm")
_CLASS_OF_SPEECH = {"report": "say", "speech_act": "say", "deny": "deny", "confirm": "confirm"}
_MODAL_LISTS = ("possible_aux", "obligation_aux", "future_aux", "conditional_aux")
_EVENT_NOUN_TAGS = {"NN", "NNS"}
_SPECIFIERS = {"det", "poss", "nummod", "predet"}  # what makes a noun phrase not bare
_ARGUMENT_OF_VERB = {"dobj", "nsubj", "nsubjpass"}
_GOVERNOR_MORPH = (("tense", "Tense"), ("form", "VerbForm"))  # of the nearest verb above


@dataclass(frozen=True, slots=True)
class Site:
    """What the features of one predicate are read from."""

    trigger: Token
    path: Sequence[Level]
    cues: Sequence[Cue]


def _cue_features(site: Site) -> set[str]:
    return {f"kind:{c.kind}" for c in site.cues} or {"nocue"}


def _syntax_features(site: Site) -> set[str]:
    return {f"tag:{site.trigger.tag_}", f"dep:{site.trigger.dep_}"}


def _path_features(site: Site) -> set[str]:
    path = site.path
    return {f"depth:{min(len(path), MAX_DEPTH)}"} | {f"link:{level.link}" for level in path}


def _frame_features(site: Site) -> set[str]:
    trigger = site.trigger
    found = {f"det:{c.lower_}" for c in trigger.children if c.dep_ == "det"}
    if trigger.dep_ == "pobj":
        found.add(f"prep:{trigger.head.lower_}")
    if trigger.tag_ in _EVENT_NOUN_TAGS:
        found |= _event_noun_features(trigger)
    return found


def _bare(noun: Token) -> bool:
    """Whether a noun has no determiner, possessive or number of its own."""
    return not any(c.dep_ in _SPECIFIERS for c in noun.children)


def _event_noun_features(noun: Token) -> set[str]:
    """ "frame:bare" ("TALKS collapsed"); "frame:by=event" when the verb it is the subject or
    object of is the event itself ("launched an OFFENSIVE"), "frame:by=other" otherwise."""
    found = {"frame:bare"} if _bare(noun) else set()
    if noun.dep_ in _ARGUMENT_OF_VERB and noun.head.pos_ in _VERBAL:
        event = load_words().has("event_verbs", noun.head.lemma_.lower())
        found.add("frame:by=event" if event else "frame:by=other")
    return found


def _morph_features(site: Site) -> set[str]:
    """ "morph:Tense=Past", "aux:have" ("HAS met"), "aux:be+pass" ("WAS held")."""
    trigger = site.trigger
    found = {f"morph:{key}={value}" for key in _MORPH_KEYS
             for value in trigger.morph.get(key)}
    found |= {f"aux:{c.lemma_.lower()}" + ("+pass" if c.dep_ == "auxpass" else "")
              for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    return found


def governing_class(tok: Token) -> str | None:
    """The cue class of a word that embeds a predicate: "belief", a governor class of
    ``factuality.yaml`` ("intent", "negative", ...), or "say", "deny", "confirm" (the
    speech-verb lexicon)."""
    words = load_words()
    lemma = tok.lemma_.lower()
    if lemma in words.lists["belief_cues"]:
        return "belief"
    # the factuality classes first: "PROMISED to leave" is an intent before it is speech
    return words.governor_class(tok) or _CLASS_OF_SPEECH.get(
        load_lexicon().cue_class(lemma) or "")


def _ancestors(trigger: Token) -> list[Token]:
    """The words above ``trigger``, nearest first, prepositions skipped."""
    return [a for a in trigger.ancestors if a.pos_ != "ADP"][:MAX_ANCESTORS]


def _above_features(site: Site) -> set[str]:
    """Negation, modals and cue classes on the words above the predicate, and how deep."""
    trigger = site.trigger
    words = load_words()
    found: set[str] = set()
    verbs = 0
    for distance, above in enumerate(_ancestors(trigger), start=1):
        near = "1" if distance == 1 else "+"
        if above.pos_ in _VERBAL and not verbs:
            found |= {f"above:{name}1={value}" for name, key in _GOVERNOR_MORPH
                      for value in above.morph.get(key)}
        verbs += above.pos_ in _VERBAL
        cls = governing_class(above)
        if cls:
            found.add(f"above:cls{near}={cls}")
        for child in above.children:
            if child.dep_ == "neg" or child.lower_ == "never":
                found.add(f"above:neg{near}")
            elif child.dep_ == "aux" and any(words.has(name, child.lower_)
                                             for name in _MODAL_LISTS):
                found.add(f"above:modal{near}={child.lower_}")
    found.add(f"above:embed={min(verbs, MAX_DEPTH)}")
    return found


def _clause_features(site: Site) -> set[str]:
    """The kind of clause the predicate sits in, and the sentence's future and hedges."""
    trigger = site.trigger
    words = load_words()
    found: set[str] = set()
    for tok in [trigger, *_ancestors(trigger)]:
        if tok.dep_ in ("relcl", "acl"):
            found.add(f"clause:{tok.dep_}")
        for child in tok.children:
            if child.dep_ == "mark" and child.lower_ in (
                    words.lists["conditional_marks"] | words.lists["question_marks"]):
                found.add(f"clause:mark={child.lower_}")
            elif child.dep_ == "aux" and child.lower_ == "to" and tok.dep_ == "advcl":
                found.add("clause:purpose")
    return found | _sentence_features(trigger.sent)


@functools.lru_cache(maxsize=16)
def _sentence_features(sent: Span) -> frozenset[str]:
    """A question, a future auxiliary or a hedge adverb anywhere in the sentence (read once
    per sentence: every predicate of it shares them)."""
    words = load_words()
    found = {"clause:question"} if sent[-1].text == "?" else set()
    for tok in sent:
        word = tok.lower_
        if tok.dep_ == "aux" and words.has("future_aux", word):
            found.add("sent:future")
        elif words.has("hedge_adverbs", word) or words.has("hearsay_adverbs", word):
            found.add("sent:hedge")
    return frozenset(found)


def _clause_head(trigger: Token) -> Token:
    """The verb or auxiliary heading the predicate's own clause (the predicate itself when
    it is verbal; the nearest verbal word above an event noun)."""
    for tok in [trigger, *trigger.ancestors]:
        if tok.pos_ in _VERBAL:
            return tok
    return trigger


def _place_features(site: Site) -> set[str]:
    """How the predicate's clause hangs from the word above it, its subordinating word,
    and whether it is quoted."""
    head = _clause_head(site.trigger)
    above = head.head if head.dep_ != "ROOT" else None
    found = {f"place:{head.dep_.lower()}<{governing_class(above) or '-'}" if above is not None
             else "place:root"}
    found |= {f"place:mark={c.lower_}" for c in head.children if c.dep_ == "mark"}
    if _quoted(site.trigger):
        found.add("place:quoted")
    return found


def _quoted(trigger: Token) -> bool:
    """Whether an odd number of quotation marks stand between the sentence's start and the
    predicate (it is inside a quotation)."""
    sent = trigger.sent
    marks = sum(tok.is_quote for tok in sent.doc[sent.start:trigger.i])
    return marks % 2 == 1


def hashed(name: str) -> int:
    """The bucket of a lexical feature (stable across runs and machines)."""
    return zlib.crc32(name.encode("utf-8")) % HASH_BUCKETS


def _lexical_features(site: Site) -> set[str]:
    """The predicate's lemma, its governor's, and the pair, as hashed buckets."""
    trigger = site.trigger
    lemma = trigger.lemma_.lower()
    above = _ancestors(trigger)
    governor = above[0].lemma_.lower() if above else "<root>"
    return {f"lex#{hashed('p=' + lemma)}", f"glex#{hashed('g=' + governor)}",
            f"pair#{hashed(governor + '>' + lemma)}"}


GROUPS: dict[str, Callable[[Site], set[str]]] = {
    "cues": _cue_features, "syntax": _syntax_features, "path": _path_features,
    "frame": _frame_features, "morph": _morph_features, "above": _above_features,
    "clause": _clause_features, "place": _place_features, "lexical": _lexical_features,
}
# The group of each feature, by the name before its first ":" or "#".
GROUP_OF_PREFIX = {
    "kind": "cues", "nocue": "cues", "tag": "syntax", "dep": "syntax", "depth": "path",
    "link": "path", "det": "frame", "prep": "frame", "frame": "frame", "morph": "morph",
    "aux": "morph", "above": "above", "clause": "clause", "sent": "clause", "place": "place",
    "lex": "lexical", "glex": "lexical", "pair": "lexical",
}


def group_of(feature: str) -> str:
    """The group of one feature name ("n|above:neg1" -> "above")."""
    name = feature.removeprefix("n|")
    for sep in (":", "#"):
        name = name.split(sep, 1)[0]
    return GROUP_OF_PREFIX[name]


def features(trigger: Token, path: Sequence[Level], cues: Sequence[Cue],
             cue_score: float, groups: Sequence[str] = tuple(GROUPS)) -> tuple[str, ...]:
    """The features of one predicate the correction weighs, sorted.

    Empty for a predicate with a denial or a withheld confirmation (not corrected).

    Args:
        groups: the feature groups to compute (all by default; the ablation drops some).
    """
    if {c.kind for c in cues} & UNCORRECTED_KINDS:
        return ()
    site = Site(trigger=trigger, path=path, cues=cues)
    found: set[str] = set()
    for group in groups:
        found |= GROUPS[group](site)
    prefix = "n|" if cue_score < 0 else ""
    return tuple(sorted(prefix + f for f in found))


__all__ = ["GROUPS", "HASH_BUCKETS", "UNCORRECTED_KINDS", "features", "governing_class",
           "group_of", "hashed"]
