"""Convert PETRARCH2's CAMEO verb dictionary, and the Phoenix agents and discards, to YAML.

    .venv/bin/python scripts/import_cameo_verbs.py [--source DIR] [--plover FILE]

(``make import-dictionaries`` runs it.) Reads ``CAMEO.2.0.txt``,
``Phoenix.agents.txt`` and ``Phoenix.discards.txt`` from
``../shared/corpus/petrarch2-dictionaries/`` and the CAMEO->PLOVER table
``../shared/corpus/plover-gsr/CAMEO2PLOVER-2021.txt``, and writes
``src/diplograph/data/lexicon/cameo_verbs.yaml``, ``phoenix_discards.yaml``
(with ``CAMEO_LICENSE``) and ``src/diplograph/data/actors/phoenix/agents.yaml``.

No event by default (the lesson of IMPORT-NOTES.md): a verb's bare code is kept
only for the verbs of the hand-written ``cameo_default_verbs.yaml``; every other
code needs a pattern with an object, a preposition or subject words. CAMEO codes
map to PLOVER through the table with the fixes of IMPORT-NOTES.md (see
``plover_of``). The output schema is written in the files' headers. Re-running
gives the same bytes.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from dictionary_import import (
    DATA,
    ROOT,
    SECTORS,
    SOURCE,
    dump_yaml,
    header,
    read_source,
    write_if_changed,
)

from diplograph.knowledge.lexicon import plover_modes

PLOVER_TABLE = ROOT.parent / "shared" / "corpus" / "plover-gsr" / "CAMEO2PLOVER-2021.txt"
LEXICON = DATA / "lexicon"
APPROVED = LEXICON / "cameo_default_verbs.yaml"
COMMAND = "make import-dictionaries (scripts/import_cameo_verbs.py)"

# PLOVER modes of SPEC section 4, per type: a table mode outside these becomes null.
SPEC_MODES = plover_modes()
# IMPORT-NOTES' fixes: 057 (sign a formal agreement) and the AGREE block's own 050 are AGREE
# in PLOVER, not SUPPORT; 163 (impose embargo, boycott, sanctions) is SANCTION, not COERCE.
CODE_FIXES = {"057": ("AGREE", None), "163": ("SANCTION", None)}
BLOCK_FIXES = {("AGREE", "050"): ("AGREE", None)}
# Table modes renamed to SPEC's: assassination is a targeted attack, 1712 destroys property,
# 195 is aerial weapons (the table says heavy-weapons).
MODE_FIXES = {"assassinate": "targeted", "1712": "destroy", "195": "aerial"}
# CAMEO 03 "express intent to ..." is PLOVER AGREE; `planned` names the act it promises
# (SPEC section 4: a promised meeting is a CONSULT with status planned).
INTENT_ACTS = {"031": "COOPERATE", "032": "SUPPORT", "033": "AID", "034": "CONCEDE",
               "035": "RETREAT", "036": "CONSULT", "037": "CONSULT", "038": "CONSULT",
               "039": "CONSULT"}


# CAMEO code -> (type, mode, context, CAMEO label)
Table = dict[str, tuple[str, str | None, str | None, str | None]]


def read_plover_table(path: Path) -> Table:
    """code -> (type, mode, context, label) of CAMEO2PLOVER; the first line of a code wins."""
    table: Table = {}
    for line in read_source(path):
        match = re.match(r"^(\d+):\s*([^#]*)#?\s*(.*)$", line)
        if not match:
            continue
        fields = [f.strip() or None for f in match.group(2).split(",")] + [None, None]
        if fields[0]:
            table.setdefault(match.group(1), (fields[0], fields[1], fields[2],
                                              match.group(3).strip() or None))
    return table


def plover_of(code: str, block: str, table: Table) -> dict[str, Any]:
    """The PLOVER reading of one CAMEO event code, with the fixes of IMPORT-NOTES.md."""
    if code.startswith("01"):
        return {"type": None, "kind": "statement"}  # comments are not events (SPEC section 4)
    if code.startswith("02"):  # appeals parallel demands (020 ~ 100, 026 ~ 106): REQUEST
        reading = plover_of("10" + code[2:], block, table)
        return {**reading, "kind": "appeal"}
    found = next((table[k] for k in (code, code[:3], code[:2]) if k in table), None)
    if found is None:
        return {"type": None, "kind": "unknown code"}
    kind, mode, context, _ = found
    kind, mode = BLOCK_FIXES.get((block, code)) or CODE_FIXES.get(code) or (kind, mode)
    mode = MODE_FIXES.get(code) or MODE_FIXES.get(mode or "", mode)
    if mode not in SPEC_MODES.get(kind, set()):
        mode = None
    reading: dict[str, Any] = {"type": kind, "mode": mode}
    if code.startswith("03"):
        reading["planned"] = INTENT_ACTS.get(code[:3])
    if context:
        reading["context"] = context
    return reading


@dataclass(slots=True)
class Verb:
    """One verb of a block: its lemma, head word, forms and own code."""

    lemma: str
    head: str
    forms: list[str]
    code: str | None


@dataclass(slots=True)
class Block:
    """A verb block: its verbs and patterns (patterns apply to every verb of the block)."""

    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[dict[str, Any]] = field(default_factory=list)


def _words(token: str) -> str:
    """A dictionary token as text: '+CARRY_OUT' -> 'carry out'; synsets stay '&NAME'."""
    if token.startswith("&"):
        return token.rstrip("_")
    return token.replace("+", "").replace("_", " ").strip().lower()


def regular_forms(stem: str) -> list[str]:
    """-s, -ed, -ing of a regular verb (no consonant doubling: irregular forms are listed)."""
    consonant_y = stem.endswith("y") and stem[-2:-1] not in tuple("aeiou")
    third = stem[:-1] + "ies" if consonant_y else (
        stem + "es" if stem.endswith(("s", "x", "z", "ch", "sh")) else stem + "s")
    past = stem + "d" if stem.endswith("e") else (stem[:-1] + "ied" if consonant_y else stem + "ed")
    ing = stem[:-1] + "ing" if stem.endswith("e") and not stem.endswith(("ee", "ye", "oe")) \
        else stem + "ing"
    return [third, past, ing]


def parse_code(text: str) -> tuple[str | None, str | None]:
    """'042:043' -> ('042', '043'); ':026' -> (None, '026'); '---' -> (None, None)."""
    first, _, second = text.strip().rstrip("!").partition(":")
    clean = [c.strip() if re.fullmatch(r"\d+", c.strip()) else None for c in (first, second)]
    return clean[0], clean[1]


def parse_verb(text: str, block: Block) -> Verb | None:
    """One verb line: 'HURRY {HURRIES HURRIED HURRYING}', '+CARRY_OUT {...} [190]', 'RE_+ARREST'."""
    code_match = re.search(r"\[([^\]]*)\]", text)
    code = parse_code(code_match.group(1))[0] if code_match else block.code
    text = re.sub(r"\[[^\]]*\]", " ", text)
    listed = re.search(r"\{([^}]*)\}", text)
    primary = re.sub(r"\{[^}]*\}", " ", text).split()
    if not primary:
        return None
    raw = primary[0]
    lemma = _words(raw)
    parts = raw.replace("+", " +").replace("_", " ").split()
    head = next((p[1:] for p in parts if p.startswith("+")), parts[-1]).lower()
    if listed is not None:
        forms = [_words(f) for f in re.split(r"[\s,]+", listed.group(1)) if f.strip()]
    else:
        forms = [lemma.replace(head, form, 1) for form in regular_forms(head)]
    return Verb(lemma=lemma, head=head, forms=[f for f in forms if f != lemma], code=code)


TOKEN = re.compile(r"[(){}]|[^\s(){}]+")


def _phrase_items(tokens: list[str]) -> list[str]:
    """Nouns of a pattern side: a word, or a {} phrase as 'modifier ... head' text."""
    items: list[str] = []
    phrase: list[str] | None = None
    for token in tokens:
        if token == "{":
            phrase = []
        elif token == "}":
            if phrase:
                items.append(" ".join(phrase))
            phrase = None
        elif phrase is not None:
            phrase.append(_words(token))
        else:
            items.append(_words(token))
    return [i for i in items if i]


SLOTS = {"$": "source", "+": "target", "^": "actor", "%": "compound"}


def parse_side(text: str, side: str) -> tuple[list[str], list[dict[str, Any]], list[str]]:
    """(nouns, prepositional phrases, actor slots) of one side of '*'."""
    current: list[str] = []
    preps: list[dict[str, Any]] = []
    slots: list[str] = []
    group: list[str] | None = None
    for token in TOKEN.findall(text):
        if token == "(":
            group = []
        elif token == ")":
            if group:
                prep = _words(group[0])
                slots += [f"{SLOTS[t]}@{prep}" for t in group[1:] if t in SLOTS]
                preps.append({"prep": prep,
                              "object": _phrase_items([t for t in group[1:] if t not in SLOTS])})
            group = None
        elif group is not None:
            group.append(token)
        elif token in SLOTS:
            slots.append(f"{SLOTS[token]}@{side}")
        else:
            current.append(token)
    return _phrase_items(current), preps, slots


def parse_pattern(text: str, block: Block, synsets: dict[str, list[str]],
                  table: Table,
                  counts: Counter[str]) -> dict[str, Any] | None:
    """One '- pre * post [code] # VERB' line as a structured record (None: dropped)."""
    body, _, comment = text[1:].partition("#")
    code_match = re.search(r"\[([^\]]*)\]\s*$", body.strip())
    if not code_match or "*" not in body:
        counts["patterns dropped: malformed"] += 1
        return None
    code, reverse = parse_code(code_match.group(1))
    pre, _, post = body[:code_match.start()].partition("*")
    undefined = [s for s in re.findall(r"&\w+", pre + post) if s[1:].rstrip("_") not in synsets]
    if undefined:
        counts["patterns dropped: undefined synset " + ", ".join(sorted(set(undefined)))] += 1
        return None
    subject, subject_preps, subject_slots = parse_side(pre, "subject")
    objects, preps, object_slots = parse_side(post, "object")
    record: dict[str, Any] = {"code": code}
    record.update(_reading(code, block.name, table))
    if reverse:
        record["reverse"] = {"code": reverse, **_reading(reverse, block.name, table)}
    for key, value in (("object", objects), ("preps", preps), ("subject", subject),
                       ("subject_preps", subject_preps)):
        if value:
            record[key] = value
    if subject_slots + object_slots:
        record["slots"] = subject_slots + object_slots
    verbs = [_words(v) for v in re.split(r"[,\s]+", comment) if re.fullmatch(r"[A-Z][A-Z_+-]*", v)]
    if verbs:
        record["from"] = list(dict.fromkeys(verbs))
    return record


INLINE = ("type", "mode", "planned", "kind")


def _reading(code: str | None, block: str, table: Table) -> dict[str, Any]:
    """The PLOVER fields a pattern carries inline (the `codes` table has the rest)."""
    if code is None:
        return {"type": None}
    reading = plover_of(code, block, table)
    return {k: reading[k] for k in INLINE if reading.get(k) is not None or k == "type"}


@dataclass(slots=True)
class Dictionary:
    """The parsed verb dictionary."""

    synsets: dict[str, list[str]]
    blocks: list[Block]
    transformations: int
    counts: Counter[str]


def plural(word: str) -> str:
    """The regular plural of a noun phrase's last word ('-s' words are taken as plural already:
    headquarters, arms)."""
    head, _, last = word.rpartition(" ")
    if last.endswith("y") and last[-2:-1] not in tuple("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith("s") and not last.endswith("ss"):
        return word
    elif last.endswith(("ss", "x", "z", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head} {last}".strip()


def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """&NAME -> its phrases with regular plurals (none where the phrase or label ends in '_')."""
    synsets: dict[str, list[str]] = {}
    label = None
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        if text.startswith("&"):
            label = text.split()[0]
            synsets.setdefault(label[1:].rstrip("_"), [])
        elif text.startswith("+") and label:
            phrase = text[1:].strip()
            words = _words(phrase)
            members = synsets[label[1:].rstrip("_")]
            members.append(words)
            if not phrase.endswith("_") and not label.endswith("_"):
                members.append(plural(words))
        else:
            label = None
    return {k: list(dict.fromkeys(v)) for k, v in synsets.items()}


def read_dictionary(path: Path, table: Table) -> Dictionary:
    """Synonym sets, verb blocks and their patterns of CAMEO.2.0.txt."""
    lines = read_source(path)
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    synsets = read_synsets(lines[:start])
    counts: Counter[str] = Counter()
    blocks: list[Block] = []
    transformations = 0
    for raw in lines[start:]:
        text = raw.split("#", 1)[0].split(";", 1)[0].strip() if not raw.startswith("-") \
            else raw.strip()
        header_match = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", raw)
        if header_match:
            blocks.append(Block(name=header_match.group(1),
                                code=parse_code(header_match.group(2))[0]))
        elif raw.startswith("~"):
            transformations += 1
        elif raw.startswith("-") and blocks:
            counts["patterns"] += 1
            pattern = parse_pattern(raw, blocks[-1], synsets, table, counts)
            if pattern is not None:
                blocks[-1].patterns.append(pattern)
        elif text and blocks and not text.startswith(("#", "&")):
            verb = parse_verb(text, blocks[-1])
            if verb:
                blocks[-1].verbs.append(verb)
    return Dictionary(synsets=synsets, blocks=blocks, transformations=transformations,
                      counts=counts)


def load_approved(path: Path) -> dict[str, str]:
    """verb lemma -> the reason (group) for which its bare default code is kept."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(verb): group for group, entry in data.items() for verb in entry["verbs"]}


def _bare(pattern: dict[str, Any]) -> bool:
    return not any(pattern.get(k) for k in ("object", "preps", "subject", "subject_preps"))


def build_verbs(dictionary: Dictionary, approved: dict[str, str], table: Table) -> dict[str, Any]:
    """lemma -> blocks, forms and the default code (kept only for approved verbs)."""
    verbs: dict[str, dict[str, Any]] = {}
    for block in dictionary.blocks:
        for verb in block.verbs:
            entry = verbs.setdefault(verb.lemma, {"blocks": []})
            if block.name not in entry["blocks"]:
                entry["blocks"].append(block.name)
            if verb.head != verb.lemma:
                entry.setdefault("head", verb.head)
            entry["forms"] = list(dict.fromkeys(entry.get("forms", []) + verb.forms))
            if verb.code and "default" not in entry and "dropped_default" not in entry:
                _set_default(entry, verb, block.name, approved, table)
    missing = sorted(set(approved) - {v for v, e in verbs.items() if "default" in e})
    if missing:
        raise SystemExit(f"{APPROVED.name}: no verb with a default code named {missing}")
    dictionary.counts["verbs"] = len(verbs)
    return {lemma: {k: v for k, v in entry.items() if v} for lemma, entry in verbs.items()}


def _set_default(entry: dict[str, Any], verb: Verb, block: str, approved: dict[str, str],
                 table: Table) -> None:
    """The first block's code of a verb (PETRARCH's first-wins), kept or recorded as dropped."""
    assert verb.code is not None
    if verb.lemma in approved:
        entry["default"] = {"code": verb.code, **_reading(verb.code, block, table)}
        entry["approved"] = approved[verb.lemma]
    else:
        entry["dropped_default"] = verb.code


def build_blocks(dictionary: Dictionary) -> dict[str, list[dict[str, Any]]]:
    """Block name -> its patterns; a bare pattern (no words at all) is a default: dropped."""
    blocks: dict[str, list[dict[str, Any]]] = {}
    for block in dictionary.blocks:
        kept = [p for p in block.patterns if not _bare(p)]
        dictionary.counts["patterns dropped: bare (a default in disguise)"] += len(
            block.patterns) - len(kept)
        if kept:
            blocks.setdefault(block.name, []).extend(kept)
    dictionary.counts["patterns kept"] = sum(len(p) for p in blocks.values())
    return blocks


def code_table(verbs: dict[str, Any], blocks: dict[str, list[dict[str, Any]]],
               table: Table) -> dict[str, Any]:
    """Every CAMEO code the output uses -> its full PLOVER reading and CAMEO label."""
    used: dict[str, str] = {}
    for name, patterns in blocks.items():
        for pattern in patterns:
            for code in (pattern["code"], (pattern.get("reverse") or {}).get("code")):
                if code:
                    used.setdefault(code, name)
    for entry in verbs.values():
        if "default" in entry:
            used.setdefault(entry["default"]["code"], entry["blocks"][0])
    out: dict[str, Any] = {}
    for code in sorted(used):
        reading = {k: v for k, v in plover_of(code, used[code], table).items()
                   if v is not None or k == "type"}
        label = (table.get(code) or table.get(code[:3]) or (None,) * 4)[3]
        out[code] = {**reading, "label": label} if label else reading
    return out


def read_agents(lines: list[str]) -> list[dict[str, Any]]:
    """Phoenix.agents.txt: title and group nouns -> CAMEO agent code and our sector."""
    macros: dict[str, list[str]] = {}
    agents: list[dict[str, Any]] = []
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        macro = re.match(r"^!(\w+)!\s*=\s*(.+)$", text)
        if macro:
            macros[macro.group(1)] = [m.strip() for m in macro.group(2).split(",") if m.strip()]
            continue
        match = re.match(r"^([^\[{]+?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]*)[\]}]", text)
        if match:
            agents.extend(_agent(match.group(1), match.group(2), match.group(3), macros))
    seen: set[tuple[str, str]] = set()
    unique = []
    for agent in agents:
        if (agent["text"], agent["cameo"]) not in seen:
            seen.add((agent["text"], agent["cameo"]))
            unique.append(agent)
    return unique


def _agent(phrase: str, plural_text: str | None, code: str,
           macros: dict[str, list[str]]) -> list[dict[str, Any]]:
    code = code.strip()
    cameo = code.replace("~", "")
    chunks = [cameo[i:i + 3] for i in range(0, len(cameo), 3)]
    base: dict[str, Any] = {"cameo": cameo, "sector": next(
        (SECTORS[c] for c in chunks if c in SECTORS), None),
        "affix": "prefix" if code.endswith("~") else "suffix"}
    marker = re.search(r"!(\w+)!", phrase)
    if marker:  # every substitution is a phrase of its own, with no plural made
        return [{"text": _words(phrase.replace(marker.group(0), m)), **base}
                for m in macros.get(marker.group(1), [])]
    text = _words(phrase)
    if plural_text is None:
        forms = {"plural": plural(text)}
    else:
        forms = {"plural": _words(plural_text)} if plural_text.strip() else {}
    return [{"text": text, **forms, **base}]


def read_discards(lines: list[str]) -> list[dict[str, Any]]:
    """Phoenix.discards.txt: phrases whose presence means 'do not code' (sport, films, ...)."""
    out: list[dict[str, Any]] = []
    for raw in lines:
        text = raw.split("#", 1)[0].split(";", 1)[0].strip()
        if not text:
            continue
        story = text.startswith("+")
        phrase = text.lstrip("+").strip()
        record: dict[str, Any] = {"text": " ".join(phrase.rstrip("_").lower().split()),
                                  "scope": "story" if story else "sentence",
                                  "whole_word": phrase.endswith("_")}
        if re.fullmatch(r"\d{4}", record["text"]):
            record["kind"] = "year"  # a year of a historical chronology, not sport
        if record["text"] and record not in out:
            out.append(record)
    return out


VERB_NOTES = (
    "Schema (a later step matches these on the dependency parse: the verb, its object head,",
    "its prepositions; nothing here is matched by word windows):",
    "  synsets: NAME -> phrases (regular plurals added, except where CAMEO marks a phrase or",
    "    set with '_'). A pattern word '&NAME' stands for any phrase of the set.",
    "  verbs: lemma -> blocks (whose patterns apply to it, first = PETRARCH's winner), forms",
    "    (the inflected forms: CAMEO's listed irregular forms, else -s/-ed/-ing), head (the",
    "    word the parser tags as the verb, for multi-word verbs: 'carry out' -> carry),",
    "    default + approved (the bare verb's event, kept only for the verbs of",
    "    cameo_default_verbs.yaml) or dropped_default (the CAMEO code NOT used: no event).",
    "  blocks: NAME -> patterns. A pattern: code (CAMEO) with type/mode (PLOVER; type null =",
    "    no event: a '---' pattern that blocks coding, or a CAMEO 01 statement), planned:",
    "    the act a CAMEO 03 intent promises (PLOVER AGREE now, that act in the future: SPEC",
    "    codes a promised meeting as CONSULT, status planned), kind: appeal for CAMEO 02",
    "    (REQUEST); reverse: the event of the target on the source ('[:026]', '[043:042]');",
    "    object: noun heads after the verb ('arms shipment' = modifier + head, the last word",
    "    is the head); preps: [{prep, object}] prepositional phrases; subject /",
    "    subject_preps: words before the verb (a passive verb's object stands there);",
    "    slots: where CAMEO marks the source ($), target (+) or another actor (^), e.g.",
    "    target@with; from: the verbs the pattern was written for (CAMEO's comment).",
    "  codes: every CAMEO code used -> type, mode, context, label (CAMEO2PLOVER-2021 with",
    "    IMPORT-NOTES' fixes: 057 and the AGREE block's 050 -> AGREE (050 elsewhere stays",
    "    SUPPORT: a pattern's inline type is the one to use); 163 -> SANCTION; the 08 root",
    "    split into CONCEDE 080-083 / RETREAT 084-087; 03 = AGREE + planned; 01 = statement,",
    "    no event; 02 appeal = REQUEST as its 10 twin; modes outside SPEC's list -> null,",
    "    assassinate -> targeted, 195 -> aerial).",
    "Not imported: the ~ transformation rules (they need clause embedding) and patterns",
    "using the four synonym sets CAMEO never defines.",
)


@dataclass(slots=True)
class Outputs:
    """Generated file texts and the counts for the report."""

    files: dict[Path, str]
    counts: Counter[str]


def convert(source: Path, plover: Path, approved_path: Path) -> Outputs:
    """All three conversions: verbs, agents, discards."""
    table = read_plover_table(plover)
    dictionary = read_dictionary(source / "CAMEO.2.0.txt", table)
    approved = load_approved(approved_path)
    verbs = build_verbs(dictionary, approved, table)
    blocks = build_blocks(dictionary)
    counts = dictionary.counts
    counts["synsets"] = len(dictionary.synsets)
    counts["transformations (not imported)"] = dictionary.transformations
    counts["verbs with a kept default"] = sum("default" in v for v in verbs.values())
    counts["verbs with a dropped default"] = sum("dropped_default" in v for v in verbs.values())
    data = {"synsets": dictionary.synsets,
            "codes": code_table(verbs, blocks, table),
            "verbs": verbs, "blocks": blocks}
    agents = read_agents(read_source(source / "Phoenix.agents.txt"))
    discards = read_discards(read_source(source / "Phoenix.discards.txt"))
    counts["agents"], counts["discards"] = len(agents), len(discards)
    return Outputs(files=_render(data, agents, discards), counts=counts)


def _render(data: dict[str, Any], agents: list[dict[str, Any]],
            discards: list[dict[str, Any]]) -> dict[Path, str]:
    verbs = header("CAMEO verb patterns (PETRARCH2's CAMEO.2.0.txt) with their PLOVER reading.",
                   COMMAND, ["CAMEO.2.0.txt", "../plover-gsr/CAMEO2PLOVER-2021.txt",
                             "and the approved list lexicon/cameo_default_verbs.yaml"],
                   VERB_NOTES)
    agent_notes = ("agents: text (lower case; words consecutive), plural (absent: none), cameo",
                   "(the agent code), sector (our vocabulary, as actors/phoenix/people.yaml),",
                   "affix (suffix: the code follows the actor's country, GBR+GOV; prefix:",
                   "it comes first, NGO+...). Substitutions (!PERSON!, !MINIST!) expanded.")
    discard_notes = ("discards: text (lower case), scope (sentence: skip the sentence; story:",
                     "skip the whole story), whole_word (CAMEO's '_': the match must end at a",
                     "word boundary, else it is a prefix), kind: year (a bare year, PETRARCH's",
                     "filter for historical chronologies; not sport). Matching ignores case.")
    return {
        LEXICON / "cameo_verbs.yaml": verbs + dump_yaml(data),
        DATA / "actors" / "phoenix" / "agents.yaml": header(
            "Agent nouns (titles and group nouns -> sector) from Phoenix.agents.txt.", COMMAND,
            ["Phoenix.agents.txt"], agent_notes) + dump_yaml({"agents": agents}),
        LEXICON / "phoenix_discards.yaml": header(
            "Phrases that mark sport, entertainment and other non-political text.", COMMAND,
            ["Phoenix.discards.txt"], discard_notes) + dump_yaml({"discards": discards}),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the dictionaries' folder")
    parser.add_argument("--plover", type=Path, default=PLOVER_TABLE,
                        help="CAMEO2PLOVER-2021.txt")
    parser.add_argument("--approved", type=Path, default=APPROVED,
                        help="the verbs whose bare default code is kept")
    args = parser.parse_args(argv)
    outputs = convert(args.source, args.plover, args.approved)
    for path, text in outputs.files.items():
        changed = write_if_changed(path, text)
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes"
              f"{' (written)' if changed else ' (unchanged)'}")
    write_if_changed(LEXICON / "CAMEO_LICENSE", (args.source / "LICENSE").read_text())
    for key, value in sorted(outputs.counts.items()):
        print(f"  {key}: {value:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
