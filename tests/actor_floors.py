"""The floors of actor resolution on the tables of real mentions (BBC 2004-05, PolNeAR
2015-16) and of confusable people, each mention read in its article
(benchmarks/actor_table.py). Two test files check them, so that ``--dist loadfile`` can
give the costliest table (real tune: 10 s of CPU with the parse cache, 63 s without) and
the rest to different workers.

Floors are pinned at the figures of the change that built them, less 0.02; the held-out
third is reported separately, with its own floor, and was not tuned on."""

from __future__ import annotations

import functools
import importlib.util
import sys
from pathlib import Path

from needs import need
from parse_cache import ParseCache

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks" / "actor_table.py"
# (table, split) -> floor: the figure at the commit that pinned it, less 0.02.
# Pinned on branch actors5 (issue 15, fifth round), verified knowledge only (the default), a
# labelled phrase aligned with the resolver mention of its head (benchmarks/actor_table.py):
# real tune 424/526 = 0.806, heldout 183/257 = 0.712; confusables tune 97/105 = 0.924,
# heldout 44/51 = 0.863.
FLOORS = {
    ("real", "tune"): 0.786,
    ("real", "heldout"): 0.692,
    ("confusables", "tune"): 0.904,
    ("confusables", "heldout"): 0.843,
    # Pinned on branch actors10 (issue 15, stop 21): titles tune 16/31 = 0.516, heldout
    # 9/12 = 0.750 (run once, at the end).
    ("titles", "tune"): 0.496,
    ("titles", "heldout"): 0.730,
    # Pinned on branch actors11 (issue 15, stop 22): places tune 23/35 = 0.657 (the rule as
    # merged; 24/35 before it left "relief officials in Nairobi"-type groups alone), heldout
    # 14/24 = 0.583 (run once, at the end).
    ("places", "tune"): 0.637,
    ("places", "heldout"): 0.563,
    # Pinned on branch owners12 (issue 15, stop 22): owners tune 5/10 = 0.500 (2/10 on the
    # first run, before the spokesperson-of-body rule).
    ("owners", "tune"): 0.480,
    # Pinned on branch actors13 (issue 15, stop 23): offices tune 17/29 = 0.586 (10/29 on the
    # first run, before the office-of-body, surname-no-namesake and governing-noun rules).
    ("offices", "tune"): 0.566,
    # offices heldout 12/23 = 0.522 (run once, at the end; main c4f48de: 6/23).
    ("offices", "heldout"): 0.502,
    # Pinned on branch actors15 (issue 15, stop 24): backrefs tune 31/36 = 0.861 (22/36 on
    # the first run, before the titled-back-reference rule).
    ("backrefs", "tune"): 0.841,
    # backrefs heldout 15/17 = 0.882 (run once, at the end; main c426276: 11/17).
    ("backrefs", "heldout"): 0.862,
    # Pinned on branch actors16 (issue 15, stop 24): posts tune 31/36 = 0.861 (16/36 on the
    # first run, main's code and scorer; 21/36 main's code with the appositive alignment).
    ("posts", "tune"): 0.841,
    # posts heldout 16/22 = 0.727 (run once, at the end; main 079bf38: 11/22, same scorer).
    ("posts", "heldout"): 0.707,
    # Pinned on branch epithet17 (issue 15, stop 25): epithets tune 18/18 = 1.000 (5/18 on
    # the first run, before the epithet-back-reference rule).
    ("epithets", "tune"): 0.980,
    # epithets heldout 13/14 = 0.929 (run once, at the end; main 23e820e: 3/14).
    ("epithets", "heldout"): 0.909,
    # Pinned on branch agents17 (issues #15, #16, stop 25): settings tune 8/11 = 0.727 (4/11
    # on the first run, before the calling-before-name, own-place and setting rules).
    ("settings", "tune"): 0.707,
    # settings heldout 8/12 = 0.667 (run once, at the end).
    ("settings", "heldout"): 0.647,
    # Pinned on branch dated17 (issue 15, stop 25): dated tune 22/24 = 0.917 (11/24 on the
    # first run, before the pope title, the dated posts' holders and rules).
    ("dated", "tune"): 0.897,
    # dated heldout 10/10 = 1.000 (run once, at the end; main 725138a: 2/10).
    ("dated", "heldout"): 0.980,
    # Pinned on branch surname17 (issue #15, stop 25): surnames tune 12/14 = 0.857 (6/14 on
    # the first run, before the surname-in-setting and appositive-demonym rules).
    ("surnames", "tune"): 0.837,
    # surnames heldout 5/7 = 0.714 (run once, at the end).
    ("surnames", "heldout"): 0.694,
    # Pinned on branch mentions18 (issue #15, stop 26): mentions18 tune 14/16 = 0.875 (first
    # runs: 3/9 before the post-at-place rule; the 8 party-portfolio rows 1/8 before theirs).
    ("mentions18", "tune"): 0.854,
    # mentions18 heldout 8/10 = 0.800 (the post-at-place rows 5/5, run once after their rule;
    # all rows run once at the end).
    ("mentions18", "heldout"): 0.780,
    # Pinned on branch phrases18 (issue #15, stop 26): phrases18 tune 24/24 = 1.000 (first
    # runs: 8/12 before the body-descriptor rule; the second set's rows 3/8 before
    # state-body-of; the third set's 4/4 before party-coordination).
    ("phrases18", "tune"): 0.979,
    # phrases18 heldout 7/8 = 0.875 (the first two sets' 6/6 run once after their rules; all
    # rows once at the end: "Lib Dem peers", a body noun we do not hold, is wrong).
    ("phrases18", "heldout"): 0.854,
    # Pinned on branch kb19 (issue #15, stop 26): kb19 tune 11/11 = 1.000 (first run 2/11,
    # before part L of the people files).
    ("kb19", "tune"): 0.979,
    # kb19 heldout 5/6 = 0.833 (run once, at the end: "Former foreign secretary Robin Cook"
    # reads ELI from "former", not his seat in the Commons, LEG).
    ("kb19", "heldout"): 0.813,
    # Pinned on branch ranks27 (issue #15, stop 27): ranks27 tune 30/33 = 0.909 (first run
    # 11/33, before the rank-before-name and former-then-current rules).
    ("ranks27", "tune"): 0.889,
    # ranks27 heldout 18/21 = 0.857 (run once, at the end; main eaa0fb9: 9/21).
    ("ranks27", "heldout"): 0.837,
    # Pinned on branch orgs27 (issue #15, stop 27): orgs27 tune 25/27 = 0.926 (first run
    # 4/27, before organisations/political_bodies_orgs27.yaml and the state-body metonyms;
    # the two misses are contrasts: Bangladesh's "BNP" and "the Philippine Labor Department"
    # are read as no one, never as the British party or the USA).
    ("orgs27", "tune"): 0.906,
    # orgs27 heldout 18/19 = 0.947 (run once, at the end: "outside the RNC in Cleveland", the
    # convention as a place, reads as the committee the acronym names in the corpus).
    ("orgs27", "heldout"): 0.927,
    # Pinned on branch names27 (issue #15, stop 27): names27 tune 15/17 = 0.882 (first run
    # 9/17, before the first-name-antecedent and person-naming-a-thing rules; the two misses
    # are appositive callings of unknown people, "a Republican congressman", no sector).
    ("names27", "tune"): 0.862,
    # names27 heldout 11/14 = 0.786 (run once, at the end: an unknown Ted left stateless, a
    # first name with no antecedent left with no mention where the row wants an unknown
    # name, and "Clinton and Clinton" before either is named in full read as Hillary).
    ("names27", "heldout"): 0.766,
    # Pinned on branch partyadj27 (issue #15, stop 27): partyadj27 tune 19/20 = 0.950 (first
    # run 10/20, before the party-adjective-owner and party-adjective-members rules; the miss
    # is "The Conservative campaign": the party, read with its campaign as one mention).
    ("partyadj27", "tune"): 0.930,
    # partyadj27 heldout 8/8 = 1.000 (run once, at the end).
    ("partyadj27", "heldout"): 0.980,
    # Pinned on branch appos27 (issue #15, stop 27): appos27 tune 10/15 = 0.667 (first run
    # 4/15, before named_in_phrases.py and the plural callings; the misses: "A Texas oil
    # executive, Ray Dunlap" and "the Vermont governor, Peter Shumlin" (no calling read),
    # "Two Ohio developers" with no names and "The Vermont legislature" (no mention),
    # "Plaid Cymru's Gwen Parry" (the parse gives no person mention)).
    ("appos27", "tune"): 0.646,
    # appos27 heldout 6/7 = 0.857 (run once, at the end: "The DNC chairwoman" is read as the
    # committee, no post holder).
    ("appos27", "heldout"): 0.837,
    # Pinned on branch ownside27 (issues #15/#16, stop 27): ownside27 tune 10/12 = 0.833 (first
    # run 3/12, the three contrasts, before own_side.py; the misses: "fellow Social Democrats"
    # read as the US Democrats, "fellow workers" with a speaker the resolver does not place).
    ("ownside27", "tune"): 0.813,
    # ownside27 heldout 3/3 = 1.000 (run once, at the end: "fellow ministers", "party
    # colleagues" placed, the contrast "fellow travellers" left alone).
    ("ownside27", "heldout"): 0.980,
    # Pinned on branch sector27 (issue #15, stop 27): sector27 tune 9/9 = 1.000 (first run
    # 4/9, before the led-body rule and the sector nouns agents, investigators, hackers).
    ("sector27", "tune"): 0.980,
    # sector27 heldout 7/7 = 1.000 (run once, at the end).
    ("sector27", "heldout"): 0.980,
    # Pinned on branch unres28 (issue #15, stop 28): ownstate28 tune 16/22 = 0.727 (first run
    # 5/18 before own_state.py, the contrasts; the four party rows added later: 1/4 before
    # the party nouns; the misses: speakers the knowledge does not place (Jeremy Corbyn,
    # Sarah Palin, Dave Prentis, Ralph Nader) and two contrasts another rule must place
    # ("McCain visited Kiev ... the government", a story set in Zimbabwe)).
    ("ownstate28", "tune"): 0.707,
    # ownstate28 heldout 6/6 = 1.000 (run once, at the end: three placed, three contrasts left
    # alone).
    ("ownstate28", "heldout"): 0.980,
    # Pinned on branch usplace28 (issue #15, stop 28): usplace28 tune 12/17 = 0.706 (first
    # run 3/17, before appositive_descriptions.py; the misses: "Representative Will Hurd"
    # with no sector (the title gives none), an unknown "former governor of Iowa" read as
    # ELI (labelled with his 2016 post), "a spokesman for the Texas governor" (a place after
    # "for" is not read), "The senator from Minnesota" with no mention, "A Georgia senator"
    # read as the country Georgia (a namesake, not this rule's)).
    ("usplace28", "tune"): 0.686,
    # usplace28 heldout 5/7 = 0.714 (run once, at the end; main's code 1/7: the two misses
    # are contrasts with no mention, "A Texas voter who supports ..." with no name and "The
    # Ohio delegation, led by Senator NAME").
    ("usplace28", "heldout"): 0.694,
    # Pinned on branch sector28 (issue #15, stop 28): sector28 tune 11/13 = 0.846 (first run
    # 6/13, before `officer-of-private-body`; the misses: "the company's president" of a
    # firm the knowledge does not hold (its state is in the firm's apposition, not read) and
    # Ian McCartney, whom the knowledge holds as minister without portfolio too).
    ("sector28", "tune"): 0.826,
    # sector28 heldout 5/8 = 0.625 (run once, at the end: the misses are a firm's state in its
    # apposition, not read (as in tune); a bare surname row whose words first occur inside
    # the full name, so the table finds the full name's mention; an unknown president "of
    # Ghana" in apposition left with no role, a contrast the rule does not touch).
    ("sector28", "heldout"): 0.605,
    # Pinned on branch descr28 (issue #15, stop 28): descr28 tune 16/18 = 0.889 (first run
    # 8/18, main's code: the occupations were not in `description_sectors`, and a place
    # hanging from a compound's first noun, "a Missouri SCHOOL principal", was not read; the
    # misses: "a Virginia Army veteran" (the place hangs from "Army", read as "Virginia Army")
    # and "An Arkansas poultry magnate" with no name, which has no mention).
    ("descr28", "tune"): 0.869,
    # descr28 heldout 7/8 = 0.875 (run once, at the end; main's code 2/8: the miss is "a
    # Harvard law professor", a university, not a state, before the noun).
    ("descr28", "heldout"): 0.855,
    # Pinned on branch ustown28 (issue #15, stop 28): ustown28 tune 15/15 = 1.000 (first run,
    # main's code: see docs/benchmarks.md; a town with its US state and "a Georgia senator").
    ("ustown28", "tune"): 0.98,
    # ustown28 heldout 5/5 = 1.000 (run once, at the end).
    ("ustown28", "heldout"): 0.98,
    # Pinned on branch headrole29 (issue #15, stop 29): headrole29 tune 16/16 = 1.000 (first
    # run 6/16, main's code: a role noun with a name in apposition the parser hangs from the
    # verb, a headline's post, a state's word inside an organisation's name).
    ("headrole29", "tune"): 0.98,
    # headrole29 heldout 7/10 = 0.700 (run once, at the end: the misses are a headline's
    # "Texas senator" the lead names Ted Cruz for, "Ohio voters" in a headline (no mention),
    # and "Democracy for America", a state's name after "for", which no rule reads).
    ("headrole29", "heldout"): 0.68,
}


@functools.cache
def bench():
    """benchmarks/actor_table.py as a module (once per process)."""
    spec = importlib.util.spec_from_file_location("actor_table", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@functools.cache
def cached_parses(nlp) -> ParseCache:
    """The committed parses of the tables' texts (tests/parse_cache.py: the same Docs as
    ``nlp.pipe``, proved by tests/test_parse_cache.py), read once per process."""
    return ParseCache(nlp)


def assert_floor_holds(resolver, table: str, split: str) -> None:
    """The resolver's accuracy on one split of one table is at least its floor."""
    need((ROOT.parent / "shared" / "corpus").is_dir(),
         "../shared/corpus (the articles the real mentions are read in) is missing")
    module = bench()
    rows = [r for r in module.load_rows(module.TABLES[table]) if r["split"] == split]
    outcomes = module.check_all(resolver, rows, parse=cached_parses(resolver.nlp).parse)
    accuracy = module.accuracy(outcomes)
    misses = [f"{o.row['mention']!r}: {o.problem}" for o in outcomes if o.problem]
    assert accuracy >= FLOORS[(table, split)], \
        f"{table} {split}: {accuracy:.3f}\n" + "\n".join(misses[:40])
