"""What a report verb passes on: the clause-reading helpers the "told as what was said" rules
share (structure_triggers' wrongdoing, failing_told, said_criticism, received_criticism).

A report verb that is negated ("did not say") reports nothing, and a complement clause that
is negated or asked ("asked WHETHER Russia had meddled") is no claim of the speaker's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplograph.coding.token_table import positions_of_pos, token_table
from diplograph.coding.triggers import verb_forms_of

_VERB = frozenset({"VERB"})
# A clause opened by these is a question, not a claim: "asked WHETHER Russia had meddled".
QUESTION_MARKS = frozenset({"whether", "if"})


def negated(verb: Token) -> bool:
    """Whether the verb has its own negation ("did NOT say", "had NOT failed")."""
    return any(c.dep_ == "neg" for c in verb.children)


def affirmed_verbs(sent: Span, lemmas: frozenset[str]) -> list[Token]:
    """The verbs of ``sent`` with one of ``lemmas``, not negated ("did not call it a
    mistake" gives no verdict)."""
    # The word lists first, read in the token table: few verbs are on them, and only those
    # are built as Tokens for the negation test, which walks the children.
    doc = sent.doc
    tokens = token_table(doc)
    return [doc[i] for i in positions_of_pos(sent, _VERB)
            if not lemmas.isdisjoint(verb_forms_of(tokens, i)) and not negated(doc[i])]


def asked(clause: Token) -> bool:
    """Whether the clause is a question ("asked WHETHER Labour had failed")."""
    return any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children)


def said_contents(verb: Token) -> list[Token]:
    """What a report verb says: its complement clauses, not negated nor questions."""
    return [c for c in verb.children if c.dep_ == "ccomp" and not negated(c) and not asked(c)]
