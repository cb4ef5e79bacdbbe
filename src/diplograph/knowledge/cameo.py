"""The imported CAMEO verb patterns (``data/lexicon/cameo_verbs.yaml``), compiled for matching.

The file is PETRARCH2's CAMEO verb dictionary read into PLOVER types by
``scripts/import_cameo_verbs.py`` (its header gives the schema). Here each verb
form is indexed to the patterns of its blocks, and every pattern word is compiled
into a :class:`Phrase`: words read right to left from a noun's head, where a word
``&NAME`` stands for any phrase of the synonym set NAME. Matching them on a parse is
``coding.cameo``'s business.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from diplograph.knowledge.yamldata import load_yaml_file

# A phrase: its words, each a tuple of alternatives, every alternative a tuple of words
# ("&CAR &WEAPON" -> ((("car",), ("sedan",), ...), (("weapon",), ("machine", "gun"), ...))).
Phrase = tuple[tuple[tuple[str, ...], ...], ...]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One CAMEO pattern of a verb block, with its PLOVER reading."""

    code: str
    type: str | None  # None: a pattern that blocks coding (CAMEO '---' or a statement)
    mode: str | None
    object: tuple[Phrase, ...]  # the object's head phrase is one of these (empty: any)
    preps: tuple[tuple[str, tuple[Phrase, ...]], ...]  # (preposition, its object phrases)
    subject: tuple[Phrase, ...]
    intent: bool  # a CAMEO 03 intent: a promise of the act
    target_slots: tuple[str, ...]  # where the target is, in the coder's slot names
    # the last words the phrases can end in, for a quick test before spelling them out
    object_heads: frozenset[str] = frozenset()
    subject_heads: frozenset[str] = frozenset()
    # the prepositions of ``preps``, as a set: a verb lacking one is tested with ``<=``
    prep_names: frozenset[str] = frozenset()

    @property
    def specificity(self) -> int:
        """How many parts of the parse the pattern constrains."""
        return bool(self.object) + len(self.preps) + bool(self.subject)


@dataclass(frozen=True, slots=True)
class CameoVerb:
    """One verb of the dictionary (a lemma or a multi-word verb) and its patterns."""

    lemma: str  # the dictionary's key: "kill", "gun down"
    rest: tuple[str, ...]  # the words after the head of a multi-word verb ("down")
    patterns: tuple[Pattern, ...]  # block patterns, first block first
    default: Pattern | None  # the bare verb's event, for the approved verbs only
    # (specificity, pattern), most specific first and in block order on a tie: the first
    # that matches is the best, so a verb's patterns are not all tried (``ranked``)
    ranked: tuple[tuple[int, Pattern], ...] = ()
    # Where in ``ranked`` the patterns are that a verb's object words can let match
    # (``ObjectIndex``): the others, each needing an object head the verb lacks, are skipped.
    by_object: ObjectIndex | None = None


@dataclass(frozen=True, slots=True)
class ObjectIndex:
    """A verb's ranked patterns by the object they need: a pattern with an object matches
    only a verb one of whose object words or lemmas is a head of that object, so the rest
    need not be tried (most of a verb's patterns name an object)."""

    free: tuple[int, ...]  # positions in ``ranked`` of the patterns that need no object
    by_head: dict[str, tuple[int, ...]]  # object head -> positions of the patterns it ends

    def candidates(self, object_words: frozenset[str]) -> tuple[int, ...] | list[int]:
        """Positions, ascending, of every pattern whose object test ``object_words`` can
        pass: those with no object and those one of the words is a head of."""
        named = [self.by_head[w] for w in object_words if w in self.by_head]
        if not named:
            return self.free
        return sorted(set(self.free).union(*named))


@dataclass(frozen=True, slots=True)
class CameoDictionary:
    verbs: dict[str, tuple[CameoVerb, ...]]  # verb form or lemma -> its entries
    # Phoenix's sport and entertainment phrases (phoenix_discards.yaml, without its years and
    # "years ago"):
    # a sentence holding one gets no pattern ("Manchester United", "world golf championships").
    discards: re.Pattern[str] | None = None


# PETRARCH's filters for historical chronologies ("years ago", "months later"), not sport:
# news of today recalls the past all the time.
CHRONOLOGY = re.compile(r"\b(?:ago|later)$")
# Prepositions whose object is the usual counterpart, where a pattern's object is a noun.
TARGET_PREPS = "to|with|against|on|into|at|toward|towards|from|upon"


def _phrase(text: str, synsets: dict[str, list[str]]) -> Phrase:
    words = []
    for word in str(text).lower().split():
        if word.startswith("&"):
            members = synsets.get(word[1:].upper(), [])
            words.append(tuple(tuple(str(m).lower().split()) for m in members))
        else:
            words.append(((word,),))
    return tuple(words)


def _target_slots(entry: dict, preps: list[dict]) -> tuple[str, ...]:
    slots = [s.split("@", 1)[1] for s in entry.get("slots", []) if s.startswith("target@")]
    named = [("dobj" if s == "object" else f"prep:{s}") for s in slots if s != "subject"]
    open_preps = [f"prep:{p['prep']}" for p in preps if not p.get("object")]
    if entry.get("object"):
        rest = [f"obj_prep:{TARGET_PREPS}", "obj_poss"]
    else:
        rest = ["dobj", "dative"]
    return tuple(dict.fromkeys(named + open_preps + rest))


def _pattern(entry: dict, synsets: dict[str, list[str]]) -> Pattern:
    preps = entry.get("preps") or []
    kind = entry.get("type")
    if entry.get("kind") == "statement":
        kind = None
    return Pattern(
        code=str(entry.get("code") or "---"), type=kind, mode=entry.get("mode"),
        object=tuple(_phrase(o, synsets) for o in entry.get("object") or ()),
        preps=tuple((str(p["prep"]).lower(), tuple(_phrase(o, synsets) for o in p.get("object")
                                                   or ())) for p in preps),
        subject=tuple(_phrase(s, synsets) for s in entry.get("subject") or ()),
        intent=bool(entry.get("planned")),
        target_slots=_target_slots(entry, preps),
        object_heads=heads(entry.get("object"), synsets),
        subject_heads=heads(entry.get("subject"), synsets),
        prep_names=frozenset(str(p["prep"]).lower() for p in preps),
    )


def ranked(patterns: tuple[Pattern, ...]) -> tuple[tuple[int, Pattern], ...]:
    """The patterns with their specificity, most specific first; a stable sort keeps the
    blocks' order among equals, the order that breaks a tie."""
    return tuple(sorted(((p.specificity, p) for p in patterns), key=lambda sp: -sp[0]))


def object_index(ranked_patterns: tuple[tuple[int, Pattern], ...]) -> ObjectIndex:
    """The ``ObjectIndex`` of a verb's ranked patterns."""
    free, by_head = [], {}
    for at, (_, pattern) in enumerate(ranked_patterns):
        if not pattern.object:
            free.append(at)
        for head in pattern.object_heads if pattern.object else ():
            by_head.setdefault(head, []).append(at)
    return ObjectIndex(free=tuple(free), by_head={h: tuple(a) for h, a in by_head.items()})


def heads(texts: list | None, synsets: dict[str, list[str]]) -> frozenset[str]:
    """The words the phrases ``texts`` can end in."""
    return frozenset(alt[-1] for text in texts or () for alt in _phrase(text, synsets)[-1])


@functools.lru_cache(maxsize=1)
def load_cameo() -> CameoDictionary:
    """The packaged CAMEO dictionary, compiled (once)."""
    path = resources.files("diplograph") / "data" / "lexicon" / "cameo_verbs.yaml"
    data = load_yaml_file(path) or {}
    synsets = data.get("synsets") or {}
    blocks = {name: tuple(_pattern(p, synsets) for p in patterns)
              for name, patterns in (data.get("blocks") or {}).items()}
    index: dict[str, list[CameoVerb]] = {}
    # Verbs share their blocks: each list of blocks is ranked and indexed once.
    orders: dict[tuple[str, ...], tuple[tuple[tuple[int, Pattern], ...], ObjectIndex]] = {}
    for lemma, entry in (data.get("verbs") or {}).items():
        words = str(lemma).lower().split()
        head = str(entry.get("head") or words[0]).lower()
        default = entry.get("default") if entry.get("approved") else None
        names = tuple(entry.get("blocks", []))
        patterns = tuple(p for b in names for p in blocks.get(b, ()))
        if names not in orders:
            ordered = ranked(patterns)
            orders[names] = ordered, object_index(ordered)
        verb = CameoVerb(
            lemma=str(lemma).lower(), rest=tuple(words[1:]), patterns=patterns,
            default=_pattern(default, synsets) if default else None, ranked=orders[names][0],
            by_object=orders[names][1],
        )
        forms = {head} | {str(f).lower().split()[0] for f in entry.get("forms") or ()}
        for form in forms:
            index.setdefault(form, []).append(verb)
    return CameoDictionary(verbs={k: tuple(v) for k, v in index.items()},
                           discards=_discards())


def _discards() -> re.Pattern[str] | None:
    path = resources.files("diplograph") / "data" / "lexicon" / "phoenix_discards.yaml"
    entries = (load_yaml_file(path) or {}).get("discards") or []
    phrases = [(str(e["text"]).lower(), bool(e.get("whole_word"))) for e in entries
               if e.get("kind") != "year" and not CHRONOLOGY.search(str(e["text"]))]
    return re.compile(r"\b" + phrase_trie(phrases)) if phrases else None


def phrase_trie(phrases: list[tuple[str, bool]]) -> str:
    """A regular expression for "one of the phrases" (each with a word boundary after it
    where its flag says so), as a trie of their characters: it matches where the plain
    alternation ``(?:p1|p2|...)`` does, and tries each character once at a position instead
    of each of the hundreds of phrases (the sentence search was a twentieth of coding)."""
    trie: dict = {}
    for text, whole_word in phrases:
        node = trie
        for char in text:
            node = node.setdefault(char, {})
        node.setdefault("", set()).add(whole_word)  # "": the phrases that end here
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = node.get("", set())
    # A phrase ending here matches with no more text: no boundary needed if one does not.
    options = ["" if False in ends else r"\b"] if ends else []
    options += [re.escape(char) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if options == [""]:
        return ""
    return "(?:" + "|".join(options) + ")"
