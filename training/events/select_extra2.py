#!/usr/bin/env python3
"""Second EXTRA selection for the PLOVER sentence-typing campaign (issue #17): ~500 new
sentences aimed at the six types still under 100 positives after the chunks and the first
extra selection (COOPERATE, AID, MOBILIZE, RETREAT, THREATEN, PROTEST).

Same machinery as select_extra.py (imported, not copied): select.py's sources, splitter,
filters, de-duplication and sid scheme; seeded keyword quotas with a per-document cap; no-keyword
sentences from the same documents; the test split by document (documents already in either pool
keep their split, new documents by select.py's hash rule, ~20%). Sentences already in
pool.jsonl or pool_extra.jsonl are never picked again. Keyword buckets select only; they are
not labels.

Never used: /work/shared/gold/*, plover-gsr, cameo-confliBERT, PolNeAR dev/test.

Writes pool_extra2.jsonl, chunks/extra2_NN.jsonl (250 each), test_sids_extra2.txt.

Usage:  python -m training.events.select_extra2 [--out training/events] [--size 500]
"""
from __future__ import annotations

import re

from training.events import select_extra as extra

SEED = f"extra2|{extra.sel.SEED}"

# Selection heuristics only (never labels).
TARGETS: dict[str, str] = {
    "cooperate": (
        r"\b(joint(ly)?|co-?operat(e|ed|es|ing|ion)|collaborat\w+|partner(s|ed|ing|ships?)?|"
        r"allies|alliances?|work(ed|ing|s)? (together|closely|with)|share[sd]? (intelligence|"
        r"information)|intelligence[- ]sharing|extradit\w+|trade (with|between|links|ties)|"
        r"exports? to|imports? from|investment in)\b"
    ),
    "aid": (
        r"\b(aid|humanitarian|donat(e|ed|es|ion|ions|ing)|relief|loans?|bail-?outs?|assistance|"
        r"grant(s|ed)?|asylum|rescu(e|ed|es|ing))\b"
    ),
    "mobilize": (
        r"\b(deploy(s|ed|ment|ments|ing)?|troops|soldiers|army|navy|naval|military|armed forces|"
        r"national guard|(riot|armed|extra) police|police officers|mobili[sz]\w*|reinforcements?|"
        r"(on|high|heightened|raised?) alert|war ?ships?|missiles?|test-?fired|stationed|"
        r"build-?up|patrol(s|led|ling)?)\b"
    ),
    "retreat": (
        r"\b(withdr(aw|aws|awn|ew|awal|awing)|pull(ed|s|ing)? out|releas(e|ed|es|ing)|freed|"
        r"cease-?fires?|truce|resign(s|ed|ing|ation)?|step(ped|s|ping)? down|disarm\w*)\b"
    ),
    "threaten": (
        r"\b(threat(en|ens|ened|ening)|warn(s|ed|ing)?\b.{0,60}\b(will|would)|ultimatums?|vow(s|"
        r"ed)? to)\b"
    ),
    "protest": (
        r"\b(protest(s|ed|ers?|ing)?|demonstrat(ion|ions|ors?|ed)|strik(e|es|ers|ing)\b|rall(y|"
        r"ies|ied)|march(es|ed|ers)?|boycott\w*|riot(s|ers|ing)?|walk-?outs?|picket\w*|sit-ins?)\b"
    ),
}
# Month "March" must not count as a protest march.
_MARCH_MONTH = re.compile(r"\bMarch\b")
# Deficit-weighted shares of the keyword part (positives needed to reach 100; in quota order).
SHARE = {"protest": 0.06, "threaten": 0.12, "retreat": 0.16, "mobilize": 0.18, "aid": 0.22,
         "cooperate": 0.26}


targets_of = extra.keyword_matcher(TARGETS, blank=_MARCH_MONTH)


def main() -> None:
    extra.command("extra2", ["pool.jsonl", "pool_extra.jsonl"],
                  ["test_sids.txt", "test_sids_extra.txt"], targets_of, SHARE, size=500,
                  neg_share=0.2, seed=SEED)


if __name__ == "__main__":
    main()
