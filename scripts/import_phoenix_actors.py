"""Convert the Phoenix actor dictionaries into diplograph's people/organisation YAML.

    .venv/bin/python scripts/import_phoenix_actors.py [--source DIR] [--out DIR]

(``make import-dictionaries`` runs it.) Reads ``Phoenix.Countries.actors.txt``,
``Phoenix.International.actors.txt`` and ``Phoenix.MilNonState.actors.txt`` from
``../shared/corpus/petrarch2-dictionaries/`` and writes, under
``src/diplograph/data/actors/phoenix/``: ``people.yaml``, ``organisations.yaml``,
``clashes.yaml`` (entries left out because a verified file already has that
person or body: the verified files take precedence) and the MIT ``LICENSE``.

An actor entry is a primary phrase (``CHARLES_CLARKE_  # CountryInfo.txt``),
``+ALIAS`` lines and ``[CODE dates]`` lines. Each entry becomes a person (a
CountryInfo entry, or a name with dated or elite codes), an organisation, or is
left out as a place (a code with no actor type: ``[BLR]``, ``[GBRGIB]``), a role
description (``UN_SECRETARY_GENERAL``) or an uncoded phrase. Dates follow
PETRARCH: ``YYMMDD`` with YY <= 30 read as 20YY and YY > 30 as 19YY (the files'
six-digit years are 31-99 and 00-14, older years are written ``YYYYMMDD``);
``A-B`` is inclusive, ``>A`` open-ended, ``<B`` has no start, a bare date is a
start. Re-running gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from dictionary_import import (
    DATA,
    ROOT,
    SOURCE,
    ActorCode,
    case_word,
    dump_yaml,
    fold_key,
    header,
    known_countries,
    natural_case,
    read_source,
    split_code,
    write_if_changed,
)

FILES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
         "Phoenix.MilNonState.actors.txt")
OUT = DATA / "actors" / "phoenix"
COMMAND = "make import-dictionaries (scripts/import_phoenix_actors.py)"

# Words of titles, honorifics and portfolios: a name is the run of other words at the end
# of a phrase ("FORMER_DEFENSE_SECRETARY_DONALD_H._RUMSFELD" -> "Donald H. Rumsfeld").
TITLE_WORDS = frozenset("""
PRESIDENT PRESIDENT-ELECT VICE VICE-PRESIDENT DEPUTY ACTING FORMER EX EX- LATE INTERIM PRIME
MINISTER PREMIER CHANCELLOR SECRETARY SECRETARY-GENERAL GENERAL UNDERSECRETARY UNDER-SECRETARY
AMBASSADOR ENVOY CONSUL DIPLOMAT REPRESENTATIVE RAPPORTEUR COMMISSIONER SENATOR SEN. SEN
CONGRESSMAN CONGRESSWOMAN REP. LAWMAKER MP SPEAKER GOVERNOR GOV. MAYOR CHAIRMAN CHAIRWOMAN
CHAIRPERSON DIRECTOR DIRECTOR-GENERAL HEAD CHIEF LEADER SPOKESMAN SPOKESWOMAN SPOKESPERSON
ADVISER ADVISOR AIDE OFFICIAL KING QUEEN PRINCE PRINCESS CROWN EMIR AMIR SULTAN GEN. GEN COL.
COLONEL LT. LIEUTENANT MAJ. MAJOR CAPT. CAPTAIN ADMIRAL ADM. MARSHAL COMMANDER BRIGADIER SGT.
SERGEANT MR MR. MRS MRS. MS MS. DR DR. SIR DAME LORD MADAME POPE CARDINAL BISHOP ARCHBISHOP
AYATOLLAH IMAM CLERIC MULLAH RABBI REV. REVEREND PATRIARCH JUDGE JUSTICE PROSECUTOR ATTORNEY
OF THE FOR TO AND STATE DEFENSE DEFENCE FOREIGN AFFAIRS INTERIOR HOME FINANCE TREASURY
EDUCATION HEALTH TRADE ECONOMY ENERGY INFORMATION LABOR LABOUR AGRICULTURE ENVIRONMENT
TRANSPORT SECURITY INTELLIGENCE OPPOSITION COMMUNIST
""".split())
# Words that make a phrase name a body, not a person ("ASSAD_REGIME_", "ANGRY_BRIGADE_").
ORG_WORDS = frozenset("""
ARMY ARMIES FORCES FORCE PARTY FRONT MOVEMENT COUNCIL COMMITTEE MINISTRY MINISTRIES GOVERNMENT
ADMINISTRATION REGIME CABINET ORGANIZATION ORGANISATION UNION ASSOCIATION FEDERATION LEAGUE
BANK FUND AGENCY COMMISSION INSTITUTE INSTITUTION FOUNDATION SOCIETY CHURCH NATIONS GROUP
GROUPS BRIGADE BRIGADES CORPS POLICE SERVICE SERVICES DEPARTMENT OFFICE ASSEMBLY PARLIAMENT
COURT TRIBUNAL CONGRESS SENATE ALLIANCE COALITION NETWORK CENTER CENTRE UNIVERSITY COLLEGE
SCHOOL COMPANY CORPORATION INC INC. LTD LTD. CO. CORP CORP. AIRLINES AIRWAYS BOARD AUTHORITY
TROOPS SOLDIERS MILITARY REBELS MILITANTS FIGHTERS SUPPORTERS LOYALISTS FOLLOWERS CAMP FAMILY
CLAN DYNASTY PROGRAMME PROGRAM PROJECT MISSION INITIATIVE CAMPAIGN TEAM UNIT CELLS CELL NUCLEI
FACTION WING BATTALION DIVISION REGIMENT SQUAD JUNTA PEOPLE PEOPLE'S NATIONAL INTERNATIONAL
UNITED REPUBLIC KINGDOM STATES EMBASSY CONSULATE HOUSE PALACE MEDIA NEWS TIMES RADIO
TELEVISION TV PRESS LIBERATION REVOLUTIONARY ISLAMIC FORUM COUNCILS MILITIA MILITIAS
SECRETARIAT OFFICES AUTHORITIES COMMAND GUARD GUARDS POST JOURNAL HERALD TRIBUNE GAZETTE
TELEGRAPH BROADCASTER BROADCASTING CHANNEL AGENCE PRESSE JOURNALIST COMMUNITY TREATY PARTNERSHIP
DEVELOPMENT AGREEMENT PACT CONFERENCE ZONE REGION AFRICA AFRICA'S ASIA EUROPE AMERICA AMERICAS
PACIFIC CARIBBEAN ANDEAN NORDIC BALTIC UN U.N. US U.S. UK EU MONITOR BODIES TANK
""".split())
# A first word that makes a two-word phrase a title, not a name ("DER_SPIEGEL").
ARTICLES = frozenset({"THE", "DER", "DIE", "DAS", "LE", "LA", "LES", "EL"})
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame",
                        "madame", "former", "ex", "ex-", "late", "acting", "interim"})
# Company suffixes in their usual case; other short words are acronyms unless listed here.
SUFFIXES = {"INC": "Inc", "INC.": "Inc.", "LTD": "Ltd", "LTD.": "Ltd.", "CO": "Co", "CO.": "Co.",
            "CORP": "Corp", "CORP.": "Corp.", "BROS": "Bros"}
SHORT_WORDS = frozenset("OF THE AND FOR TO IN ON AT BY NEW OLD RED ALL WAR AID OIL GAS AIR SEA "
                        "LAW ART BAY KEY LAB ONE TWO TEN ABU AL EL BIN IBN BEN UL UD AD".split())
DATE_RE = re.compile(r"^(?P<op>[<>])?\s*(?P<a>\d+)?(?:-(?P<b>\d+))?$")


class BadDate(ValueError):
    """A date restriction that is not YYMMDD or YYYYMMDD, or not a calendar date."""


@dataclass(slots=True)
class Code:
    """One ``[CODE dates]`` restriction; both dates None for a default (undated) code."""

    actor: ActorCode
    start: dt.date | None = None
    end: dt.date | None = None
    dated: bool = False


@dataclass(slots=True)
class Entry:
    """One entry of an actor file: its phrases (primary first), codes and comment."""

    file: str
    line: int
    forms: list[str]
    codes: list[Code] = field(default_factory=list)
    comment: str = ""
    aliases: int = 0
    bad_dates: int = 0


def parse_date(text: str) -> dt.date:
    """YYMMDD (YY <= 30 -> 20YY, else 19YY, as PETRARCH) or YYYYMMDD."""
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        month, day = int(text[2:4]), int(text[4:6])
    elif len(text) == 8:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    else:
        raise BadDate(text)
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise BadDate(text) from exc


def parse_restriction(text: str, countries: frozenset[str]) -> Code | None:
    """``GBRGOVEDU 030101-041231`` -> a Code; None for the null code ``---``."""
    parts = text.split(None, 1)
    if not parts or parts[0].startswith("-"):
        return None
    code = Code(actor=split_code(parts[0], countries))
    if len(parts) == 1:
        return code
    match = DATE_RE.match(parts[1].strip())
    if not match or not (match.group("a") or match.group("b")):
        raise BadDate(parts[1])
    op, a, b = match.group("op"), match.group("a"), match.group("b")
    first = parse_date(a) if a else None
    second = parse_date(b) if b else None
    code.dated = True
    if op == "<":
        code.end = first
    elif b:
        code.start, code.end = first, second
        if first and second and second < first:
            raise BadDate(parts[1])
    else:
        code.start = first
    return code


def _add_codes(entry: Entry, text: str, countries: frozenset[str]) -> None:
    for inner in re.findall(r"\[([^\]]*)\]", text):
        try:
            code = parse_restriction(inner, countries)
        except BadDate:
            entry.bad_dates += 1
            continue
        if code is not None:
            entry.codes.append(code)


def _phrase(text: str) -> str:
    return re.sub(r"\s+", " ", text.split("[", 1)[0].replace("_", " ")).strip()


def _foldable(entry: Entry, phrase: str, comment: str) -> bool:
    """A lone primary line with no codes, followed at once by another primary line that shares
    a name word, is a synonym of it (the Gorbachev block); PETRARCH would lose its dates."""
    if entry.codes or entry.aliases or "countryinfo" in (entry.comment + comment).lower():
        return False
    names = {w for w in entry.forms[0].split() if w not in TITLE_WORDS and w not in ORG_WORDS}
    return bool(names & set(phrase.split()))


def parse_entries(lines: list[str], file: str, countries: frozenset[str]) -> Iterator[Entry]:
    """The entries of one actor file, in file order."""
    entry: Entry | None = None
    adjacent = False
    for number, raw in enumerate(lines, 1):
        text, _, comment = (part.strip() for part in raw.partition("#"))
        if not text:
            adjacent = adjacent and raw.strip().startswith("#")
            continue
        if text.startswith("["):
            if entry:
                _add_codes(entry, text, countries)
        elif text.startswith("+"):
            if entry and _phrase(text[1:]):
                entry.forms.append(_phrase(text[1:]))
                entry.aliases += 1
                _add_codes(entry, text, countries)
        elif entry and adjacent and _foldable(entry, _phrase(text), comment):
            entry.forms.append(_phrase(text))
            _add_codes(entry, text, countries)
        else:
            if entry:
                yield entry
            entry = Entry(file=file, line=number, forms=[_phrase(text)], comment=comment)
            _add_codes(entry, text, countries)
        adjacent = True
    if entry:
        yield entry


def _titled(word: str) -> bool:
    return word in TITLE_WORDS or word in ORG_WORDS or word.startswith("EX-")


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): the name is the trailing run of non-title, non-body words."""
    cut = len(words)
    while cut > 0 and not _titled(words[cut - 1]):
        cut -= 1
    return words[:cut], words[cut:]


def _usable(words: list[str]) -> bool:
    return bool(words) and all(re.fullmatch(r"[^\W\d_][\w.'’-]*\.?", w) for w in words)


def person_forms(entry: Entry) -> tuple[str | None, list[str], list[str]]:
    """(name, aliases, titles) of a person entry; name None when no phrase is a name."""
    names: list[list[str]] = []
    titles: list[str] = []
    for form in entry.forms:
        words = form.split()
        if any(w in ORG_WORDS for w in words):
            continue
        prefix, name = split_title(words)
        if not _usable(name):
            continue
        names.append(name)
        title = [w.lower() for w in prefix
                 if w.lower() not in HONORIFICS and not w.lower().startswith("ex-")]
        if title and title[-1].upper() in TITLE_WORDS and title[-1] not in ("of", "the"):
            titles.append(" ".join(title))
    best = next((n for n in names if len(n) >= 2 and n[0] not in ARTICLES), None)
    if best is None and "countryinfo" in entry.comment.lower():
        best = entry.forms[0].split()
    if best is None:
        return None, [], []
    name = natural_case(best)
    return name, _dedupe([natural_case(n) for n in names], fold_key(name)), _dedupe(titles, "")


def _dedupe(items: Iterable[str], skip: str) -> list[str]:
    seen = {skip}
    out = []
    for item in items:
        key = fold_key(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _head(words: list[str]) -> str:
    for i, word in enumerate(words):
        if word in ("OF", "TO", "FOR", "IN", "AT") and i:
            return words[i - 1]
    return words[-1] if words else ""


def classify(entry: Entry, name: str | None, titles: list[str]) -> str:
    """person, organisation, place, role (a description of an office) or uncoded.

    A person needs a name and evidence: a CountryInfo entry, a dated or elite (ELI) code, a
    title before the name, or (the International file's NGO_Actors) an IGO code; the
    undated remainder ("LOK_SABHA [INDGOVLEG]", "SHIN_BET") are bodies."""
    if not entry.codes:
        return "uncoded"
    if "countryinfo" in entry.comment.lower():
        return "person"
    if not any(c.actor.typed for c in entry.codes):
        return "place"
    words = entry.forms[0].split()
    if entry.file != FILES[2] and name and not any(w in ORG_WORDS for w in words):
        evidence = titles or any(c.dated or c.actor.sector == "ELI" for c in entry.codes) or (
            entry.file == FILES[1] and any(c.actor.sector == "IGO" for c in entry.codes))
        if evidence:
            return "person"
    if _head(words) in TITLE_WORDS:
        return "role"
    return "organisation"


def org_case(words: list[str]) -> str:
    """Upper-case dictionary words in the case of an organisation's name."""
    if len(words) == 1 and (len(words[0]) <= 6 or not re.search(r"[AEIOUY]", words[0])):
        return words[0]
    out = []
    for i, word in enumerate(words):
        if word in SUFFIXES:
            out.append(SUFFIXES[word])
            continue
        acronym = ("." in word or not re.search(r"[AEIOUY]", word)
                   or (len(word) <= 3 and word not in SHORT_WORDS and word.isalpha()))
        out.append(word if acronym else case_word(word, first=i == 0))
    return " ".join(out)


def org_forms(entry: Entry) -> tuple[str, list[str]]:
    """(name, aliases) of an organisation; "(AAIA)" parentheticals become aliases."""
    names: list[str] = []
    for form in entry.forms:
        bare = re.sub(r"\s*\([^()]*\)", " ", form).split()
        if bare:
            names.append(org_case(bare))
        names.extend(org_case(a.split()) for a in re.findall(r"\(([^()]+)\)", form) if a.split())
    return names[0], _dedupe(names[1:], fold_key(names[0]))


def _affiliation(code: Code) -> dict[str, Any]:
    record: dict[str, Any] = {}
    if code.actor.country:
        record["country"] = code.actor.country
    org = IGO_ORGS.get(next((c for c in reversed(code.actor.chunks) if c in IGO_ORGS), ""))
    if org:
        record["org"] = org
    if code.actor.sector:
        record["sector"] = code.actor.sector
    record["cameo"] = code.actor.cameo
    return record


# CAMEO codes of intergovernmental bodies -> the short names of organisations.yaml.
IGO_ORGS = {
    "UNO": "UN", "NAT": "NATO", "EEC": "EU", "WBK": "World Bank", "IMF": "IMF",
    "WTO": "WTO", "OPC": "OPEC", "ASN": "ASEAN", "AFU": "African Union", "ARL": "Arab League",
    "OAS": "OAS", "GCC": "Gulf Cooperation Council", "CWN": "Commonwealth",
    "COE": "Council of Europe", "ICC": "ICC", "ICJ": "ICJ", "IAE": "IAEA", "WHO": "WHO",
    "HCR": "UNHCR", "KID": "UNICEF",
}


def terms_of(codes: list[Code]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(dated terms, default affiliations) of an entry, each once, in file order."""
    terms: list[dict[str, Any]] = []
    defaults: list[dict[str, Any]] = []
    for code in codes:
        record = _affiliation(code)
        if code.dated:
            record.update(start=code.start, end=code.end)
            target = terms
        else:
            target = defaults
        if record not in target:
            target.append(record)
    return terms, defaults


def person_record(entry: Entry, name: str, aliases: list[str],
                  titles: list[str]) -> dict[str, Any]:
    """One entry of people.yaml."""
    terms, defaults = terms_of(entry.codes)
    record: dict[str, Any] = {"name": name, "aliases": aliases}
    if titles:
        record["titles"] = titles
    if defaults:
        record["default"] = defaults
    record["terms"] = terms
    record["source"] = "phoenix"
    return record


def org_record(entry: Entry) -> dict[str, Any]:
    """One entry of organisations.yaml."""
    name, aliases = org_forms(entry)
    terms, defaults = terms_of(entry.codes)
    main = (defaults or terms)[-1]
    record: dict[str, Any] = {"name": name, "aliases": aliases, "sector": main.get("sector")}
    if main.get("country"):
        record["country"] = main["country"]
    if main.get("org") and main["org"] != name:
        record["parent"] = main["org"]
    record["cameo"] = _dedupe([r["cameo"] for r in defaults + terms], "")
    if terms:
        record["periods"] = terms
    record["source"] = "phoenix"
    return record


@dataclass(slots=True)
class Verified:
    """Names (fold keys) of the verified knowledge files, with where each comes from."""

    people: dict[str, str]
    bodies: dict[str, str]
    places: dict[str, set[str]]  # person label -> the countries and orgs of its terms


def load_verified(actors: Path) -> Verified:
    """Multi-word person names and every organisation/country name of our verified files."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    people: dict[str, str] = {}
    places: dict[str, set[str]] = {}
    for path in sorted((actors / "people").glob("*.yaml")):
        for item in yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or []:
            label = f"{item['name']} ({path.name})"
            places.setdefault(label, set()).update(
                t.get("country") or t.get("org") or "" for t in item.get("terms") or [])
            for form in [item["name"], *(item.get("aliases") or [])]:
                if len(fold_key(form).split()) >= 2:
                    people.setdefault(fold_key(form), label)
    bodies: dict[str, str] = {}
    for file, key in (("organisations.yaml", "organisations"), ("countries.yaml", "countries")):
        data = yaml.load((actors / file).read_text(encoding="utf-8"), Loader=loader)
        items = data.get(key) if isinstance(data, dict) else data
        for item in items or []:
            forms = [item["name"], *(item.get("aliases") or []), *(item.get("metonyms") or [])]
            for form in forms:
                text = form["text"] if isinstance(form, dict) else str(form)
                bodies.setdefault(fold_key(text), f"{item['name']} ({file})")
    return Verified(people=people, bodies=bodies, places=places)


def clash(names: list[str], known: dict[str, str], min_words: int) -> str | None:
    """The verified entry one of `names` already names, if any."""
    for name in names:
        key = fold_key(name)
        if len(key.split()) >= min_words and key in known:
            return known[key]
    return None


def _countries(record: dict[str, Any]) -> set[str]:
    return {t.get("country") or t.get("org") or "" for t in
            record["terms"] + record.get("default", [])} - {""}


def add_person(people: dict[str, list[dict[str, Any]]], record: dict[str, Any]) -> bool:
    """Add, or merge into a namesake of the same country; False when merged."""
    for known in people.setdefault(fold_key(record["name"]), []):
        if not _countries(known) or not _countries(record) or _countries(known) & _countries(
                record):
            for key in ("aliases", "titles", "default", "terms"):
                merged = known.get(key, []) + [x for x in record.get(key, [])
                                               if x not in known.get(key, [])]
                if merged:
                    known[key] = merged
            known["aliases"] = _dedupe(known["aliases"], fold_key(known["name"]))
            return False
    people[fold_key(record["name"])].append(record)
    return True


@dataclass(slots=True)
class Result:
    """What a conversion produced, for the files and the report."""

    people: list[dict[str, Any]]
    organisations: list[dict[str, Any]]
    clashes: list[dict[str, Any]]
    counts: Counter[str]


def convert(source: Path, actors: Path) -> Result:
    """Read the three actor files and sort every entry into people, bodies, clashes or skips."""
    countries = known_countries()
    verified = load_verified(actors)
    people: dict[str, list[dict[str, Any]]] = {}
    orgs: dict[tuple[str, str], dict[str, Any]] = {}
    clashes: list[dict[str, Any]] = []
    counts: Counter[str] = Counter()
    for file in FILES:
        for entry in parse_entries(read_source(source / file), file, countries):
            counts["entries"] += 1
            counts["bad dates (restriction dropped)"] += entry.bad_dates
            _sort(entry, verified, people, orgs, clashes, counts)
    out_people = [p for group in people.values() for p in group]
    counts["people"] = len(out_people)
    counts["organisations"] = len(orgs)
    counts["terms"] = sum(len(p["terms"]) for p in out_people)
    counts["clashes"] = len(clashes)
    return Result(out_people, list(orgs.values()), clashes, counts)


def _sort(entry: Entry, verified: Verified, people: dict[str, list[dict[str, Any]]],
          orgs: dict[tuple[str, str], dict[str, Any]], clashes: list[dict[str, Any]],
          counts: Counter[str]) -> None:
    name, aliases, titles = person_forms(entry)
    kind = classify(entry, name, titles)
    where = f"{entry.file}:{entry.line}"
    if kind == "person" and name and not _countries(person_record(entry, name, [], [])):
        counts["skipped: person with no country or organisation"] += 1
    elif kind == "person" and name:
        record = person_record(entry, name, aliases, titles)
        hit = clash([name, *aliases], verified.people, 2)
        if hit:
            shared = bool(_countries(record) & verified.places.get(hit, set()))
            clashes.append({"phoenix": name, "verified": hit, "shared_country": shared,
                            "at": where})
        elif not add_person(people, record):
            counts["skipped: merged into a namesake"] += 1
    elif kind == "organisation":
        record = org_record(entry)
        hit = clash([record["name"], *record["aliases"]], verified.bodies, 1)
        key = (fold_key(record["name"]), record.get("country") or "")
        if hit:
            clashes.append({"phoenix": record["name"], "verified": hit, "at": where})
        elif key in orgs:
            counts["skipped: duplicate organisation"] += 1
        else:
            orgs[key] = record
    else:
        counts[f"skipped: {kind if kind != 'person' else 'no usable name'}"] += 1


NOTES = (
    "One entry per person: name (natural case), aliases (the other phrases, titles removed",
    "and folded), titles (the title words the phrases carried: 'prime minister'), default",
    "(undated codes: what PETRARCH assigns outside every dated term), terms (dated codes)",
    "and source: phoenix. A term or default has country (ISO 3166-1 alpha-3; former states",
    "keep their CAMEO code), org (an intergovernmental body, by the short name of",
    "organisations.yaml), sector (our vocabulary: GOV MIL LEG JUD PTY REB JRN COP CVL OPP",
    "BUS NGO REL IGO ELI), cameo (the raw CAMEO code) and, for terms, start and end.",
    "A few terms have neither country nor org (a regional body, a bare ELI): cameo says which;",
    "people with no country or organisation at all are left out.",
    "No term has a `role`: these CAMEO codes name sectors (GOV, GOVEDU), never offices, so",
    "an importer must not read a role into them (titles says which titles the names carried).",
    "Dates: inclusive; YYMMDD with YY <= 30 -> 20YY, else 19YY (PETRARCH's rule; the files'",
    "six-digit years are 31-99 and 00-14). start: null = '<date' (no start given);",
    "end: null = '>date' (open in the source, which dates from 2014-2015: not 'in office').",
    "Precedence: below the verified files (people/*.yaml, organisations.yaml); names that",
    "a verified file already has are left out and listed in clashes.yaml.",
)


def render(result: Result) -> dict[str, str]:
    """File name -> text of every generated file."""
    files = list(FILES)
    people = header("People from the Phoenix actor dictionaries.", COMMAND, files, NOTES)
    orgs = header("Organisations and non-state groups from the Phoenix actor dictionaries.",
                  COMMAND, files, (
                      "The schema of organisations.yaml (name, aliases, sector, country, parent)",
                      "plus cameo (the raw codes), periods (dated codes, as people's terms) and",
                      "source: phoenix. country: the state of a national body or group; for a",
                      "company or NGO the state its code names (MNCUSA, NGOUSADEV).",
                      *NOTES[-2:]))
    clashes = header("Phoenix entries left out: a verified file already names them.",
                     COMMAND, files, (
                         "phoenix: the Phoenix name; verified: the entry that wins (file);",
                         "shared_country: a Phoenix term and a verified term name the same state",
                         "or organisation (false: probably a namesake, for a later loader to",
                         "weigh); at: file:line in the source."))
    return {
        "people.yaml": people + dump_yaml(result.people),
        "organisations.yaml": orgs + dump_yaml(result.organisations),
        "clashes.yaml": clashes + dump_yaml(result.clashes),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="the dictionaries' folder")
    parser.add_argument("--out", type=Path, default=OUT, help="where the YAML files go")
    parser.add_argument("--actors", type=Path, default=DATA / "actors",
                        help="the verified knowledge files that take precedence")
    args = parser.parse_args(argv)
    result = convert(args.source, args.actors)
    for name, text in render(result).items():
        path = args.out / name
        changed = write_if_changed(path, text)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        state = "written" if changed else "unchanged"
        print(f"{shown}: {path.stat().st_size:,} bytes ({state})")
    write_if_changed(args.out / "LICENSE", (args.source / "LICENSE").read_text())
    for key, value in sorted(result.counts.items()):
        print(f"  {key}: {value:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
