"""PLOVER recodings of a frame: the act the words name is not always the act coded.

"Failed to reach agreement" is a REJECT, "will support" an AGREE, "is prepared to
impose martial law" a THREATEN (PLOVER manual, chapter 3). The recode rules are
tried in their pinned order and the first that fires wins; a frame no rule fits
keeps its trigger's type. A frame without a mode then takes the first mode whose
cue words (``data/lexicon/modes.yaml``) are in the trigger's phrase.

One recoding needs the actors, so it runs with the argument rules: drills held by
two states together are COOPERATE (``joint-drill-is-cooperate``). So does the rule that
drops a warning of a danger, which threatens nothing (``warning-of-a-danger-is-no-threat``,
beside its recoding ``warning-against-an-act-is-a-demand``); the rules of naming and asking
are in ``naming.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from diplograph.coding import status
from diplograph.coding.frames import Frame
from diplograph.coding.rules import RECODE, argument_rule, recode_rule
from diplograph.coding.triggers import CLAUSE_DEPS, Trigger
from diplograph.knowledge.coding_words import coding_words
from diplograph.knowledge.lexicon import Lexicon

# Acts a vow NOT to do is restraint, not refusal ("vowed not to attack").
HOSTILE_TYPES = frozenset({"REJECT", "THREATEN", "ACCUSE", "PROTEST", "SANCTION", "MOBILIZE",
                           "COERCE", "ASSAULT"})

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments


def recode(frame: Frame, lexicon: Lexicon) -> None:
    """Apply the first recode rule that fits, then read the mode from cue words."""
    for rule in RECODE.ordered():
        if rule.applies_to(frame.type) and rule.func(frame):
            frame.rules.append(rule.name)
            break
    if frame.mode is None:
        frame.mode = _mode_from_cues(frame, lexicon)
        if frame.mode is not None:
            frame.rules.append(f"mode/{frame.type}:{frame.mode}")


@recode_rule("failed-agreement-is-reject", plover="3.10", types={"AGREE", "CONSULT"})
def _failed_agreement(frame: Frame) -> bool:
    """Failing to reach agreement (or to meet) is a REJECT, and the failure happened."""
    if not _governed_by(frame.trigger, {"fail"}):
        return False
    frame.type, frame.mode, frame.failed = "REJECT", None, True
    return True


@recode_rule("refused-backing-is-reject", plover="3.10", types={"SUPPORT"})
def _refused_backing(frame: Frame) -> bool:
    """Not backing an actor's plan, bid or request ("said it could not support BRITAIN's
    plan", "will not back Turkey's bid") is a refusal: REJECT, and the refusal happened."""
    verb = frame.trigger.verb
    if verb is None or verb is not frame.trigger.token:
        return False
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    aimed_at = _aimed_at(frame.trigger)
    if not aimed_at or aimed_at.lemma_.lower() not in coding_words().policy_nouns:
        return False
    # Whose plan it is must be said ("Iran's application", "a bid BY Turkey"): the owner
    # is the one refused (PLOVER 3.10); an unowned plan gives no counterpart to refuse.
    if not _has_an_owner(aimed_at):
        return False
    frame.type, frame.mode, frame.refused = "REJECT", None, True
    return True


def _has_an_owner(thing: Token) -> bool:
    """Whether a thing's phrase names its owner: a possessive, or a "by" phrase (an "of"
    phrase is as often what the thing is of: "the plan OF action")."""
    return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by")
               for c in thing.children)


@recode_rule("promised-cooperation-is-agree", plover="3.1",
             types={"SUPPORT", "COOPERATE", "AID"})
def _promised_cooperation(frame: Frame) -> bool:
    """Future or offered SUPPORT, COOPERATE or AID is the promise, AGREE."""
    # (SPEC §4: a promised meeting stays CONSULT, planned; PLOVER 3.1.1: future RETREAT
    # and CONCEDE stay what they are.)
    if not _promised(frame.trigger):
        return False
    frame.type, frame.mode = "AGREE", None
    return True


@recode_rule("readiness-for-hostile-act-is-threat", plover="3.11")
def _readiness_for_hostile_act(frame: Frame) -> bool:
    """Readiness or a vow to attack, coerce or sanction is a THREATEN, made now."""
    # "is prepared to impose martial law", "swore to fight"
    words = coding_words()
    if frame.type not in words.threat_modes or not _governed_by(
            frame.trigger, words.readiness_heads):
        return False
    frame.make_threat(frame.type)
    frame.announced = True
    return True


@recode_rule("willingness-to-retreat-is-agree", plover="3.1", types={"RETREAT", "CONCEDE"})
def _willingness_to_retreat(frame: Frame) -> bool:
    """Willingness or commitment to retreat or concede ("is willing to withdraw") is AGREE."""
    if not _governed_by(frame.trigger, coding_words().intent_heads):
        return False
    frame.type, frame.mode = "AGREE", None
    return True


@recode_rule("announced-retreat-is-concede", plover="3.4.2", types={"RETREAT"})
def _announced_retreat(frame: Frame) -> bool:
    """An announced future retreat is a (verbal) CONCEDE, made now."""
    if not _promised(frame.trigger):
        return False
    frame.type, frame.mode, frame.announced = "CONCEDE", None, True
    return True


@argument_rule("joint-drill-is-cooperate", plover="3.14.1", types={"MOBILIZE"}, step="recode")
def _joint_drill(args: Arguments, ctx: ArticleContext) -> bool:
    """Drills held by several states together are COOPERATE, not MOBILIZE."""
    # "Indian and French warships began a naval exercise"
    frame, trigger = args.frame, args.frame.trigger
    if frame.mode != "troops" or len(args.sources) < 2 or trigger.token is trigger.verb:
        return False
    frame.type, frame.mode, args.joint = "COOPERATE", None, True
    return True


@recode_rule("attack-on-a-policy-is-criticism", plover="3.9", types={"ASSAULT"})
def _attack_on_a_policy(frame: Frame) -> bool:
    """An attack aimed at a plan, record or policy is criticism: ACCUSE disapprove."""
    # "launched an attack ON Conservative spending PLANS", "ministers ATTACKED Lib Dem PLANS"
    aimed_at = _aimed_at(frame.trigger)
    if not aimed_at or aimed_at.lemma_.lower() not in coding_words().policy_nouns:
        return False
    frame.type, frame.mode = "ACCUSE", "disapprove"
    return True


@recode_rule("vow-not-to-act-is-reject", plover="3.10", types={"AGREE"})
def _vow_not_to_act(frame: Frame) -> bool:
    """A vow or promise NOT to act ("vowed not to return the Golan to Syria") is a refusal."""
    verb = frame.trigger.verb
    if verb is None or verb.lemma_.lower() not in coding_words().intent_heads:
        return False
    if not any(c.dep_ == "xcomp" and any(n.dep_ == "neg" for n in c.children)
               for c in verb.children):
        return False
    # ("promised NOT TO VETO": a vow not to do a hostile act is restraint, still an AGREE.)
    folded = [name.split(":")[0].removeprefix("trigger/") for name in frame.rules[1:]
              if name.startswith("trigger/")]
    if any(kind in HOSTILE_TYPES for kind in folded):
        return False
    frame.type, frame.mode = "REJECT", None
    return True


@recode_rule("warning-against-an-act-is-a-demand", plover="3.6", types={"THREATEN"})
def _warning_against_an_act(frame: Frame) -> bool:
    """A warning AGAINST an act or NOT TO act is a demand to change course: REQUEST change."""
    # "warned China AGAINST provocative behavior", "warned Iran NOT TO seize more tankers":
    # the warner asks the warned to refrain, and threatens no act of its own.
    verb = frame.trigger.verb
    if verb is None or verb is not frame.trigger.token or not _warns(verb):
        return False
    if not any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "against")
               for c in verb.children):
        return False
    frame.type, frame.mode, frame.threatened = "REQUEST", "change", None
    return True


@argument_rule("warning-of-a-danger-is-no-threat", plover="3.11", types={"THREATEN"},
               step="argument")
def _warning_of_a_danger(args: Arguments, ctx: ArticleContext) -> bool:
    """A warning OF a danger or THAT something may happen, with no act of the warner, is
    no event."""
    # "warned Mr Blair ABOUT the dangers of disunity", "warned THAT a lack of action could
    # lead to ...": a forecast, not a threat. Kept: a folded hostile act ("warned it would
    # CUT ties"), the warner's own act ("warned that IT would respond"), a condition ("... IF
    # Japan sends ships"), a threat noun ("warned OF CONSEQUENCES").
    frame, verb = args.frame, args.frame.trigger.verb
    if verb is None or verb is not frame.trigger.token or not _warns(verb):
        return False
    if frame.threatened in coding_words().threat_modes:  # a hostile act folded into it
        return False
    told = _warned_of(verb)
    args.dropped = bool(told) and not any(_threatens(t, args) for t in told)
    return args.dropped


@argument_rule("warned-party-at-risk-is-criticism", plover="3.9", types={"THREATEN"},
               step="recode")
def _warned_party_at_risk(args: Arguments, ctx: ArticleContext) -> bool:
    """A warning to an actor that IT is at risk of a harm is criticism of it, no threat."""
    # "warned Labour and the Tories they were IN DANGER OF pandering to prejudice" (H014),
    # "warned Britain it RISKED isolating itself": the warner blames the warned and
    # threatens no act of its own (ACCUSE disapprove, PLOVER 3.9). A risk of the warner's
    # own ("warned it was in danger of running out") or of no one is dropped by
    # warning-of-a-danger-is-no-threat.
    frame, verb = args.frame, args.frame.trigger.verb
    if verb is None or verb is not frame.trigger.token or not _warns(verb) or not args.targets:
        return False
    if frame.threatened in coding_words().threat_modes:
        return False
    warned = [w for c in verb.children if c.dep_ == "dobj" for w in c.subtree]
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not warned or not clauses or not all(_tells_a_risk(c) for c in clauses):
        return False
    pronouns = coding_words().pronouns
    if not all(s.lower_ in pronouns or s in warned for c in clauses for s in c.children
               if s.dep_ in ("nsubj", "nsubjpass")):
        return False
    frame.type, frame.mode, frame.threatened = "ACCUSE", "disapprove", None
    return True


def _tells_a_risk(clause: Token) -> bool:
    """Whether a warning's clause tells a risk: "it RISKED isolating itself", "they were IN
    DANGER of ...", "AT RISK of ..." (the words in ``risk_verbs``, ``risk_nouns``)."""
    words = coding_words()
    if clause.lemma_.lower() in words.risk_verbs:
        return True
    return any(p.dep_ == "prep" and p.lower_ in words.risk_prepositions
               and o.lemma_.lower() in words.risk_nouns
               for p in clause.children for o in p.children if o.dep_ == "pobj")


def _warns(verb: Token) -> bool:
    return verb.lemma_.lower() in coding_words().warning_verbs


def _warned_of(verb: Token) -> list[Token]:
    """What a warning is of: its that-clause's verb, or its "of"/"about" object (the parser
    may hang it from the warned: "warned Mr Blair and Mr BROWN ABOUT the dangers")."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    warned = [w for c in verb.children if c.dep_ == "dobj" for w in (c, *c.conjuncts)]
    objects = [o for h in (verb, *warned) for p in h.children
               if p.dep_ == "prep" and p.lower_ in ("of", "about")
               for o in p.children if o.dep_ == "pobj"]
    return clauses + objects


def _threatens(told: Token, args: Arguments) -> bool:
    """Whether what is warned of is an act of the warner or a threat: a threat noun, a
    clause whose subject is the warner (or a pronoun for it), or a condition."""
    words = coding_words()
    if told.pos_ in ("NOUN", "PROPN"):
        return told.lemma_.lower() in words.threat_nouns
    if _tells_a_risk(told):  # "warned it was IN DANGER of running out": a risk, no act
        return False
    subjects = [c for c in told.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in words.pronouns or s in args.source_tokens for s in subjects):
        return True
    return any(m.lower_ in words.condition_marks for c in told.subtree if c.dep_ == "advcl"
               for m in c.children if m.dep_ == "mark")


def _aimed_at(trigger: Trigger) -> Token | None:
    """What an act is aimed at: the verb's object ("attacked the PLANS") or the noun's
    "on"/"against" object ("an attack ON the PLANS")."""
    token = trigger.token
    if token is trigger.verb:
        found = [c for c in token.children if c.dep_ == "dobj"]
    else:
        found = [o for p in token.children if p.lower_ in ("on", "against")
                 for o in p.children if o.dep_ == "pobj"]
    return found[0] if found else None


def _governed_by(trigger: Trigger, heads: frozenset[str] | set[str]) -> bool:
    """Whether the trigger's clause is the infinitive of one of ``heads`` ("FAILED to
    reach", "is WILLING to withdraw")."""
    verb = trigger.verb or trigger.token
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in heads


def _promised(trigger: Trigger) -> bool:
    """A cooperative act in the future or offered ("will support", "is willing to send",
    "offered to hand over"): PLOVER codes the promise itself, as AGREE."""
    return status.is_future(trigger.token, trigger.verb) or _governed_by(
        trigger, coding_words().intent_heads)


def _phrase_lemmas(trigger: Trigger) -> list[str]:
    """Lemmas of the trigger's own phrase: its words and their non-clausal dependents."""
    roots = [t for t in (trigger.token, trigger.verb) if t is not None]
    seen, lemmas, stack = set(), [], list(dict.fromkeys(roots))
    while stack:
        tok = stack.pop()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        lemmas.append((tok.i, tok.lemma_.lower()))
        stack += [c for c in tok.children if c.dep_ not in CLAUSE_DEPS | {"nsubj", "nsubjpass"}]
    return [lemma for _, lemma in sorted(lemmas)]


# The cue of a type's default mode, which any phrase has (modes.yaml: ``change: ["*"]``).
ANY_PHRASE = ("*",)
# The cue table's name for "no mode": its cues stop the search (modes.yaml, CONSULT in-person).
NO_MODE = "in-person"


def _mode_from_cues(frame: Frame, lexicon: Lexicon) -> str | None:
    """The first mode of the frame's type whose cue (1–3 lemmas) is in the trigger's phrase."""
    table = (lexicon.mode_cues or {}).get(frame.type, ())
    if not table:
        return None
    lemmas = _phrase_lemmas(frame.trigger)
    grams = {tuple(lemmas[i:i + n]) for n in (1, 2, 3) for i in range(len(lemmas) - n + 1)}
    for mode, cues in table:
        if any(cue in grams or cue == ANY_PHRASE for cue in cues):
            return None if mode == NO_MODE else mode
    return None
