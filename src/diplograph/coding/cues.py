"""The cues of claim status and factuality in a dependency parse (SPEC §4).

A predicate's factuality is read from cues: words of its own clause (negation, modals,
future, conditional and question marks, hedging and hearsay adverbs), the words its clause
is embedded under ("WANTS to meet", "FAILED to agree", "is LIKELY to visit"), and the
reports that carry it (attributions: "X said", "X denied", "X neither confirmed nor
denied", nested "A said B told C that ..."). This module finds the first two from the
parse; the words are data (``data/lexicon/factuality.yaml``). Which cues count, and how,
is decided by the named status rules (:mod:`diplograph.coding.status`); what they add up
to, by :mod:`diplograph.coding.factuality`.

The clause path of a predicate is the chain of clauses from its own up to the sentence's
main clause, or to the first clause that does not pass on its modality (a relative clause,
a temporal adverbial, a report's cue verb), each :class:`Level` recording how the clause
below hangs from the one above.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file

WORDS_PATH = Path(__file__).parent.parent / "data" / "lexicon" / "factuality.yaml"
GOVERNOR_CLASSES = ("intent", "attempt", "expected", "request", "possible", "negative",
                    "prevent", "positive", "factive")
_WORD_LISTS = (
    "negation", "negative_determiners", "negative_subjects", "negative_adjectives",
    "negative_prepositions",
    "possible_aux", "obligation_aux", "future_aux", "conditional_aux", "conditional_marks",
    "question_marks", "hedge_adverbs", "hearsay_adverbs", "future_adjectives",
    "possible_adjectives", "belief_cues", "event_verbs",
    "negative_gerund_prepositions", "cancelling_verbs", "implicative_verbs",
    "prepositional_scope", "condition_words", "inverted_condition_aux", "habitual_adverbs",
    "volitional_verbs", "concessive_adverbs",
)
_CLAUSE_DEPS = {"xcomp", "ccomp", "csubj", "csubjpass"}
_ARGUMENT_DEPS = {"dobj", "nsubj", "nsubjpass", "attr", "oprd", "dative", "appos"}
_NOUNS = {"NOUN", "PROPN", "PRON", "NUM"}
# The prepositions through which a verb (False) or a noun (True) governs an act: "barred
# them FROM reaching", "the possibility OF a takeover", "a ban ON trade", "a bid FOR".
_GOVERNING_PREPOSITIONS = {False: frozenset({"from"}),
                           True: frozenset({"of", "for", "on", "to", "at", "against", "in"})}
MAX_LEVELS = 6
# Governor classes that frame a verb's object noun as they frame its infinitive ("WANTS a
# war" as "wants to fight", "BLOCKED the trial"); a noun object of any other verb is
# presupposed ("COVERED the talks": the talks happened). Measured on UW train and dev.
_FRAMING_CLASSES = frozenset({"intent", "expected", "possible", "negative", "prevent"})


@dataclass(frozen=True, slots=True)
class FactualityWords:
    """The cue words (``factuality.yaml``): word lists by name, governors by class, and the
    calibrated value of each cue kind."""

    lists: dict[str, frozenset[str]]
    governors: dict[str, str]  # verb or adjective lemma -> class
    noun_governors: dict[str, str]  # noun lemma -> class
    calibration: dict[str, float]

    def governor_class(self, tok: Token) -> str | None:
        """The class of an embedding word ("want": intent, "plan" the noun: intent)."""
        table = self.noun_governors if tok.pos_ in _NOUNS else self.governors
        return table.get(tok.lemma_.lower()) or table.get(tok.lower_)

    def has(self, name: str, word: str) -> bool:
        """Whether ``word`` (lower case) is in the list ``name``."""
        return word in self.lists[name]


@functools.lru_cache(maxsize=4)
def load_words(path: Path = WORDS_PATH) -> FactualityWords:
    """Load (once) the factuality cue words.

    Raises:
        KnowledgeError: the file is missing, malformed, or names an unknown class.
    """
    try:
        data: dict[str, Any] = load_yaml_file(path)
        lists = {name: frozenset(str(w).lower() for w in data.get(name) or ())
                 for name in _WORD_LISTS}
        governors, noun_governors = _classes(data["governors"]), _classes(data["noun_governors"])
        calibration = {str(k): float(v) for k, v in data["calibration"].items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise KnowledgeError(f"{path}: cannot read the factuality cue words ({exc})") from exc
    return FactualityWords(lists=lists, governors=governors, noun_governors=noun_governors,
                           calibration=calibration)


def _classes(table: dict[str, list[str]]) -> dict[str, str]:
    classes = {}
    for cls, lemmas in table.items():
        if cls not in GOVERNOR_CLASSES:
            raise ValueError(f"unknown governor class {cls!r}")
        classes.update({str(lemma).lower(): cls for lemma in lemmas})
    return classes


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue of a predicate's factuality: its kind (a key of the calibration), the word
    that carries it, and how many clauses above the predicate it sits (0: its own)."""

    kind: str
    word: str
    level: int = 0


@dataclass(frozen=True, slots=True)
class Level:
    """One clause on a predicate's clause path.

    ``node`` heads the clause; ``link`` says how it hangs from the next level up:
    "clause" (an infinitive or that-clause of ``governor``), "conj" (a conjunct, sharing
    its modality), "argument" (an event noun, an argument of the verb above), "purpose"
    (an infinitive of purpose), "condition" (an if-clause), "without" (the object of
    "without", "against"), "oblique" (an event noun or gerund, the object of a preposition
    of the verb above: "could lead TO WAR"; only the cue kinds of ``prepositional_scope``
    reach it), or "" for the top level.
    """

    node: Token
    link: str
    governor: Token | None
    index: int


def clause_path(start: Token, stop_at: frozenset[int] = frozenset()) -> list[Level]:
    """The clauses from ``start`` up (see the module docstring).

    Args:
        start: the predicate, or the verb carrying its clause.
        stop_at: token indices of report cue verbs: the path ends below them (the report
            is read from the attribution, not from the clause path).
    """
    levels: list[Level] = []
    node = start
    while len(levels) < MAX_LEVELS:
        link, governor = _link(node)
        if governor is not None and governor.i in stop_at:
            link, governor = "", None
        levels.append(Level(node=node, link=link, governor=governor, index=len(levels)))
        if governor is None:
            return levels
        node = governor
    return levels


def _link(node: Token) -> tuple[str, Token | None]:
    """How ``node``'s clause hangs from the one above, and the head of that one."""
    head, dep = node.head, node.dep_
    if head is node:
        return "", None
    words = load_words()
    if dep in _CLAUSE_DEPS:
        return "clause", head
    if dep == "conj":
        return "conj", head
    if dep == "acomp" and head.lemma_.lower() == "be":
        return "clause", head  # "is NOT LIKELY to change": the copula's cues are its adjective's
    if dep == "advcl" and _mark(node, words, "conditional_marks"):
        return "condition", head
    if dep == "advcl" and _infinitive(node):
        return "purpose", head  # "sent troops TO SECURE the border"
    if dep in ("pcomp", "pobj") and head.lower_ in words.lists["negative_prepositions"]:
        return ("without", head.head) if head.head is not head else ("", None)
    if dep == "pcomp" and head.lower_ in words.lists["negative_gerund_prepositions"]:
        return ("without", head.head) if head.head is not head else ("", None)
    if dep in ("pcomp", "pobj") and head.dep_ == "prep" and head.head is not head and (
            head.lower_ in _GOVERNING_PREPOSITIONS[head.head.pos_ in _NOUNS]) and (
            words.governor_class(head.head)):
        return "clause", head.head  # "barred the crowd FROM reaching", "the possibility OF"
    if _prepositional_object(node):
        return "oblique", head.head  # "could lead TO WAR", "will travel FOR TALKS"
    if dep == "compound" and head.pos_ in _NOUNS:
        return "argument", head  # "an ASYLUM hearing": the hearing's event
    if dep == "acl" and _infinitive(node) and head.pos_ in _NOUNS:
        return "clause", head  # "a proposal TO COMBINE"
    if node.pos_ in _NOUNS and dep in _ARGUMENT_DEPS and head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in words.lists["cancelling_verbs"]:
            return "clause", head  # "the service was CANCELED", "POSTPONED the talks"
        if head.lemma_.lower() in words.lists["event_verbs"]:
            return "argument", head
        if dep == "dobj" and words.governor_class(head) in _FRAMING_CLASSES:
            return "clause", head  # "SOUGHT talks", "AVOID a war", "BLOCKED the trial"
    return "", None


def _prepositional_object(node: Token) -> bool:
    """An event noun or gerund that is the object of a preposition of a verb."""
    head = node.head
    return (node.dep_ in ("pobj", "pcomp") and head.dep_ == "prep" and head.head is not head
            and head.head.pos_ in ("VERB", "AUX") and (node.pos_ in _NOUNS or node.tag_ == "VBG"))


def _mark(node: Token, words: FactualityWords, name: str) -> str | None:
    """The mark of ``node``'s clause that is in the list ``name``, if any."""
    return next((c.lower_ for c in node.children
                 if c.dep_ == "mark" and c.lower_ in words.lists[name]), None)


# ------------------------------------------------------------------ cues of one clause
def negation_cues(node: Token, level: int = 0) -> list[Cue]:
    """ "did NOT meet", "NEVER met", "NO talks were held", "NOBODY was hurt", "the
    CANCELLED summit"."""
    words = load_words()
    if node.lower_ == "matter":
        return []  # "NO MATTER how long it takes"
    found = [Cue("negation", c.lower_, level) for c in node.children
             if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never")
             or (c.dep_ == "advmod" and c.lower_ == "longer"
                 and any(g.lower_ == "no" for g in c.children))]
    if node.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor"
                                   for c in node.head.children):
        found.append(Cue("negation", "nor", level))  # "neither confirmed NOR denied"
    found += [Cue("negation", c.lower_, level) for c in node.children
              if c.dep_ == "preconj" and c.lower_ == "neither"]
    if node.pos_ in _NOUNS:
        if _negative_det(node, words):
            found.append(Cue("negation", "no", level))
        found += [Cue("negation", c.lower_, level) for c in node.children
                  if c.dep_ == "amod" and c.lower_ in words.lists["negative_adjectives"]]
    else:
        for subj in (c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")):
            if subj.lower_ in words.lists["negative_subjects"] or _negative_det(subj, words):
                found.append(Cue("negation", subj.lower_, level))
    return found


def _negative_det(noun: Token, words: FactualityWords) -> bool:
    """ "NO talks", but not "NO matter how long it takes"."""
    return noun.lemma_.lower() != "matter" and any(
        c.dep_ == "det" and c.lower_ in words.lists["negative_determiners"] for c in noun.children)


def modal_cues(node: Token, level: int = 0) -> list[Cue]:
    """Modal auxiliaries and adverbs: could/might (possible), should/must (obligation),
    will (future), would (would), probably (hedge), reportedly (hearsay)."""
    words = load_words()
    found = []
    for c in node.children:
        word = c.lower_
        if c.dep_ == "aux":
            for name, kind in (("possible_aux", "possible"), ("obligation_aux", "obligation"),
                               ("future_aux", "future"), ("conditional_aux", "would")):
                if word in words.lists[name]:
                    found.append(Cue(kind, word, level))
        elif c.dep_ == "advmod" and word in words.lists["hedge_adverbs"]:
            found.append(Cue("hedge", word, level))
        elif c.dep_ == "advmod" and word in words.lists["hearsay_adverbs"]:
            found.append(Cue("hearsay", word, level))
        elif c.dep_ == "amod" and node.pos_ in _NOUNS:
            if word in words.lists["future_adjectives"]:
                found.append(Cue("future", word, level))
            elif word in words.lists["possible_adjectives"]:
                found.append(Cue("possible", word, level))
    if _going_to(node):
        found.append(Cue("future", "going to", level))
    if _be_to(node):
        found.append(Cue("future", "is to", level))
    return found


def _be_to(node: Token) -> bool:
    """ "the WTO IS TO hold talks": the clause is the to-infinitive of a bare "be"."""
    head = node.head
    return (node.dep_ == "xcomp" and head.lemma_.lower() == "be" and head is not node
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children))


def _going_to(node: Token) -> bool:
    """ "is GOING TO meet": the clause is the xcomp of a progressive "go"."""
    head = node.head
    return (node.dep_ == "xcomp" and head.lemma_.lower() == "go" and head.tag_ == "VBG"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children))


def would_reading(node: Token) -> str | None:
    """How the "would" on ``node``'s clause reads, from the clause alone: "habitual" (a
    past that happened: "would OFTEN meet", "would LATER sign"), "volitional" (an intent:
    "would LIKE to meet"), "conditional" (the consequent of a condition: "would meet IF
    ...", "UNLESS ...", "PROVIDED that ...", "HAD Macron visited, he would have met",
    "WERE Russia to attack, ... would defend"), "counterfactual" ("would HAVE met"), or
    None: the clause alone does not say (a reported future, "said it would meet", or a
    hedge in the article's own voice; the status rule reads the reports)."""
    words = load_words()
    if any(c.dep_ == "advmod" and c.lower_ in words.lists["habitual_adverbs"]
           for c in node.children):
        return "habitual"
    if node.lemma_.lower() in words.lists["volitional_verbs"]:
        return "volitional"
    if any(_is_condition(c, words) for c in node.children):
        return "conditional"
    auxiliaries = [c for c in node.children if c.dep_ == "aux"]
    would = next((c for c in auxiliaries if c.lower_ in words.lists["conditional_aux"]), None)
    if would is not None and any(c.lemma_.lower() == "have" and c.i > would.i
                                 for c in auxiliaries):
        return "counterfactual"
    return None


def _is_condition(clause: Token, words: FactualityWords) -> bool:
    """A clause of ``node`` that states a condition: marked "if" / "unless", introduced by
    "provided (that)", or inverted ("HAD Macron visited", "WERE Russia to attack")."""
    if clause.dep_ not in ("advcl", "ccomp"):
        return False
    if clause.dep_ == "advcl" and _mark(clause, words, "conditional_marks"):
        # "EVEN if a merger isn't consummated": concessive, the act does not hang on it
        return not any(c.dep_ == "advmod" and c.lower_ in words.lists["concessive_adverbs"]
                       for c in clause.children)
    before = clause.left_edge.i - 1
    if before >= 0 and clause.doc[before].lower_ in words.lists["condition_words"]:
        return True  # "PROVIDED that sanctions were lifted"
    if clause.dep_ != "advcl":
        return False
    first = clause.left_edge
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return (first.lower_ in words.lists["inverted_condition_aux"] and subject is not None
            and first.i < subject.i and (first is clause or first.head is clause))


def condition_cues(node: Token, level: int = 0) -> list[Cue]:
    """ "IF Paris sends troops" (conditional), "WHETHER they met" (question)."""
    words = load_words()
    found = []
    mark = _mark(node, words, "conditional_marks")
    if mark:
        found.append(Cue("conditional", mark, level))
    mark = _mark(node, words, "question_marks")
    if mark:
        found.append(Cue("question", mark, level))
    if level == 0 and node.dep_ == "ROOT" and node.sent[-1].text == "?":
        found.append(Cue("question", "?", level))
    return found


def governor_cue(level: Level) -> Cue | None:
    """The cue of the word a clause is embedded under: "WANTS to meet" (intent), "is
    EXPECTED to visit" (expected), "URGED Moscow to withdraw" (request), "is LIKELY to"
    (possible governor), "FAILED to agree" (negative governor), "was RIGHT to reject"
    (factive: the act happened), "MANAGED to" (none)."""
    gov = level.governor
    if gov is None or level.link not in ("clause", "without", "purpose"):
        return None
    if level.link == "without":
        return Cue("negative_governor", "without", level.index + 1)
    if level.link == "purpose":
        return Cue("purpose", "to", level.index + 1)
    words = load_words()
    cls = words.governor_class(gov)
    if cls is None:
        if _infinitive(level.node) and gov.pos_ in ("VERB", "AUX", "ADJ", "NOUN"):
            return Cue("infinitive", gov.lemma_.lower(), level.index + 1)
        return None
    if cls == "factive" and _extraposed(gov):
        return Cue("infinitive", gov.lemma_.lower(), level.index + 1)  # "IT is wrong to"
    kind = {"negative": "negative_governor", "possible": "possible_governor",
            "prevent": "prevent_governor"}.get(cls, cls)
    if kind == "positive":
        return None
    return Cue(kind, gov.lemma_.lower(), level.index + 1)


def _extraposed(adjective: Token) -> bool:
    """ "IT is wrong to expel journalists": the adjective judges an act in general, not one
    its subject did ("Labour was right to reject")."""
    copula = adjective.head if adjective.dep_ == "acomp" else adjective
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in copula.children)


def _infinitive(node: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)


__all__ = [
    "GOVERNOR_CLASSES", "MAX_LEVELS", "WORDS_PATH", "Cue", "FactualityWords", "Level",
    "clause_path", "condition_cues", "governor_cue", "load_words", "modal_cues",
    "negation_cues", "would_reading",
]
