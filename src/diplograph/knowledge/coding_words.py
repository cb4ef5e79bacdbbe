"""The coder's word lists and type maps, loaded from ``data/lexicon/coding.yaml``.

The file says what each table is for and which PLOVER section it follows; this
module only validates it and hands it out as one frozen record, read once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from diplograph.errors import KnowledgeError
from diplograph.knowledge.yamldata import load_yaml_file
from diplograph.records import EVENT_TYPES

WORD_LISTS = (
    "intent_heads", "readiness_heads", "official_sectors", "private_sectors",
    "scene_prepositions", "condition_marks", "speech_lemmas", "pronouns",
    "name_entity_labels", "place_entity_labels", "firm_nouns", "policy_nouns", "temporal_marks",
    "gerund_subject_marks",
    "means_marks", "setting_relatives", "commerce_verbs", "firm_assets", "firm_name_words",
    "private_roles",
    "warning_verbs", "threat_nouns", "risk_verbs", "risk_nouns",
    "risk_prepositions", "dismissal_verbs", "dismissed_conduct", "refused_things", "asking_verbs",
    "question_marks",
    "insult_words", "membership_verbs", "membership_sectors", "membership_objects",
    "leaving_verbs", "unreceived_retreat_modes", "published_texts", "publishing_verbs",
    "expelling_sectors", "member_nouns", "party_nouns", "private_posts",
)
TYPE_LISTS = ("joint_types", "domestic_types")


@dataclass(frozen=True, slots=True, kw_only=True)
class CodingWords:
    """The tables of ``coding.yaml``; see the comments there for what each is for."""

    absorbed_act_modes: dict[str, dict[str, str]]
    intent_heads: frozenset[str]
    readiness_heads: frozenset[str]
    joint_types: frozenset[str]
    domestic_types: frozenset[str]
    official_sectors: frozenset[str]
    private_sectors: frozenset[str]
    unreceived_retreat_modes: frozenset[str]
    published_texts: frozenset[str]
    publishing_verbs: frozenset[str]
    scene_prepositions: tuple[str, ...]  # an ordered list: the first place found wins
    condition_marks: frozenset[str]
    speech_lemmas: frozenset[str]
    pronouns: frozenset[str]
    name_entity_labels: frozenset[str]
    place_entity_labels: frozenset[str]
    firm_nouns: frozenset[str]
    policy_nouns: frozenset[str]
    temporal_marks: frozenset[str]
    gerund_subject_marks: frozenset[str]
    means_marks: frozenset[str]
    setting_relatives: frozenset[str]
    commerce_verbs: frozenset[str]
    firm_assets: frozenset[str]
    firm_name_words: frozenset[str]
    private_roles: frozenset[str]
    warning_verbs: frozenset[str]
    threat_nouns: frozenset[str]
    risk_verbs: frozenset[str]
    risk_nouns: frozenset[str]
    risk_prepositions: frozenset[str]
    dismissal_verbs: frozenset[str]
    dismissed_conduct: frozenset[str]  # "dismissed Labour's PLAN as desperate": ACCUSE
    refused_things: frozenset[str]  # "dismissed Russia's OFFER as a trick": REJECT
    asking_verbs: frozenset[str]
    question_marks: frozenset[str]
    insult_words: frozenset[str]
    membership_verbs: frozenset[str]
    membership_sectors: frozenset[str]
    membership_objects: frozenset[str]
    leaving_verbs: frozenset[str]
    expelling_sectors: frozenset[str]  # "expelled from the HOUSE OF REPRESENTATIVES" (LEG)
    member_nouns: frozenset[str]  # "the veteran MP was expelled": an unnamed member
    party_nouns: frozenset[str]  # "quit the Liberal PARTY": a party the knowledge base lacks
    private_posts: frozenset[str]  # "quit her weekend SHOW": private life left, no event

    @property
    def threat_modes(self) -> dict[str, str]:
        """Hostile act type -> the THREATEN mode of a threat to do it."""
        return self.absorbed_act_modes["THREATEN"]


@functools.cache
def coding_words() -> CodingWords:
    """The packaged ``coding.yaml``, read and checked once.

    Raises:
        KnowledgeError: a table is missing or names a type that is not PLOVER.
    """
    return _words_from(read_lexicon("coding.yaml"))


def read_lexicon(file: str) -> dict:
    """A packaged ``data/lexicon`` YAML file's content (an empty file: ``{}``)."""
    packaged = resources.files("diplograph") / "data" / "lexicon" / file
    return load_yaml_file(packaged) or {}


def word_lists(file: str, data: dict, lists: tuple[str, ...],
               type_lists: tuple[str, ...] = ()) -> dict[str, frozenset[str]]:
    """The word ``lists`` and PLOVER ``type_lists`` of a lexicon file's ``data``, as sets.

    Raises:
        KnowledgeError: a list is missing, or a type list names a type that is not PLOVER.
    """
    missing = sorted({*lists, *type_lists} - set(data))
    if missing:
        raise KnowledgeError(f"{file}: missing tables {missing}")
    unknown = sorted({str(t) for key in type_lists for t in data[key]} - set(EVENT_TYPES))
    if unknown:
        raise KnowledgeError(f"{file}: {unknown} are not PLOVER types")
    return {key: frozenset(str(w) for w in data[key]) for key in (*lists, *type_lists)}


def _words_from(data: dict) -> CodingWords:
    if "absorbed_act_modes" not in data:
        raise KnowledgeError("coding.yaml: missing tables ['absorbed_act_modes']")
    modes = {str(k): {str(a): str(m) for a, m in (v or {}).items()}
             for k, v in data["absorbed_act_modes"].items()}
    unknown = sorted({*modes, *(t for m in modes.values() for t in m)} - set(EVENT_TYPES))
    if unknown:
        raise KnowledgeError(f"coding.yaml: {unknown} are not PLOVER types")
    lists: dict = word_lists("coding.yaml", data, WORD_LISTS, TYPE_LISTS)
    lists["scene_prepositions"] = tuple(str(w) for w in data["scene_prepositions"])
    return CodingWords(absorbed_act_modes=modes, **lists)


STRUCTURE_LISTS = ("counterpart_prepositions", "unasserted_frame_nouns",
                   "unasserted_frame_marks", "played_targets",
                   "participle_light_verbs", "report_verbs",
                   "naming_verbs", "verdict_words", "praise_words", "act_pronouns", "manner_nouns",
                   "wrongdoing_verbs", "failing_verbs", "failing_nouns", "contest_acts",
                   "receiving_verbs", "received_criticism_nouns", "literal_fire_targets",
                   "means_noun_verbs", "means_noun_marks",
                   "disapproving_predicates", "supporting_predicates", "stance_marks",
                   "stance_copulas", "intent_predicates", "intent_acts", "doer_alone_nouns",
                   "doer_alone_types", "questioning_verbs", "investigator_words",
                   "scrutiny_nouns", "scrutiny_marks", "reception_verbs", "protester_words",
                   "listing_nouns", "listing_marks", "listed_sanction_nouns",
                   "listed_sanction_marks", "custody_nouns", "custody_marks", "custody_verbs",
                   "showing_verbs", "failing_traits", "conduct_nouns", "pejorative_modifiers",
                   "lack_nouns", "lacked_virtues", "harmful_act_nouns", "harm_verbs",
                   "harm_causing_verbs", "harm_nouns", "need_verbs", "obligation_verbs",
                   "necessity_predicates")


@dataclass(frozen=True, slots=True)
class StructureWords:
    """The lists of ``structure_triggers.yaml``; see the comments there."""

    counterpart_prepositions: frozenset[str]
    unasserted_frame_nouns: frozenset[str]  # "FEARS of a Russian attack": not told
    unasserted_frame_marks: frozenset[str]  # "fears OF", "calls FOR"
    played_targets: frozenset[str]  # "an attack on the GOAL": play, not an act
    participle_light_verbs: frozenset[str]
    report_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    verdict_words: frozenset[str]
    praise_words: frozenset[str]  # "described X AS A RELIABLE partner": SUPPORT
    act_pronouns: frozenset[str]
    manner_nouns: frozenset[str]  # "the WAY Russia treated them": the doer's act
    wrongdoing_verbs: frozenset[str]  # "said Russia had RIGGED the vote": an allegation
    failing_verbs: frozenset[str]  # "said Labour had FAILED to act": disapproval
    failing_nouns: frozenset[str]  # "said Tory plans would cause CHAOS": disapproval
    contest_acts: frozenset[str]  # "failed to WIN the seat": no verdict on conduct
    receiving_verbs: frozenset[str]  # "FACED criticism from X": X's criticism of the subject
    received_criticism_nouns: frozenset[str]  # "came under FIRE from X"
    literal_fire_targets: frozenset[str]  # "TROOPS came under fire": shooting, no criticism
    means_noun_verbs: frozenset[str]  # "RESPONDED with sanctions on X": the noun is the act
    means_noun_marks: frozenset[str]  # "responded WITH sanctions"
    disapproving_predicates: frozenset[str]  # "is CRITICAL of X", "a CRITIC of X": ACCUSE
    supporting_predicates: frozenset[str]  # "is SUPPORTIVE of X", "a SUPPORTER of X": SUPPORT
    stance_marks: frozenset[str]  # "critical OF X", "scathing ABOUT X's plan"
    stance_copulas: frozenset[str]  # "IS critical of", "REMAINS supportive of"
    intent_predicates: frozenset[str]  # "is WILLING to work with X": AGREE
    intent_acts: frozenset[str]  # "is willing to WORK with X", "ready to MEET X"
    doer_alone_nouns: frozenset[str]  # "the STRIKE by Greek dockworkers": an act of its doer
    doer_alone_types: frozenset[str]  # the noun's lexicon rule of these types is used
    questioning_verbs: frozenset[str]  # "were QUESTIONED by police": ACCUSE investigate
    investigator_words: frozenset[str]  # "questioned by POLICE", not "by reporters"
    scrutiny_nouns: frozenset[str]  # "is under INVESTIGATION": ACCUSE investigate
    scrutiny_marks: frozenset[str]  # "is UNDER investigation"
    reception_verbs: frozenset[str]  # "was GREETED by protesters": PROTEST, not CONSULT
    protester_words: frozenset[str]  # "greeted by PROTESTERS"
    listing_nouns: frozenset[str]  # "placed on the sanctions LIST / BLACKLIST": SANCTION
    listing_marks: frozenset[str]  # "placed ON", "added TO" a list
    listed_sanction_nouns: frozenset[str]  # "is under American SANCTIONS": SANCTION
    listed_sanction_marks: frozenset[str]  # "is UNDER American sanctions"
    custody_nouns: frozenset[str]  # "placed under HOUSE ARREST": COERCE arrest
    custody_marks: frozenset[str]  # "placed UNDER arrest", "taken INTO custody"
    custody_verbs: frozenset[str]  # "PLACED under arrest", not "remains in custody"
    showing_verbs: frozenset[str]  # "said Iran HAD a terrible record": a failing had
    failing_traits: frozenset[str]  # "had shown DISREGARD for": a failing by its name
    conduct_nouns: frozenset[str]  # "a terrible RECORD", "bad FAITH"
    pejorative_modifiers: frozenset[str]  # "a TERRIBLE record", "a POOR record"
    lack_nouns: frozenset[str]  # "a total LACK of respect"
    lacked_virtues: frozenset[str]  # "a lack of RESPECT"
    harmful_act_nouns: frozenset[str]  # "Britain's TARIFFS would damage": an act that harms
    harm_verbs: frozenset[str]  # "X's reform would UNDERMINE the rule of law"
    harm_causing_verbs: frozenset[str]  # "X's policies would CAUSE instability"
    harm_nouns: frozenset[str]  # "would cause INSTABILITY"
    need_verbs: frozenset[str]  # "said Russia NEEDED to withdraw": a demand on Russia
    obligation_verbs: frozenset[str]  # "said Sweden HAS to change its laws"
    necessity_predicates: frozenset[str]  # "said it was ESSENTIAL that Serbia withdraw"
    list_owner_adjectives: dict[str, str]  # "the EUROPEAN sanctions list" -> EU


@functools.cache
def structure_words() -> StructureWords:
    """The packaged ``structure_triggers.yaml``, read and checked once (the structure
    triggers' words, and the manner nouns ``triggers.subject_owners`` reads)."""
    data = read_lexicon("structure_triggers.yaml")
    owners = {str(k).lower(): str(v) for k, v in (data.get("list_owner_adjectives") or {}).items()}
    return StructureWords(**word_lists("structure_triggers.yaml", data, STRUCTURE_LISTS),
                          list_owner_adjectives=owners)
