"""Triggers read off the shape of a clause, not off one trigger word and its light verb.

Each is a rule of the ``trigger`` step (coding/rules.py ``TRIGGER_ORDER``): it gets the
sentence, the lexicon, the triggers already found and the actor test, and returns the
triggers it adds on tokens no trigger holds yet. The events it gives name the rule
(``trigger/<rule>``). Word lists: ``data/lexicon/structure_triggers.yaml``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping

from spacy.tokens import Span, Token

from diplograph.coding import (  # noqa: F401  (they register their trigger rules)
    collective_acts,
    failing_told,
    investigations,
    passive_sources,
    passive_verdicts,
    received_criticism,
    said_criticism,
    said_demands,
)
from diplograph.coding.rules import TRIGGER, trigger_rule
from diplograph.coding.said_clauses import affirmed_verbs, negated, said_contents
from diplograph.coding.token_table import tokens_of_pos
from diplograph.coding.triggers import (
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    ActorTest,
    Trigger,
    antecedent_subjects,
    clause_doers,
    compound_lemma,
    light_verb_of,
    noun_in_contest,
    noun_owners,
    prep_objects,
    rule_used_by,
    subject_owners,
    subject_tokens,
    target_tokens,
    token_lemma,
    verb_forms,
)
from diplograph.knowledge.coding_words import StructureWords, coding_words, structure_words
from diplograph.knowledge.lexicon import Lexicon, TriggerRule

# The dependencies of an event noun that is what its clause is about: the noun's light
# verb is then the clause the status and date are read from ("India's ban ... ANGERED").
_CLAUSE_NOUN_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})
_VERDICT_DEPS = frozenset({"attr", "acomp"})
# The parts of speech the rules below start from: a rule reads no other word of a sentence.
_NOUN = frozenset({"NOUN"})
_VERB = frozenset({"VERB"})
_ADJ = frozenset({"ADJ"})


def structure_triggers(sent: Span, lexicon: Lexicon, found: list[Trigger],
                       is_actor: ActorTest,
                       ready: Mapping[str, list[Trigger]] | None = None) -> list[Trigger]:
    """The triggers each rule of the ``trigger`` step adds, on tokens ``found`` leaves free:
    neither a trigger nor its object ("could LIFT its sanctions on Turkey": the sanctions
    are what is lifted, not an act of their own). A passive subject stays free: "the
    chancellor's condemnation of Iran WAS WELCOMED" reacts to an act that happened.
    ``ready``: the triggers of rules the caller already ran on ``sent``, by rule name."""
    taken = {t.token.i for t in found} | {t.verb.i for t in found if t.verb is not None}
    taken |= {c.i for t in found for c in (t.verb or t.token).children if c.dep_ in OBJECT_DEPS}
    added: list[Trigger] = []
    for rule in TRIGGER.ordered():
        made = ready.get(rule.name) if ready else None
        for trigger in made if made is not None else rule.func(sent, lexicon, is_actor):
            if trigger.token.i not in taken:
                taken.add(trigger.token.i)
                added.append(trigger)
    return added


# ------------------------------------------------------------------ nominal events
@trigger_rule("event-noun-with-its-own-actors", plover="diplograph")
def event_noun_with_its_own_actors(sent: Span, lexicon: Lexicon,
                                   is_actor: ActorTest) -> list[Trigger]:
    """An event noun whose own phrase names both sides: "RUSSIA's attack ON UKRAINE"."""
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        rules = _noun_rules(noun, lexicon)
        if not rules or not _has_owner(noun, is_actor) or _in_unasserted_frame(noun) \
                or _aimed_at_a_contest(noun, lexicon):
            continue
        rule = next((r for r in rules if _counterpart_named(noun, r, is_actor)), None)
        if rule is not None:
            verb = light_verb_of(noun) if noun.dep_ in _CLAUSE_NOUN_DEPS else None
            triggers.append(Trigger(noun, verb,
                                    rule_used_by(rule, "event-noun-with-its-own-actors")))
    return triggers


def _in_unasserted_frame(noun: Token) -> bool:
    """"FEARS OF a Russian attack", "CALLS FOR sanctions on X": the noun is feared or asked
    for, not told (``unasserted_frame_nouns``); joined nouns share the frame."""
    words = structure_words()
    while noun.dep_ == "conj":
        noun = noun.head
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in words.unasserted_frame_marks \
        and prep.head.pos_ == "NOUN" and prep.head.lemma_.lower() in words.unasserted_frame_nouns


def _aimed_at_a_contest(noun: Token, lexicon: Lexicon) -> bool:
    """"Brazil's attack on the Argentine GOAL", "Spain's strike on GOAL": the noun's own
    phrase names a game's thing (``contest_nouns``), so it is play, not an act."""
    words = structure_words()
    played = lexicon.contest_nouns | words.played_targets
    return any(token_lemma(o) in played or compound_lemma(o) in played
               for o in prep_objects(noun, tuple(words.counterpart_prepositions)))


def _noun_rules(noun: Token, lexicon: Lexicon) -> tuple[TriggerRule, ...]:
    """The lexicon's rules for an event noun (a common noun: "Talks" in a title is not)."""
    return lexicon.noun_rules.get(noun.lemma_.lower(), ()) if noun.pos_ == "NOUN" else ()


def _has_owner(noun: Token, is_actor: ActorTest) -> bool:
    """ "CHINA's ban", "the embargo BY SAUDI ARABIA": the noun names who acts."""
    return any(is_actor(o) for o in noun_owners(noun, is_actor))


def _counterpart_named(noun: Token, rule: TriggerRule, is_actor: ActorTest) -> bool:
    """One of the rule's own target phrases on the noun names an actor ("attack ON Kyiv"),
    or, for an ``obj_prep_owner`` slot, the owner of its object ("an inquiry into ISRAEL's
    conduct")."""
    allowed = structure_words().counterpart_prepositions
    preps = {word for slot in rule.target if slot.startswith(("obj_prep:", "prep:"))
             for word in slot.partition(":")[2].split("|")} & allowed
    owned = {word for slot in rule.target if slot.startswith("obj_prep_owner:")
             for word in slot.partition(":")[2].split("|")} & allowed
    owners = [o for t in prep_objects(noun, tuple(owned)) for o in t.lefts if o.dep_ == "poss"]
    return any(is_actor(t) for t in prep_objects(noun, tuple(preps)) + owners)


# ------------------------------------------------------------------ participle light verbs
PARTICIPLE_RULE = "trigger/event-noun-carried-by-its-participle"


@trigger_rule("event-noun-carried-by-its-participle", plover="diplograph")
def event_noun_carried_by_its_participle(sent: Span, lexicon: Lexicon,
                                         is_actor: ActorTest) -> list[Trigger]:
    """An event noun whose light verb is a participle after it: "the criticism VOICED by
    Sweden against Poland", "the talks HELD between Chile and Peru". The lexicon's noun
    step leaves these nouns free for it (``find_triggers``' ``leave``): ``sentence_frames``
    runs it first and hands its triggers to both steps, so the participles are read once."""
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        for rule in _noun_rules(noun, lexicon):
            participle = carrying_participle(noun, rule)
            if participle is not None:
                triggers.append(Trigger(noun, participle, _read_through_participle(rule)))
                break
    return triggers


def carrying_participle(noun: Token, rule: TriggerRule) -> Token | None:
    """The past participle after ``noun`` that is its light verb and names who acted or
    with whom ("the visit PAID by X to Y"); a bare one restricts the noun ("the talks
    planned")."""
    words = structure_words()
    light_verbs = set(rule.light_verbs) or words.participle_light_verbs
    for verb in noun.rights:
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in light_verbs \
                and any(c.dep_ == "agent" or c.dep_ == "prep"
                        and c.lower_ in words.counterpart_prepositions for c in verb.children):
            return verb
    return None


@functools.lru_cache(maxsize=256)
def _read_through_participle(rule: TriggerRule) -> TriggerRule:
    """The noun's rule with its target phrases read on the participle as well: "against
    Poland" hangs from "voiced", not from "criticism"."""
    target = tuple(slot.replace("obj_prep:", "prep:", 1) for slot in rule.target)
    # the parser often hangs the counterpart from the agent: "by the minister AGAINST Poland"
    target += tuple(slot.replace("prep:", "agent_prep:", 1) for slot in target
                    if slot.startswith("prep:"))
    return dataclasses.replace(rule, target=target, origin="event-noun-carried-by-its-participle")


# ------------------------------------------------------------------ the noun as the means
@trigger_rule("event-noun-as-the-means", plover="diplograph")
def event_noun_as_the_means(sent: Span, lexicon: Lexicon, is_actor: ActorTest) -> list[Trigger]:
    """An event noun told as the means of a verb of response or of opening: "China RESPONDED
    WITH SANCTIONS on US firms", "opened the debate WITH AN ATTACK on Labour's record". The
    verb is the noun's clause, so its subject is the source and its status the event's (as
    clause/means-gerund-is-its-own-event reads "responded BY EXPELLING")."""
    triggers = []
    for noun in tokens_of_pos(sent, _NOUN):
        verb = _means_verb(noun)
        rules = _noun_rules(noun, lexicon) if verb is not None else ()
        if rules:
            rule = next((r for r in rules if _has_target_phrase(noun, r)), rules[0])
            trigger = Trigger(noun, verb, rule_used_by(rule, "event-noun-as-the-means"))
            # "opened the MATCH with an attack on the French goal": a game, no act
            if not noun_in_contest(trigger, lexicon.contest_nouns):
                triggers.append(trigger)
    return triggers


def _means_verb(noun: Token) -> Token | None:
    """The active verb of ``means_noun_verbs`` whose ``means_noun_marks`` phrase ``noun``
    heads (or is joined to: "with tariffs AND A BAN on ..."), else None."""
    words = structure_words()
    while noun.dep_ == "conj":
        noun = noun.head
    prep, verb = noun.head, noun.head.head
    if noun.dep_ != "pobj" or prep.lower_ not in words.means_noun_marks or verb.pos_ != "VERB":
        return None
    if any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children):
        return None
    particles = [f"{verb.lemma_.lower()} {c.lower_}" for c in verb.children if c.dep_ == "prt"]
    forms = {*verb_forms(verb), *particles}
    return verb if forms & words.means_noun_verbs else None


def _has_target_phrase(noun: Token, rule: TriggerRule) -> bool:
    """Whether one of the rule's ``obj_prep`` target phrases hangs from the noun."""
    preps = {word for slot in rule.target if slot.startswith("obj_prep:")
             for word in slot.partition(":")[2].split("|")}
    return any(c.dep_ == "prep" and c.lower_ in preps for c in noun.children)


# ------------------------------------------------------------------ criticism in "said"
CRITICISM_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("ccomp_subj_owner",),
                             origin="criticism-told-as-what-was-said")


@trigger_rule("criticism-told-as-what-was-said", plover="3.9")
def criticism_told_as_what_was_said(sent: Span, lexicon: Lexicon,
                                    is_actor: ActorTest) -> list[Trigger]:
    """A verdict on an actor's act told as what was said: "said ISRAEL's decision was a
    MISTAKE" is disapproval of Israel."""
    words = structure_words()
    triggers = []
    for verb in tokens_of_pos(sent, _VERB):
        if not words.report_verbs & set(verb_forms(verb)):
            continue
        if any(_verdict_on_an_actor(c, words.verdict_words, is_actor) for c in verb.children
               if c.dep_ == "ccomp"):
            triggers.append(Trigger(verb, verb, CRITICISM_RULE))
    return triggers


def _verdict_on_an_actor(clause: Token, verdicts: frozenset[str], is_actor: ActorTest) -> bool:
    """ "X's decision WAS A MISTAKE": a copula clause, not negated, whose predicate is a
    verdict and whose subject is an actor's or names one (a pronoun for an act, "they were
    unfair", is the pronoun rule's below)."""
    pronouns = structure_words().act_pronouns
    return _verdict_clause(clause, verdicts) and any(
        is_actor(o) for s in _subjects(clause) if s.lower_ not in pronouns
        for o in subject_owners(s))


def _verdict_clause(clause: Token, verdicts: frozenset[str]) -> bool:
    """A copula clause, not negated, whose predicate is a verdict ("it WAS A MISTAKE")."""
    if clause.lemma_ != "be" or negated(clause):
        return False
    return _any_verdict([c for c in clause.children if c.dep_ in _VERDICT_DEPS], verdicts)


def _subjects(clause: Token) -> list[Token]:
    return [s for s in clause.children if s.dep_ == "nsubj"]


def _any_verdict(predicates: list[Token], verdicts: frozenset[str]) -> bool:
    """Whether a predicate, or one coordinated with it ("unfair AND short-sighted"), is a
    verdict word."""
    predicates = predicates + [p for c in predicates for p in c.conjuncts]
    return any(p.lemma_.lower() in verdicts or p.lower_ in verdicts
               or _hyphenated(p) in verdicts for p in predicates)


def _hyphenated(word: Token) -> str:
    """The word with the hyphenated half before it: the tokenizer splits "short-sighted"
    into three tokens, and the parser hangs the first half from the last."""
    doc = word.doc
    if word.i < 2 or doc[word.i - 1].text != "-":
        return word.lower_
    return f"{doc[word.i - 2].lower_}-{word.lower_}"


# ------------------------------------------------------------------ verdict by naming
NAMING_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("obj_mod", "dobj_owner"),
                          origin="verdict-given-by-naming")
PRAISE_RULE = TriggerRule(type="SUPPORT", mode=None, target=("obj_mod", "dobj_owner"),
                          origin="praise-given-by-naming")


@trigger_rule("verdict-given-by-naming", plover="3.9")
def verdict_given_by_naming(sent: Span, lexicon: Lexicon, is_actor: ActorTest) -> list[Trigger]:
    """A verdict given by naming an actor's act: "called MOROCCO's decision a MISTAKE",
    "described the Chinese plan AS A DISGRACE" is disapproval of its owner."""
    words = structure_words()
    triggers = []
    for verb in affirmed_verbs(sent, words.naming_verbs):
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if _verdict_or_insult(_named_as(verb, obj), words) and any(
                    is_actor(o) for o in (*subject_owners(obj), obj)):
                triggers.append(Trigger(verb, verb, NAMING_RULE))
                break
    return triggers


@trigger_rule("praise-given-by-naming", plover="3.3")
def praise_given_by_naming(sent: Span, lexicon: Lexicon, is_actor: ActorTest) -> list[Trigger]:
    """Praise given by naming an actor or its act: "described the Israeli prime minister AS
    THE BEST HOPE for peace", "called Greece's decision COURAGEOUS" is support of the actor
    (PLOVER 3.3). A name that is also a verdict or an insult is no praise ("the best-known
    LIAR"); naming oneself ("described HIMSELF as") names no other actor."""
    words = structure_words()
    triggers = []
    for verb in affirmed_verbs(sent, words.naming_verbs):
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            names = _named_as(verb, obj)
            if praise_without_verdict(names, words) and any(
                    is_actor(o) for o in (*subject_owners(obj), obj)):
                triggers.append(Trigger(verb, verb, PRAISE_RULE))
                break
    return triggers


def praise_without_verdict(names: list[Token], words: StructureWords) -> bool:
    """Whether a name, or a word modifying it ("a RELIABLE partner", "the BEST hope"), is
    praise, and none is a verdict or an insult."""
    said = _words_of_names(names)
    return bool(said & words.praise_words) and not _verdict_or_insult(names, words)


def _verdict_or_insult(names: list[Token], words: StructureWords) -> bool:
    """Whether a name is a verdict ("AS A DISGRACE", "unfair AND RECKLESS"), or it or a word
    modifying it an insult ("as A BULLY", "a ROGUE state")."""
    return _any_verdict(names, words.verdict_words) or bool(
        _words_of_names(names) & coding_words().insult_words)


def _words_of_names(names: list[Token]) -> set[str]:
    """The words and lemmas of the names, of those joined to them and of their modifiers."""
    said = {w.lower_ for n in names for w in (n, *n.children, *n.conjuncts)
            if w is n or w.dep_ not in _NAME_CLAUSE_DEPS}
    said |= {w.lemma_.lower() for n in names for w in (n, *n.conjuncts)}
    return said | {_hyphenated(n) for n in names}


# The parts of a name that say something of their own: "a model FOR Africa", "a man WHO LIED".
_NAME_CLAUSE_DEPS = frozenset({"prep", "relcl", "acl"})


def _named_as(verb: Token, obj: Token) -> list[Token]:
    """What the object is called: "called it A MISTAKE" (the parser reads the name as an
    object predicate or as the object's apposition) or "described it AS A DISGRACE"."""
    names = [c for c in verb.children if c.dep_ in {"oprd", "ccomp", "xcomp"}]
    names += [c for c in obj.children if c.dep_ == "appos"]
    # "branded the way India handled it AS irresponsible", "described Britain's decision AS
    # a disgrace": the parser may hang "as" low, from the object or its relative clause
    holders = [verb, obj, *(c for c in obj.children if c.dep_ == "relcl")]
    # "as unfair": the parser hangs a bare adjective from "as" as a modifier, not an object
    return names + [w for h in holders for p in h.children if p.dep_ == "prep"
                    and p.lower_ == "as" for w in p.children]


# ------------------------------------------------------------------ a pronoun for the act
PRONOUN_RULE = TriggerRule(type="ACCUSE", mode="disapprove", target=("antecedent_subj",),
                           origin="verdict-on-an-act-named-by-a-pronoun")


@trigger_rule("verdict-on-an-act-named-by-a-pronoun", plover="3.9")
def verdict_on_an_act_named_by_a_pronoun(sent: Span, lexicon: Lexicon,
                                         is_actor: ActorTest) -> list[Trigger]:
    """The verdict of the two rules above on an act a pronoun names: "Russia unveiled its
    plan, but Kyiv said IT was absurd", "... to Argentina, which called IT a provocation"
    is disapproval of the actor who did what the clause before told."""
    words = structure_words()
    triggers = []
    for verb in tokens_of_pos(sent, _VERB):
        if negated(verb) or not _judges_a_pronoun(verb, words):
            continue
        owners = antecedent_subjects(verb)
        if any(is_actor(o) for o in owners) and not _same_speaker(verb, owners):
            triggers.append(Trigger(verb, verb, PRONOUN_RULE))
    return triggers


def _judges_a_pronoun(verb: Token, words: StructureWords) -> bool:
    """ "said IT was a mistake" (a report verb) or "called IT a mistake" (a naming verb)."""
    forms = set(verb_forms(verb))
    if words.report_verbs & forms:
        return any(c.dep_ == "ccomp" and _verdict_clause(c, words.verdict_words)
                   and any(s.lower_ in words.act_pronouns for s in _subjects(c))
                   and not _extraposed_clause(c) for c in verb.children)
    return bool(words.naming_verbs & forms) and any(
        obj.dep_ == "dobj" and obj.lower_ in words.act_pronouns
        and _any_verdict(_named_as(verb, obj), words.verdict_words) for obj in verb.children)


# Grammar: the word that opens a clause put after its predicate ("it was a scandal THAT the
# system discriminated", "it was wrong THAT ministers ignored it"); "it" then stands for that
# clause, not for an act told before.
_EXTRAPOSED_MARKS = frozenset({"that"})
# The small model hangs such a clause as a complement, a relative clause or, unlabelled, as
# "dep" with "that" as its head ("was ... THAT the system discriminated").
_EXTRAPOSED_DEPS = frozenset({"ccomp", "relcl", "acl", "dep"})


def _extraposed_clause(copula: Token) -> bool:
    """Whether the verdict clause ends in a clause of its own subject opened by "that",
    under the copula or its predicate: the pronoun is the empty "it" of that clause."""
    heads = [copula, *(c for c in copula.children if c.dep_ in _VERDICT_DEPS)]
    return any(c.dep_ in _EXTRAPOSED_DEPS and any(s.dep_ == "nsubj" for s in c.children)
               and c.doc[c.left_edge.i].lower_ in _EXTRAPOSED_MARKS
               for h in heads for c in h.children if c.i > h.i)


def _same_speaker(verb: Token, owners: list[Token]) -> bool:
    """ "The minister arrived on Monday; SHE said it was a disgrace": the one who did the act
    before is the speaker, so the pronoun stands for something else."""
    speakers = subject_tokens(verb)
    return any(s.pos_ == "PRON" or s.lemma_ in {o.lemma_ for o in owners} for s in speakers)


# ------------------------------------------------------------------ wrongdoing in "said"
WRONGDOING_RULE = TriggerRule(type="ACCUSE", mode="allege", target=("ccomp_doer",),
                              origin="wrongdoing-told-as-what-was-said")


@trigger_rule("wrongdoing-told-as-what-was-said", plover="3.9")
def wrongdoing_told_as_what_was_said(sent: Span, lexicon: Lexicon,
                                     is_actor: ActorTest) -> list[Trigger]:
    """Wrongdoing by an actor told as what was said: "said RUSSIA had RIGGED the vote",
    "claimed the documents had been FALSIFIED by Belarus" is an allegation against it."""
    words = structure_words()
    triggers = []
    for verb in affirmed_verbs(sent, words.report_verbs):
        if any(_wrongdoing_by_an_actor(c, words.wrongdoing_verbs, is_actor)
               for c in said_contents(verb)):
            triggers.append(Trigger(verb, verb, WRONGDOING_RULE))
    return triggers


def _wrongdoing_by_an_actor(clause: Token, wrongdoing: frozenset[str], is_actor: ActorTest) -> bool:
    """ "Russia HAD RIGGED the vote": a said clause whose verb is wrongdoing and whose doer is
    an actor."""
    return bool(wrongdoing & set(verb_forms(clause))) and any(
        is_actor(d) for d in clause_doers(clause))


# ------------------------------------------------------------------ a stance told by a predicate
_STANCE_POS = frozenset({"ADJ", "NOUN"})
_STANCE_DEPS = frozenset({"acomp", "attr"})
STANCE_RULES = {
    "ACCUSE": TriggerRule(type="ACCUSE", mode="disapprove", target=("prep_owner:of|about",),
                          origin="stance-told-by-a-predicate"),
    "SUPPORT": TriggerRule(type="SUPPORT", mode=None, target=("prep_owner:of",),
                           origin="stance-told-by-a-predicate"),
}


@trigger_rule("stance-told-by-a-predicate", plover="3.3, 3.9")
def stance_told_by_a_predicate(sent: Span, lexicon: Lexicon,
                               is_actor: ActorTest) -> list[Trigger]:
    """A standing stance on an actor told by a copula and a stance word: "Germany HAS BEEN
    CRITICAL OF Hungary's veto" and "Estonia is a CRITIC OF Russia" are disapproval (PLOVER
    3.9), "Poland is SUPPORTIVE OF Ukraine's bid" and "a SUPPORTER OF Ukraine" support. The
    copula is the clause (its subject the source, its negation and mood the status)."""
    triggers = []
    for word in tokens_of_pos(sent, _STANCE_POS):
        rule = _stance_rule(word)
        copula = _copula_of(word)
        if (rule is not None and copula is not None
                and copula.lemma_.lower() in structure_words().stance_copulas
                and not _stance_on_a_contest(word, lexicon.contest_nouns)
                and any(is_actor(t) for t in target_tokens(Trigger(word, copula, rule)))):
            triggers.append(Trigger(word, copula, rule))
    return triggers


def _copula_of(word: Token) -> Token | None:
    """The copula ``word`` is a predicate of: its complement's head, or, for an adjective
    joined to the complement ("has been supportive of Ukraine BUT CRITICAL of Kyiv's exports",
    "was neutral in the war but CRITICAL of ..."), the complement's copula (the parser hangs
    the adjective from the copula or from the complement)."""
    if word.dep_ in _STANCE_DEPS:
        return word.head
    if word.dep_ != "conj" or word.pos_ != "ADJ":
        return None
    head = word.head
    while head.dep_ == "conj":
        head = head.head
    if head.dep_ in _STANCE_DEPS:
        return head.head
    return head if any(c.dep_ in _STANCE_DEPS and c.i < word.i for c in head.children) else None


def _stance_on_a_contest(word: Token, contest_nouns: frozenset[str]) -> bool:
    """ "a supporter of Southampton football CLUB": a fan of a side in a game, no actor's
    stance (the lexicon's contest nouns, as its noun rules read them)."""
    return any(o.lemma_.lower() in contest_nouns
               for o in prep_objects(word, tuple(structure_words().stance_marks)))


def _stance_rule(word: Token) -> TriggerRule | None:
    """The stance rule of a stance adjective or role noun, else None."""
    words, lemma = structure_words(), word.lemma_.lower()
    if lemma in words.disapproving_predicates:
        return STANCE_RULES["ACCUSE"]
    return STANCE_RULES["SUPPORT"] if lemma in words.supporting_predicates else None


# ------------------------------------------------------------------ intent told by a predicate
INTENT_RULE = TriggerRule(type="AGREE", mode=None, target=("xcomp_obj", "xcomp_prep:with"),
                          origin="intent-told-by-a-predicate")
# The rules above whose trigger is a predicate of a copula (the copula its verb).
PREDICATE_ORIGINS = frozenset({"stance-told-by-a-predicate", INTENT_RULE.origin})


@trigger_rule("intent-told-by-a-predicate", plover="3.1")
def intent_told_by_a_predicate(sent: Span, lexicon: Lexicon,
                               is_actor: ActorTest) -> list[Trigger]:
    """A declared readiness to deal with an actor, told by a copula and an adjective of
    readiness: "Cosla IS WILLING TO WORK WITH the executive", "Armenia is READY TO NEGOTIATE
    WITH Azerbaijan", "Japan is PREPARED TO MEET Kim Jong Un" are AGREE (PLOVER 3.1; SPEC 4,
    "ready for dialogue"). The copula is the clause (its subject the source, its negation and
    mood the status); the act it embeds folds into it
    (fold/readiness-told-by-a-predicate-absorbs-the-act)."""
    words = structure_words()
    triggers = []
    for word in tokens_of_pos(sent, _ADJ):
        copula = _copula_of(word)
        if (word.lemma_.lower() in words.intent_predicates and copula is not None
                and copula.lemma_.lower() in words.stance_copulas
                and _intended_act(word, words.intent_acts) is not None):
            trigger = Trigger(word, copula, INTENT_RULE)
            if any(is_actor(t) for t in target_tokens(trigger)):
                triggers.append(trigger)
    return triggers


def _intended_act(word: Token, acts: frozenset[str]) -> Token | None:
    """The infinitive of an act of dealing with someone under ``word`` ("willing TO WORK")."""
    return next((c for c in word.children if c.dep_ == "xcomp"
                 and c.lemma_.lower() in acts), None)
