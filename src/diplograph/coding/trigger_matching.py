"""Which words of a sentence match a lexicon rule: the triggers of its events.

A trigger is a verb (or an event noun carried by a light verb) that matches a lexicon rule,
the rule's conditions checked on the parse (its object, preposition, particle, a modal
clause, an object that must name an actor). The trigger record and the reading of its
argument tokens are in :mod:`diplograph.coding.triggers`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    ActorTest,
    Trigger,
    about_contest,
    adjective_lemmas,
    completing_clauses,
    compound_lemma,
    direct_objects,
    hidden_passive_parts,
    light_verb_of,
    marked_clauses,
    noun_in_contest,
    passive_subjects,
    prep_objects,
    slot_tokens,
    token_lemma,
    verb_forms,
    verb_in,
)
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

# A trigger is a verb or a noun (a rule's event noun or a name the model tagged PROPN).
_TRIGGER_POS = frozenset(VERB_POS | {"NOUN", "PROPN"})


def _object_matches(verb: Token, wanted: tuple[str, ...]) -> Token | None:
    """The direct (or passive-subject) object naming one of ``wanted``: by its lemma, its
    compound ("AID deliveries", "mediation EFFORTS") or the noun after "N of" ("days of
    WAR GAMES", "a state OF EMERGENCY")."""
    for obj in direct_objects(verb) + passive_subjects(verb):
        names = {token_lemma(obj), compound_lemma(obj), obj.text.lower()}
        names |= {c.lemma_.lower() for c in obj.lefts if c.dep_ == "compound"}
        names |= set(adjective_lemmas(obj))
        names |= {f"{token_lemma(obj)} of {compound_lemma(p)}" for p in prep_objects(obj, ("of",))}
        if names & set(wanted):
            return obj
    return None


def _prep_object_matches(verb: Token, preps: tuple[str, ...], heads: tuple[str, ...]) -> bool:
    """Whether a phrase of one of ``preps`` on ``verb`` has one of ``heads`` as its object, or
    as the object's "of" noun ("jailed for A TOTAL OF 35 YEARS"); the parser often hangs the
    phrase from the verb's object instead ("challenged [the rules AT the court]")."""
    holders = [verb, *direct_objects(verb)]
    for obj in (o for h in holders for o in prep_objects(h, preps)):
        names = {token_lemma(obj), compound_lemma(obj)}
        names |= {token_lemma(p) for p in prep_objects(obj, ("of",))}
        if names & set(heads):
            return True
    return False


def _of_time(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Tuesday", "for a week")."""
    return any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in prep.children)


def _has_modal_clause(head: Token, deps: set[str], modals: tuple[str, ...]) -> bool:
    return any(
        c.dep_ in deps and any(a.dep_ == "aux" and a.lower_ in modals for a in c.children)
        for c in head.children
    )


def _verb_rule_ok(verb: Token, rule: TriggerRule, is_actor: ActorTest | None = None) -> bool:
    if rule.object and _object_matches(verb, rule.object) is None:
        return False
    if rule.object_is_actor and is_actor is not None and not _names_actor(verb, rule, is_actor):
        return False
    if rule.prep_object:
        if not _prep_object_matches(verb, rule.prep, rule.prep_object):
            return False
    elif rule.prep and not any(
        c.dep_ in {"prep", "dative", "prt"} and token_lemma(c) in rule.prep and not _of_time(c)
        for c in verb.children
    ) and not marked_clauses(verb, rule.prep):
        return False  # "called ON TUESDAY" is not "called on"
    # The parser reads some particles as adverbs ("hit BACK at", "pulled BACK from").
    if rule.particle and not any(
        c.dep_ in {"prt", "advmod"} and token_lemma(c) in rule.particle for c in verb.children
    ):
        return False
    if rule.intransitive and direct_objects(verb):
        return False
    if rule.ccomp_modal and not _has_modal_clause(verb, {"ccomp"}, rule.ccomp_modal):
        return False
    if rule.infinitive and not any(c.dep_ == "xcomp" for c in verb.children):
        return False
    return True


def _names_actor(verb: Token, rule: TriggerRule, is_actor: ActorTest) -> bool:
    """Whether the rule's object (its first target slot, or a passive subject, one the parse
    hides included) is an actor: "welcomed ZELENSKY" is a meeting, "welcomed the decision"
    is not."""
    hidden = hidden_passive_parts(verb)
    found = passive_subjects(verb) or (hidden[1] if hidden else [])
    for slot in rule.target:
        found += slot_tokens(slot, verb, verb)
        if found:
            break
    return any(is_actor(t) for t in found)


def _best(rules: list[TriggerRule]) -> TriggerRule | None:
    if not rules:
        return None
    return max(rules, key=lambda r: (r.specificity, -r.order))


def find_triggers(sent: Span, lexicon: Lexicon, is_actor: ActorTest | None = None,
                  leave: ActorTest | None = None) -> list[Trigger]:
    """All tokens of a sentence that match a lexicon rule, best rule per token.
    ``is_actor`` tells whether a token names an actor, for rules whose object must
    (``object_is_actor``); without it those rules do not check. ``leave`` names the event
    nouns a rule of the trigger step reads itself (they are left free here)."""
    triggers: list[Trigger] = []
    for token in tokens_of_pos(sent, _TRIGGER_POS):
        lemma = token_lemma(token)
        verb_lemma = next((f for f in verb_forms(token) if f in lexicon.verb_rules), None) \
            if token.pos_ in VERB_POS else None
        if verb_lemma is not None:
            rule = _best([r for r in lexicon.verb_rules[verb_lemma]
                          if _verb_rule_ok(token, r, is_actor)])
            if rule and not about_contest(token, lexicon.contest_nouns):
                triggers.append(Trigger(token, token, rule))
        elif token.pos_ in {"NOUN", "PROPN"} and token.ent_type_ != "DATE":  # not "in March"
            # "hunger strike" (compound), "JOINT exercise" (an adjective the model kept apart)
            noun_rules = lexicon.noun_rules.get(compound_lemma(token)) or next(
                (lexicon.noun_rules[name] for name in adjective_lemmas(token)
                 if name in lexicon.noun_rules), None
            ) or lexicon.noun_rules.get(lemma)
            if noun_rules and not (leave and leave(token)):
                trigger = _noun_trigger(token, noun_rules)
                if trigger and not noun_in_contest(trigger, lexicon.contest_nouns):
                    triggers.append(trigger)
    return _drop_nouns_covered_by_verbs(triggers)


# An event noun without a light verb counts only where the clause is about it:
# "talks took place", "IN a phone call, ...", "DURING talks", "talks WITH Putin".
NOUN_FRAME_PREPS = {"in", "during", "at"}


NOUN_ARGUMENT_PREPS = {"with", "between", "to", "against", "on"}


def _noun_is_the_event(noun: Token, verb: Token | None) -> bool:
    if verb is None:
        return any(c.dep_ == "prep" and c.lower_ in NOUN_ARGUMENT_PREPS for c in noun.children)
    if noun.dep_ in OBJECT_DEPS | SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS:
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ in NOUN_FRAME_PREPS:
        return True
    return any(c.dep_ == "prep" and c.lower_ in NOUN_ARGUMENT_PREPS for c in noun.children)


def _noun_trigger(noun: Token, rules: tuple[TriggerRule, ...]) -> Trigger | None:
    verb = light_verb_of(noun)
    usable = []
    for rule in rules:
        # A light verb carries its subject noun only intransitively ("riots CONTINUE"); one
        # with an object of its own acts on it ("concerns would EXPRESS themselves").
        if rule.light_verbs and (verb is None or not verb_in(verb, rule.light_verbs)
                                 or noun.dep_ == "nsubj" and direct_objects(verb)):
            continue
        if rule.clause_modal and not _has_modal_clause(noun, {"acl", "ccomp", "relcl"},
                                                       rule.clause_modal):
            continue
        if rule.prep and not any(c.dep_ == "prep" and token_lemma(c) in rule.prep
                                 for c in noun.children) \
                and not completing_clauses(noun, rule.prep):
            continue
        usable.append(rule)
    rule = _best(usable)
    if rule is None or (not rule.light_verbs and not _noun_is_the_event(noun, verb)):
        return None
    return Trigger(noun, verb, rule)


def _drop_nouns_covered_by_verbs(triggers: list[Trigger]) -> list[Trigger]:
    """A verb rule that consumed its object ("impose SANCTIONS") owns that noun."""
    verb_objects = set()
    for t in triggers:
        if t.token is t.verb and t.rule.object:
            obj = _object_matches(t.token, t.rule.object)
            if obj is not None:
                verb_objects.add(obj.i)
    return [t for t in triggers if t.token is t.verb or t.token.i not in verb_objects]
