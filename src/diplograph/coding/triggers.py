"""Event triggers and their argument tokens in a dependency parse.

A trigger is a verb (or an event noun carried by a light verb) that matches a
lexicon rule (matching is :mod:`diplograph.coding.trigger_matching`'s). Its arguments
are tokens (heads of noun phrases): this module reads the subjects, objects and the
target slots a rule names; turning those tokens into actors is the actor resolver's job.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Token

from diplograph.coding.token_table import TokenTable, token_table
from diplograph.knowledge.coding_words import coding_words, structure_words
from diplograph.knowledge.lexicon import TriggerRule

SUBJECT_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
# Clauses whose words belong to another event, not to the trigger's arguments.
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "csubj"}
RELATIVE_PRONOUNS = {"who", "which", "that", "whom"}
# Where the parser hangs an infinitive clause from the verb or noun it completes.
INFINITIVE_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "ccomp", "acl"})
VERB_POS = {"VERB", "AUX"}
ActorTest = Callable[[Token], bool]
# Participles that after "be" describe the subject's stance, not something done to it.
STATIVE_PARTICIPLES = frozenset({"opposed", "committed", "determined", "resolved", "prepared",
                                 "inclined", "disposed", "engaged", "involved"})


def rule_used_by(rule: TriggerRule, name: str) -> TriggerRule:
    """The lexicon ``rule`` as the structure rule ``name`` uses it (its events name it)."""
    return replace(rule, origin=name)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched rule on a token; ``verb`` carries the clause (the noun's light verb)."""

    token: Token  # the trigger word: a verb or an event noun
    verb: Token | None  # the verb whose subject is the source (the token itself for verbs)
    rule: TriggerRule

    @property
    def passive(self) -> bool:
        if self.verb is None or self.verb.lower_ in STATIVE_PARTICIPLES and not any(
                c.dep_ == "agent" for c in self.verb.children):
            return False  # "Israel IS OPPOSED to the plan": a stance, said of the subject
        return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass"
                   for c in self.verb.children) or agent_participle(self.verb)


def agent_participle(verb: Token) -> bool:
    """ "The loan OFFERED BY the World Bank": a past participle after its noun, with an agent."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and any(
        c.dep_ == "agent" for c in verb.children)


def means_gerund(node: Token) -> bool:
    """ "responded BY EXPELLING", "IN CONDEMNING the raid, Russia ...": a gerund under a
    preposition of means (``coding.yaml`` means_marks) that hangs from a verb; it tells an act
    of that verb's subject, at that verb's time."""
    prep = node.head
    return (node.dep_ == "pcomp" and node.tag_ == "VBG" and prep.dep_ == "prep"
            and prep.lower_ in coding_words().means_marks and prep.head.pos_ in VERB_POS)


def passive_subjects(verb: Token) -> list[Token]:
    """What a passive verb was done to: its subject, the noun a relative pronoun stands for
    ("the diplomat WHO was expelled"), or the noun an agent participle hangs from."""
    found = [_antecedent(c) for c in verb.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
    if not found and agent_participle(verb):
        found = [verb.head]
    return found


def hidden_passive_parts(verb: Token) -> tuple[list[Token], list[Token]] | None:
    """(agents, patients) of a passive the parse hides, else None: participles joined by
    "and" share the subject and the agent ("were ARRESTED and later RELEASED BY Russia": the
    parser gives "were" and the subject to the first, the agent to the last); a participle
    with an agent and no auxiliary is passive even where the parser gave it a subject ("the
    Iranians RELEASED BY the US were ...", parsed as a clause) or hung it from a noun
    ("Ghana and Togo CONDEMNED BY the AU", a headline)."""
    children = {c.dep_ for c in verb.children}
    # An agent arc makes the verb a participle even where the tagger read a past tense
    # (the headline "Chile and Peru PRAISED BY the World Bank").
    if verb.tag_ != "VBN" and not (verb.tag_ == "VBD" and "agent" in children):
        return None
    chain = _passive_coordination(verb)
    if len(chain) > 1:
        agents = prep_objects(verb, ("by",)) or [a for v in chain for a in prep_objects(v, ("by",))]
        return agents, [p for s in passive_subjects(chain[0]) for p in (s, *s.conjuncts)]
    if "agent" in children and "nsubj" in children and not children & {"aux", "auxpass"}:
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return prep_objects(verb, ("by",)), [p for s in subjects for p in (s, *s.conjuncts)]
    if "agent" in children and verb.dep_ == "acl":
        # "Ghana and Togo CONDEMNED BY the African Union": the nouns it hangs from are the
        # patients of a participle with its agent (a headline, a reduced relative clause)
        return prep_objects(verb, ("by",)), [verb.head, *verb.head.conjuncts]
    return None


def _passive_coordination(verb: Token) -> list[Token]:
    """The passive participles ``verb`` is coordinated with, itself included, first the one
    that holds the subject; [] for a verb in no such coordination."""
    head = verb.head if verb.dep_ == "conj" else verb
    if head.tag_ != "VBN" or not any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in head.children):
        return []
    joined = [c for c in head.conjuncts if c.tag_ == "VBN" and not any(
        d.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for d in c.children)]
    return [head, *joined] if verb is head or verb in joined else []


def _antecedent(token: Token) -> Token:
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def token_lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_forms(token: Token) -> tuple[str, ...]:
    """The lemma and plausible base forms of a verb: the small model sometimes lemmatises
    wrongly ("staged" → "stag"), so the regular inflections are undone by hand too."""
    return verb_forms_of(token_table(token.doc), token.i)


def verb_forms_of(tokens: TokenTable, i: int) -> tuple[str, ...]:
    """``verb_forms`` of token i, read in the Doc's token table (no Token built)."""
    return _verb_forms(tokens.lemma[i].lower(), tokens.lower[i])


@functools.lru_cache(maxsize=65536)
def _verb_forms(lemma: str, word: str) -> tuple[str, ...]:
    """``verb_forms`` of a lemma and a lower-case word (asked for each verb by each trigger
    source: the forms of a word are spelled out once per process)."""
    forms = [lemma, word]
    for suffix, repl in (("ied", "y"), ("ies", "y"), ("ed", "e"), ("ed", ""), ("es", ""),
                         ("s", ""), ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.append(word[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(forms))


def verb_in(token: Token, words: tuple[str, ...]) -> bool:
    return any(form in words for form in verb_forms(token))


def compound_lemma(token: Token) -> str:
    """The noun with its compound modifiers: "phone call", "hunger strike"."""
    parts = [c.lemma_.lower() for c in token.lefts if c.dep_ == "compound"]
    return " ".join(parts + [token_lemma(token)])


# Quantity nouns whose "of" phrase is the real object ("suspended PART OF the aid programme").
PARTITIVES = {"part", "portion", "some", "most", "all", "half", "much", "rest", "bulk", "share",
              "third", "quarter", "many", "several", "dozens", "hundreds", "thousands"}
AMOUNTS = {"million", "billion", "trillion", "thousand", "hundred", "worth", "tons", "tonnes"}


def adjective_lemmas(token: Token) -> list[str]:
    """The noun with each adjective the model did not read as a compound: "MARTIAL law",
    "TEAR gas", "JOINT exercise"."""
    return [f"{c.lower_} {token_lemma(token)}" for c in token.lefts if c.dep_ == "amod"]


def direct_objects(verb: Token) -> list[Token]:
    objects = [_past_partitive(c) for c in verb.children if c.dep_ in OBJECT_DEPS]
    return objects + [c for o in objects for c in o.conjuncts]


def _past_partitive(obj: Token) -> Token:
    if obj.lower_ in PARTITIVES:
        inner = prep_objects(obj, ("of",))
    elif obj.lower_ in AMOUNTS:  # "$5.5 billion IN AID", "$50,000 WORTH OF goods"
        inner = prep_objects(obj, ("in", "of", "worth"))
    else:
        return obj
    return inner[0] if inner else obj


def prep_objects(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of prepositions ``preps`` hanging from ``head`` ("talks WITH Putin")."""
    found = []
    for child in head.children:
        if child.dep_ in {"prep", "dative", "agent"} and token_lemma(child) in preps:
            for pobj in child.children:
                if pobj.dep_ in {"pobj", "pcomp"}:
                    found.append(pobj)
                    found.extend(pobj.conjuncts)
    return found


def marked_clauses(head: Token, preps: tuple[str, ...]) -> list[Token]:
    """Infinitive clauses introduced by one of ``preps`` ("called FOR Russia TO return the
    children"): the parser hangs "for" from the clause's verb as its ``mark``, so the clause
    stands where a prepositional object would ("called for the return of the children")."""
    return [c for c in head.children if c.dep_ in INFINITIVE_CLAUSE_DEPS
            and any(m.dep_ == "mark" and m.lower_ in preps for m in c.children)
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def completing_clauses(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The ``marked_clauses`` that complete an event noun: hung from the noun ("its call FOR
    Iran TO free"), or, the parser's other reading, from the verb the noun is the object of
    ("repeated its calls | FOR Israel TO withdraw")."""
    clauses = marked_clauses(noun, preps)
    if clauses or noun.dep_ not in OBJECT_DEPS or noun.head.pos_ not in VERB_POS:
        return clauses
    return marked_clauses(noun.head, preps)


def about_contest(verb: Token, contest_nouns: frozenset[str]) -> bool:
    """ "Met IN THE FINAL", "stormed TO VICTORY", "agreed to buy ... IN A DEAL": the verb's
    object or prepositional phrase names a game or a market, not a political act."""
    if not contest_nouns:
        return False
    heads = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    heads += prep_objects(verb, FALLBACK_PREPS)
    return any(token_lemma(h) in contest_nouns or compound_lemma(h) in contest_nouns for h in heads)


def noun_in_contest(trigger: Trigger, contest_nouns: frozenset[str]) -> bool:
    """ "A Champions LEAGUE clash", "took part in the FINAL": an event noun of a game."""
    return any(c.dep_ == "compound" and token_lemma(c) in contest_nouns
               for c in trigger.token.lefts) \
        or (trigger.verb is not None and about_contest(trigger.verb, contest_nouns))


def light_verb_of(noun: Token) -> Token | None:
    """The verb an event noun hangs from: "HELD talks", "IN a call" → the clause verb."""
    head = noun.head
    if noun.dep_ in OBJECT_DEPS | PASSIVE_SUBJECT_DEPS | {"nsubj"} and head.pos_ in VERB_POS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in VERB_POS:
        return head.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.dep_ == "acomp":
        return head.head  # "ready FOR dialogue": the adjective carries the clause
    if noun.dep_ == "conj":
        return light_verb_of(noun.head)
    if (noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ in {"NOUN", "NUM"}
            and head.head.dep_ in OBJECT_DEPS):
        return light_verb_of(head.head)  # "launched ten days OF war games"
    return None


def subject_tokens(verb: Token) -> list[Token]:
    """The subject(s) of a verb, inherited through xcomp/conj chains and relative clauses."""
    seen = 0
    while verb is not None and seen < 6:
        seen += 1
        stance = verb.lower_ in STATIVE_PARTICIPLES
        deps = SUBJECT_DEPS if seen == 1 and not stance else SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS
        # "Zelenskyy is expected TO MEET": a raising verb's passive subject is the actor.
        subjects = [c for c in verb.children if c.dep_ in deps]
        if subjects:
            subj = subjects[0]
            if subj.lower_ in RELATIVE_PRONOUNS:
                subj = _relative_antecedent(verb) or subj
            return [subj, *subj.conjuncts]
        controller = _object_controller(verb)
        if controller is not None:
            return [controller, *controller.conjuncts]
        if means_gerund(verb):
            verb = verb.head.head  # "responded BY EXPELLING": the doer of the verb it hangs from
            continue
        if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp", "acomp"} and verb.head is not verb:
            verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return [verb.head, *verb.head.conjuncts]
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return [verb.head]
        return []
    return []


def _relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative pronoun subject stands for: "pastors WHO met", and where the
    relative clause tells what was said of it, "North Korea, WHICH he said HAD a record"."""
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        verb = verb.head
    return verb.head if verb.dep_ == "relcl" else None


def _object_controller(verb: Token) -> Token | None:
    """ "Putin invited TRUMP to visit Russia": the object of an object-control verb
    (invite, urge, ask, allow, advise...) is the subject of its infinitive."""
    if verb.dep_ != "xcomp" or verb.head is verb:
        return None
    objects = [c for c in verb.head.children if c.dep_ in {"dobj", "obj"} and c.i < verb.i]
    return objects[0] if objects else None


def antecedent_subjects(verb: Token) -> list[Token]:
    """Who did what a pronoun in ``verb``'s clause stands for ("Russia unveiled its plan, but
    Kyiv said IT was absurd"): the subject of the clause before, the one ``verb`` is
    coordinated with or whose noun its relative clause describes ("... to Argentina, WHICH
    called it"), else the main clause of the previous sentence."""
    if verb.dep_ == "conj":
        clause = verb.head
    elif verb.dep_ == "relcl":
        clause = next((a for a in verb.ancestors if a.pos_ in VERB_POS), verb)
    elif verb.dep_ == "ROOT" and verb.sent.start > 0:
        clause = verb.doc[verb.sent.start - 1].sent.root
    else:
        return []
    return subject_tokens(clause) if clause.i != verb.i and clause.pos_ in VERB_POS else []


def noun_owners(noun: Token, is_actor: ActorTest) -> list[Token]:
    """Who an event noun says acts: its possessor ("RUSSIA's attack"), its agent ("the
    embargo BY Saudi Arabia"), else a state's adjective ("the BRITISH condemnation of")."""
    owners = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, ("by",))
    return owners or [c for c in noun.children if c.dep_ == "amod" and is_actor(c)]


def subject_owners(subject: Token, _seen: frozenset[int] = frozenset()) -> list[Token]:
    """Whose the subject of a verdict is: its possessor ("ISRAEL's decision"), a state's
    adjective ("the AMERICAN wall plan"), the doer of a way of acting ("the way RUSSIA
    treated them"), else the subject itself ("Israel was wrong")."""
    owners = [c for c in subject.children if c.dep_ in {"poss", "amod", "compound"}]
    if not owners and subject.lemma_.lower() in structure_words().manner_nouns:
        # the doer's own owner where it has one: "the way Mr Blunkett's OFFICE operated";
        # a passive relative clause ("the way the permits WERE ISSUED") may give the manner
        # noun back as its own subject, so a token already walked is not walked again
        seen = _seen | {subject.i}
        owners = [o for c in subject.children if c.dep_ == "relcl" for s in subject_tokens(c)
                  if s.lower_ not in RELATIVE_PRONOUNS and s.i not in seen
                  for o in subject_owners(s, seen)]
    return owners or [subject]


def clause_doers(clause: Token) -> list[Token]:
    """Who did the act of a clause: the subject of an active clause ("RUSSIA had rigged"), the
    agent of a passive ("were falsified BY BELARUS"), else the owner of what it was done to
    ("PAKISTAN's figures were manipulated")."""
    if not any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in clause.children):
        return subject_tokens(clause)[:3]
    agents = prep_objects(clause, ("by",))
    owners = [c for s in passive_subjects(clause) for c in s.children
              if c.dep_ in {"poss", "amod", "compound"}]
    return agents or owners


def passive_parts(verb: Token) -> tuple[list[Token], list[Token]]:
    """(agents, patients) of a passive verb: "Zelensky was received BY Macron"."""
    patients = passive_subjects(verb)
    patients += [c for p in patients for c in p.conjuncts]
    agents = prep_objects(verb, ("by",))
    return agents, patients


def target_tokens(trigger: Trigger) -> list[Token]:
    """Candidate target tokens in the order of the rule's ``target`` slots."""
    token, verb = trigger.token, trigger.verb
    for slot in trigger.rule.target:
        found = slot_tokens(slot, token, verb)
        if found:
            return found
    return []


FALLBACK_PREPS = ("to", "with", "against", "on", "at", "toward", "towards", "into", "from",
                  "in", "for", "over", "of", "upon")


def fallback_target_tokens(trigger: Trigger) -> list[Token]:
    """Where a target usually is when the rule's slots found none, nearest first:
    the object, a recipient, a prepositional argument, then the same inside an
    embedded infinitive ("promised TO CONTINUE aid TO MOZAMBIQUE")."""
    heads = [trigger.token] if trigger.verb is not trigger.token else []
    if trigger.verb is not None:
        heads.append(trigger.verb)
    found: list[Token] = []
    for head in heads:
        found += _argument_tokens(head)
        for child in head.children:
            if child.dep_ == "xcomp" or (child.dep_ == "advcl" and _is_infinitive(child)):
                found += _argument_tokens(child)
    return found


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _argument_tokens(head: Token) -> list[Token]:
    found = [c for c in head.children if c.dep_ in OBJECT_DEPS | {"dative"} and c.pos_ != "ADP"]
    found += [m for c in head.children if c.dep_ in OBJECT_DEPS
              for m in c.lefts if m.dep_ in {"poss", "amod", "compound", "nmod"}]
    found += prep_objects(head, FALLBACK_PREPS)
    found += [c for c in head.children if c.dep_ == "poss"]
    return found


def slot_tokens(slot: str, token: Token, verb: Token | None) -> list[Token]:
    kind, _, word = slot.partition(":")
    words = tuple(word.split("|")) if word else ()
    is_noun = verb is not token
    if kind == "dobj":
        return [] if is_noun else direct_objects(token)
    if kind == "prep":
        if is_noun:
            return prep_objects(token, words) + (prep_objects(verb, words) if verb else [])
        return prep_objects(token, words)
    if kind == "agent_prep":  # "voiced by the minister AGAINST POLAND": hung from the agent
        agents = prep_objects(verb, ("by",)) if verb is not None and is_noun else []
        return [t for a in agents for t in prep_objects(a, words)]
    if kind == "obj_prep":
        holders = [token] if is_noun else direct_objects(token)
        return [t for h in holders for t in prep_objects(h, words)]
    if kind == "obj_prep_owner":  # "the investigation into CLINTON's emails"
        holders = [token] if is_noun else direct_objects(token)
        return [o for h in holders for t in prep_objects(h, words) for o in t.lefts
                if o.dep_ == "poss"]
    if kind == "obj_poss":
        holders = [token] if is_noun else direct_objects(token)
        return [c for h in holders for c in h.lefts if c.dep_ == "poss"]
    if kind == "obj_mod":
        holders = [token] if is_noun else direct_objects(token)
        return [
            c for h in holders for c in h.lefts if c.dep_ in {"poss", "amod", "compound", "nmod"}
        ]
    if kind == "dative":
        if is_noun:
            return []
        return [c for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"] + prep_objects(
            token, ("to",)
        )
    if kind == "clause_subj":  # "its demand THAT ISRAEL ease restrictions"
        holders = [token] if is_noun else direct_objects(token)
        return [s for h in holders for c in h.children if c.dep_ in {"acl", "ccomp", "relcl"}
                and c.pos_ in VERB_POS and any(m.dep_ == "mark" for m in c.children)
                for s in subject_tokens(c)[:3]]
    if kind == "dobj_owner":  # "called the way RUSSIA acted a mistake", else the object
        return [o for obj in direct_objects(token) for o in subject_owners(obj)]
    if kind == "ccomp_subj_owner":  # "said ISRAEL's decision was a mistake"
        return [o for c in token.children if c.dep_ == "ccomp"
                for s in c.children if s.dep_ == "nsubj" for o in subject_owners(s)]
    if kind == "ccomp_doer":  # "said RUSSIA had rigged it", "... been falsified BY BELARUS"
        return [d for c in token.children if c.dep_ == "ccomp" for d in clause_doers(c)]
    if kind == "antecedent_subj":  # "Russia unveiled its plan, but Kyiv said IT was absurd"
        return antecedent_subjects(token)
    if kind == "for_clause_subj":  # "called for RUSSIA to return the children"
        preps = words or ("for",)
        clauses = completing_clauses(token, preps) if is_noun else marked_clauses(token, preps)
        return [s for c in clauses for s in subject_tokens(c)[:3]]
    if kind == "ccomp_subj":
        return [s for c in token.children if c.dep_ == "ccomp" for s in subject_tokens(c)[:3]
                if c.pos_ in VERB_POS]
    if kind == "prep_owner":  # "critical of CHINA's curbs", "any CHINESE move", "of RUSSIA"
        return [o for p in prep_objects(token, words)
                for o in [*(c for c in p.children if c.dep_ in {"poss", "amod"}), p]]
    if kind == "xcomp_obj":
        return [o for c in token.children if c.dep_ == "xcomp" for o in direct_objects(c)]
    if kind == "xcomp_prep":  # "willing to work WITH CHINA"
        return [o for c in token.children if c.dep_ == "xcomp" for o in prep_objects(c, words)]
    return []
