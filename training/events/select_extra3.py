#!/usr/bin/env python3
"""Third EXTRA selection for the PLOVER sentence-typing campaign (issue #17): 250 new sentences
picked by narrower patterns than select_extra2.py's.

select_extra2.py's broad keyword buckets gave few positives of the rare types (one sentence
in 12 to 20 for COOPERATE, AID and MOBILIZE in its two chunks: most hits were "partners",
"military", "loans" in business or campaign text). These patterns ask for the
act itself ("joint exercise", "granted asylum", "sent ... troops", "released" not followed by
documents), so fewer sentences qualify but more of them narrate the event. The rest of the
machinery is select_extra.py's (imported): select.py's sources, splitter, filters, sid scheme,
seeded quotas with a per-document cap, same-document negatives, the test split by document.
Sentences already in pool.jsonl, pool_extra.jsonl or pool_extra2.jsonl are never picked again.
Patterns select only; they are not labels.

Never used: /work/shared/gold/*, plover-gsr, cameo-confliBERT, PolNeAR dev/test.

Writes pool_extra3.jsonl, chunks/extra3_NN.jsonl, test_sids_extra3.txt.

Usage:  python -m training.events.select_extra3 [--out training/events] [--size 250]
"""
from __future__ import annotations

from training.events import select_extra as extra

SEED = f"extra3|{extra.sel.SEED}"
_DOCUMENTS = (
    r"(?!.{0,40}\b(e-?mails?|pages|documents|reports?|statements?|lists?|figures|data|videos?|"
    r"books?|results|records|returns|plans?|transcripts?)\b)"
)

# Selection heuristics only (never labels).
TARGETS: dict[str, str] = {
    "cooperate": (
        r"\b(joint (military |naval )?(exercises?|drills?|operations?|patrols?|investigation|"
        r"inquiry)|extradit\w+|(share[sd]?|sharing|exchange[sd]?) (of )?(intelligence|information|"
        r"evidence)|co-?operat(e|ed|ing|ion) (with|between|on)|worked with (police|the fbi|"
        r"authorities|investigators)|trade (pact|agreement|deal)s?|free trade)\b"
    ),
    "aid": (
        r"\b((sen[dt]|send(s|ing)|provid\w+|gave|give[sn]?|giving|grant(ed|s)?|offer(ed|s)?|"
        r"donat\w+|pledg\w+|deliver\w*|approv\w+|receiv\w+)\b.{0,50}\b(aid|assistance|loans?|"
        r"relief|asylum|bail-?out|funds|money|supplies|weapons|arms)|debt relief|humanitarian|"
        r"granted asylum|rescued)\b"
    ),
    "mobilize": (
        r"\b(troops|deploy\w*|soldiers|warships?|(on|high) alert|mobili[sz]\w*|reinforcements?|"
        r"military (build-?up|exercises?|drills?)|sent .{0,30}(troops|soldiers|police|forces)|"
        r"riot police|national guard|missiles?)\b"
    ),
    "retreat": (
        r"\b(released"
    ) + _DOCUMENTS + (
        r"|freed|withdr(ew|awn|awal)|pulled out|resign(ed|s|ation)|stepped down|ceasefire|"
        r"truce|disarm\w*)\b"
    ),
    "threaten": (
        r"\b(threat(en|ens|ened|ening)|ultimatum|warn(ed|s|ing) (that )?.{0,50}\b(would|will)\b)"
    ),
}
# Shares of the keyword part, rarest first (a short bucket's rest goes to the larger shares).
SHARE = {"mobilize": 0.06, "threaten": 0.15, "retreat": 0.22, "cooperate": 0.27, "aid": 0.30}


targets_of = extra.keyword_matcher(TARGETS)


def main() -> None:
    extra.command("extra3", ["pool.jsonl", "pool_extra.jsonl", "pool_extra2.jsonl"],
                  ["test_sids.txt", "test_sids_extra.txt", "test_sids_extra2.txt"], targets_of,
                  SHARE, size=250, neg_share=0.08, seed=SEED)


if __name__ == "__main__":
    main()
