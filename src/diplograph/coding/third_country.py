"""A meeting of two states in a third country is CONSULT third-party (issue 16, stop 21).

"The Russian foreign minister met his American counterpart IN GENEVA", "President Obama and
President Putin met during a Group of 20 meeting IN CHINA": PLOVER's CONSULT third-party mode
(CAMEO 044, "meet at a 'third' location") is a meeting held in neither side's country, as the
real labels code the second. The lexicon's mode cues read only the words of the phrase ("a
SUMMIT" is multilateral), so a bilateral meeting in Geneva had no mode at all. Whose country
the place is needs the actors, so the rule runs with the argument rules, last (after the
joint subjects have been paired); the place is the one the event's location is read from
(``places.event_location``: a place phrase of the meeting's own clause, or a venue argument).
A meeting in the target's country alone is the source's visit (PLOVER's visit: the source
travels to the target); one in the source's own country, or with no place, keeps its mode.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from diplograph.coding.places import default_gazetteer, event_location
from diplograph.coding.rules import argument_rule

if TYPE_CHECKING:
    from diplograph.coding.actors.in_article import ArticleContext
    from diplograph.coding.arguments import Arguments

# The modes a meeting of two states in a third country replaces: none (an in-person
# meeting), or a summit's (two leaders meeting "during the NATO summit IN BRUSSELS").
REPLACED_MODES = frozenset({None, "multilateral"})


@argument_rule("meeting-in-a-third-country-is-third-party", plover="3.2",
               types={"CONSULT"}, step="recode")
def _meeting_in_a_third_country(args: Arguments, ctx: ArticleContext) -> bool:
    """A meeting between states' actors held in neither side's country is third-party;
    one held in the target's country alone is the source's visit."""
    frame = args.frame
    if frame.mode not in REPLACED_MODES or not args.sources or not args.targets:
        return False
    countries = {a.country for a in (*args.sources, *args.targets)}
    if None in countries or len(countries) < 2:
        return False  # an organisation, an unplaced actor, or one state's own meeting
    trigger = frame.trigger
    node = trigger.verb or trigger.token
    # the package gazetteer, as the coder's default; a place phrase of this clause only
    place = event_location(node.sent, node, event_type=frame.type, mode=frame.mode,
                           actor_countries=sorted(countries), dateline=None,
                           dateline_applies=False, gazetteer=default_gazetteer())
    if place is None or place.country is None:
        return False
    if place.country not in countries:
        frame.mode = "third-party"
        return True
    hosts = {t.country for t in args.targets}
    if frame.mode is None and hosts == {place.country} and place.country not in {
            a.country for a in args.sources}:
        frame.mode = "visit"  # "met the Indian minister IN NEW DELHI": the source travelled
        return True
    return False
