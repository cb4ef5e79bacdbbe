"""Rule `role-noun-appositive-name` (issue #15, stop 29, headrole29): a name set off by
commas right after a role noun is the person the role noun stands for.

"Mr. Obama's nominee to the appeals court, Judge Karen M. Doyle, ...", "its leader, Kim Jong
Un, ...", "The bank's chief economist, Ellen J. Marsh, ...": the small parser often hangs the
name from the verb (``npadvmod``) instead of the role noun (``appos``), so the role phrase was
read apart from the name: as its owner's state or court ("Mr. Obama's Supreme Court"), or
as nothing. The role phrase (without its owner's possessive) is read as the named person.
Not a role noun: a name that is the subject of the next clause ("Asked about the senator,
CLINTON said ..."), an apposition that names no one ("The governor, a Republican, ...").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from diplograph.coding.actors.mention import Mention, overlaps, read_as
from diplograph.coding.actors.words import MentionWords
from diplograph.records import ActorRef

# Grammar: a name that heads a clause of its own is no apposition ("the senator, CLINTON said").
_CLAUSE_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Grammar: how far up from the word before the comma the role noun may be ("NOMINEE to the
# appeals court,": court -> to -> nominee).
_MAX_CLIMB = 4


def role_appositive_names(doc: Doc, mentions: list[Mention],
                          role_nouns: frozenset[str]) -> list[Mention]:
    """The mentions, with each role phrase followed by ", NAME" read as that named person.

    Args:
        doc: the parsed article.
        mentions: the article's mentions, in text order.
        role_nouns: lower-case nouns (one or two words: "nominee", "running mate") that
            stand for one person.
    """
    out = list(mentions)
    for name in mentions:
        if not _is_named_person(name) or not _stands_in_apposition(doc, name):
            continue
        role = _role_before(doc, name.token_start - 1, role_nouns)
        if role is None:
            continue
        start, end = _role_span(role, name.token_start - 1)
        if any(_is_named_person(m) and overlaps(m, start, end) for m in out):
            continue  # the role phrase names someone already ("Tony Blair's ally, NAME")
        person = _completed(name.actor, [m.actor for m in out if overlaps(m, start, end)])
        out = read_as(out, doc[start:end], person)
    return sorted(out, key=lambda m: m.token_start)


def _completed(person: ActorRef, role_reads: list[ActorRef]) -> ActorRef:
    """The person with the state and sector the role phrase was read with ("A Texas oil
    executive": USA BUS), where the knowledge gives them none."""
    for read in role_reads:
        person = replace(person, country=person.country or read.country,
                         sector=person.sector or read.sector)
    return person


def _is_named_person(m: Mention) -> bool:
    return m.actor.kind == "person" and bool(m.actor.name)



def _stands_in_apposition(doc: Doc, name: Mention) -> bool:
    """A comma right before the name, and the name heads no clause of its own."""
    comma = name.token_start - 1
    if comma < 1 or doc[comma].text != ",":
        return False
    root = doc[name.token_start:name.token_end].root
    return root.dep_ not in _CLAUSE_SUBJECT_DEPS


def _role_before(doc: Doc, comma: int, role_nouns: frozenset[str]) -> Token | None:
    """The role noun whose phrase ends right before the comma ("NOMINEE to the appeals
    court", "its LEADER"), climbing from the last word while the phrase still ends there."""
    token = doc[comma - 1]
    for _ in range(_MAX_CLIMB):
        if token.pos_ == "NOUN" and _is_role(token, role_nouns):
            return token
        if token.head is token or token.head.right_edge.i != comma - 1:
            return None
        token = token.head
    return None


def _is_role(token: Token, role_nouns: frozenset[str]) -> bool:
    """The noun, or its two-word form with the word before it ("running MATE"), is a role."""
    if token.lemma_.lower() in role_nouns or token.lower_ in role_nouns:
        return True
    return token.i > 0 and f"{token.doc[token.i - 1].lower_} {token.lower_}" in role_nouns


def _role_span(role: Token, comma: int) -> tuple[int, int]:
    """The role phrase up to the comma, without its owner's possessive ("Mr. Obama's")."""
    start = role.left_edge.i
    for child in role.lefts:
        if child.dep_ == "poss":
            start = max(start, child.right_edge.i + 1)
    while start < comma and role.doc[start].dep_ == "case":  # the "'s" left of the owner
        start += 1
    return start, comma


def role_nouns(words: MentionWords) -> frozenset[str]:
    """The nouns of one person's role: the appositive roles, posts in a body, singular
    person nouns, callings and the posts of descriptions."""
    return (words.appositive_role_nouns | words.job_nouns | words.singular_person_nouns
            | frozenset(words.callings) | frozenset(words.description_posts))
