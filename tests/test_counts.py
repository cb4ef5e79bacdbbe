"""The count tables kept at every write equal a full recount, whatever the writes were
(new documents, changed ones, emptied ones, incidents fused again), and the overview,
list totals and the actor index read the same answers from them as from the events."""

from __future__ import annotations

import random

import duckdb
import pytest
from stored import coded, event

from diplograph.records import ActorRef, EventDate, Location
from diplograph.store import catalog, migrations, profiles, queries, web_queries
from diplograph.store.aggregates import recount, stored_counts
from diplograph.store.filters import EventFilter
from diplograph.store.outlets import outlets_defined_and_kept
from diplograph.store.queries import LISTING_KEY
from diplograph.store.store import Store
from diplograph.store.web_queries import Search

ACTORS = [
    ActorRef(name="Mark Rutte", country="NLD", kind="person"),
    ActorRef(name="Alexander Stubb", country="FIN", kind="person"),
    ActorRef(name="Finland", country="FIN", kind="state"),
    ActorRef(name="Hamas", country=None, kind="group", text="the militants"),
    ActorRef(name="Hamas", country=None, kind="group", text="Hamas"),
    ActorRef(name="Finland", country="FIN", kind="state", text="the Finns"),
    ActorRef(name="Ursula von der Leyen", country=None, kind="person"),
    ActorRef(name="Mark Rutte", country="NLD", kind="person", role="prime minister",
             wikidata="Q57792", text="the Dutch premier"),
    ActorRef(name=None, country="FIN", text="Helsinki"),
    None,
]
TYPES = ["CONSULT", "AGREE", "ACCUSE", "SANCTION"]
STATUSES = ["reported", "planned", "denied"]
PLACES = [  # geocoded, named with a country only, geocoded with no country, nowhere
    Location(name="Kyiv", country="UKR", lat=50.45, lon=30.52),
    Location(name="Brussels", country="BEL", lat=50.85, lon=4.35),
    Location(name="Finland", country="FIN"),
    Location(name="Gaza", lat=31.5, lon=34.47),
    None,
]
DATES = [("2025-12-20", "day"), ("2025-11", "month"), ("2024", "year"), (None, None),
         ("2026-01-02", "day")]


def random_document(rng: random.Random, doc_id: str, version: int):
    """A document whose one article holds 0 to 4 random events (``version``: its content)."""
    text = f"Version {version} of {doc_id}: the ministers spoke."
    events = []
    for i in range(rng.randint(0, 4)):
        value, precision = rng.choice(DATES)
        events.append(event(f"{doc_id}-v{version}-{i}", doc_id, text, rng.choice(ACTORS),
                            rng.choice(ACTORS), EventDate(value=value, precision=precision),
                            type=rng.choice(TYPES), status=rng.choice(STATUSES),
                            confidence=rng.choice([0.3, 0.5, 0.8, None]),
                            location=rng.choice(PLACES)))
    return coded(doc_id, text, events, content_hash=f"{doc_id}-{version}")


def assert_counts_exact(store: Store) -> None:
    assert stored_counts(store.con) == recount(store.con)
    # The events' kept listing key (queries.LISTING_KEY) too: never NULL, always its value.
    assert store.con.execute(f"SELECT count(*) FROM events WHERE listing_key IS NULL "
                             f"OR listing_key <> {LISTING_KEY}").fetchone()[0] == 0
    # And each event's kept incident is the one incident_events links it to.
    assert store.con.execute(
        "SELECT count(*) FROM events e LEFT JOIN incident_events ie ON ie.event_id = e.id "
        "WHERE e.incident_id IS DISTINCT FROM ie.incident_id").fetchone()[0] == 0


@pytest.mark.parametrize("seed", range(4))
def test_counts_equal_a_recount_after_any_writes(tmp_path, seed):
    rng = random.Random(seed)
    doc_ids = [f"doc{i}" for i in range(8)]
    versions = dict.fromkeys(doc_ids, 0)
    with Store(tmp_path / "db.duckdb") as store:
        for _ in range(8):
            batch = rng.sample(doc_ids, rng.randint(1, 4))  # new, changed or emptied
            for doc_id in batch:
                versions[doc_id] += 1
            store.write([random_document(rng, d, versions[d]) for d in batch])
            assert_counts_exact(store)
        store.rebuild_incidents()  # fusing again does not touch the counts
        assert_counts_exact(store)


def before_listing_counts(con: duckdb.DuckDBPyConnection) -> None:
    """Make a database look as it did before migrations m013 to m015 (no listing, outlet
    and alias counts, no article and incident indexes: DuckDB alters no table with an
    index on it)."""
    for table in ("counts_listing", "counts_outlet", "counts_alias"):
        con.execute(f"DROP TABLE IF EXISTS {table}")
    for sql in ("DROP INDEX articles_doc", "DROP INDEX incident_events_incident",
                "DELETE FROM _migrations WHERE name IN ('m013_listing_counts', "
                "'m014_outlet_counts', 'm015_alias_counts')"):
        con.execute(sql)


def test_a_database_from_before_the_listing_counts_gets_them(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write([random_document(random.Random(9), f"doc{i}", 1) for i in range(6)])
        before_listing_counts(store.con)
    with Store(path) as store:
        assert all(stored_counts(store.con)[table] for table in (
            "counts_listing", "counts_outlet", "counts_alias"))
        assert_counts_exact(store)
        indexes = {row[0] for row in store.con.execute(
            "SELECT index_name FROM duckdb_indexes()").fetchall()}
        assert {"articles_doc", "incident_events_incident"} <= indexes


def test_a_database_from_before_the_counts_gets_them(tmp_path):
    rng = random.Random(7)
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write([random_document(rng, f"doc{i}", 1) for i in range(6)])
        for table in stored_counts(store.con):  # as a database of the version before
            store.con.execute(f"DROP TABLE {table}")
        before_listing_counts(store.con)
        store.con.execute("DELETE FROM _migrations WHERE name IN ('m007_event_counts', "
                          "'m010_place_counts', 'm011_pair_counts', "
                          "'m012_country_counts', 'm018_profile_counts', "
                          "'m019_dyad_month_counts', 'm020_dyad_listing_counts')")
    with Store(path) as store:  # the migration counts what is stored
        assert stored_counts(store.con)["counts_month"]
        assert stored_counts(store.con)["counts_place"]
        assert all(stored_counts(store.con)[table] for table in (
            "counts_profile", "counts_counterpart", "counts_identity", "counts_dyad_listing"))
        assert_counts_exact(store)


def test_a_database_from_before_m021_loses_its_dyad_month_counts(tmp_path):
    path = tmp_path / "old.duckdb"
    s = Search(flt=EventFilter(actor="FIN"), other="NLD")
    with Store(path) as store:
        store.write([random_document(random.Random(11), f"doc{i}", 1) for i in range(30)])
        chart = profiles.cooperation_conflict(store.con, s)
        # as m019 left it: the dyad's months kept in a table of their own
        store.con.execute("CREATE TABLE counts_dyad_month AS SELECT a, b, period, type, status, "
                          "confident, sum(n) AS n FROM (SELECT *, CASE WHEN length(bucket) >= 7 "
                          "THEN bucket END AS period FROM counts_dyad_listing) GROUP BY ALL")
        store.con.execute("DELETE FROM _migrations WHERE name = 'm021_drop_dyad_month_counts'")
    with Store(path) as store:
        assert not catalog.has_table(store.con, "counts_dyad_month")
        assert profiles._counted_dyad_months(store.con, s) is not None
        assert chart["series"] and profiles.cooperation_conflict(store.con, s) == chart
        store.write([random_document(random.Random(6), "doc0", 2)])  # a write after it
        assert_counts_exact(store)


@pytest.mark.parametrize("migration, column", [("m016_event_listing_key", "listing_key"),
                                               ("m017_event_incident", "incident_id")])
def test_a_database_from_before_a_kept_event_column_gets_it(tmp_path, monkeypatch, migration,
                                                            column):
    path = tmp_path / "old.duckdb"
    before = [(name, m) for name, m in migrations.MIGRATIONS if name != migration]
    monkeypatch.setattr(migrations, "MIGRATIONS", before)
    with Store(path) as store:  # written as the version before wrote it
        store.write([random_document(random.Random(3), f"doc{i}", 1) for i in range(6)])
        assert not queries.has_column(store.con, "events", column)
        n = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
    monkeypatch.undo()
    with Store(path) as store:
        assert queries.has_column(store.con, "events", column) and n > 0
        assert store.con.execute(f"SELECT count({column}) FROM events").fetchone()[0] == n
        assert_counts_exact(store)


SEARCHES = [
    Search(), Search(min_confidence=0.5), Search(flt=EventFilter(type="CONSULT")),
    Search(flt=EventFilter(status="denied"), min_confidence=0.5),
    Search(undated=True, min_confidence=0.5), EventFilter(), EventFilter(type="AGREE"),
]


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> duckdb.DuckDBPyConnection:
    rng = random.Random(11)
    store = Store(tmp_path_factory.mktemp("counts") / "db.duckdb")
    store.write([random_document(rng, f"doc{i}", 1) for i in range(30)])
    yield store.con
    store.close()


@pytest.mark.parametrize("s", SEARCHES, ids=repr)
def test_the_counts_answer_as_the_events_do(filled, s, monkeypatch):
    def answers():
        return (web_queries.count_matching(filled, "events", s),
                web_queries.totals(filled, s, whole=True),
                web_queries.over_time(filled, "type", s),
                web_queries.over_time(filled, "status", s),
                web_queries.top_dyads(filled, s, limit=50),
                web_queries.actor_index(filled, limit=50),
                profiles.locations(filled, s),
                profiles.network(filled, s), profiles.network(filled, s, level="actor"))

    assert web_queries.counted_where(s) is not None  # the counts answer these
    from_counts = answers()
    located, network = from_counts[-3], from_counts[-2]
    assert located["places"] and located["countries"] and network["edges"]
    monkeypatch.setattr(web_queries, "has_counts", lambda con: False)  # an older database
    monkeypatch.setattr(profiles, "has_kept", lambda con, table: False)
    assert from_counts == answers()


STATE_SEARCHES = [
    Search(flt=EventFilter(actor="FIN"), min_confidence=0.5),
    Search(flt=EventFilter(actor="NLD", type="CONSULT")),
    Search(flt=EventFilter(actor="FIN", status="denied"), undated=True), EventFilter(actor="NLD"),
]
# A person by Wikidata id or by name, and a name with other words for it (the profile
# counts, stop 19).
ACTOR_SEARCHES = [
    Search(flt=EventFilter(actor="Q57792"), min_confidence=0.5),
    Search(flt=EventFilter(actor="rutte", type="CONSULT")),
    Search(flt=EventFilter(actor="Hamas", status="denied")),
]


@pytest.mark.parametrize("s", STATE_SEARCHES + ACTOR_SEARCHES, ids=repr)
def test_a_states_counts_answer_as_its_events_do(filled, s, monkeypatch):
    def answers():
        counts = profiles.period_counts(filled, s)
        return (profiles.cooperation_conflict(filled, s), profiles.types_over_time(counts),
                sorted(counts, key=repr))

    # the counts answer these: a state's, else an actor's profile counts
    assert (profiles._counted_country(filled, s) or profiles._counted_actor_months(filled, s))
    from_counts = answers()
    assert from_counts[2]
    monkeypatch.setattr(profiles, "has_kept", lambda con, table: False)
    assert from_counts == answers()
    assert from_counts[1] == web_queries.over_time(filled, "type", s)


DYAD_SEARCHES = [
    Search(flt=EventFilter(actor="FIN"), other="NLD", min_confidence=0.5),
    Search(flt=EventFilter(actor="NLD", type="CONSULT"), other="FIN"),
    Search(flt=EventFilter(actor="FIN", status="denied"), other="NLD", undated=True),
    Search(flt=EventFilter(actor="NLD"), other="BEL", min_confidence=0.5),
]


@pytest.mark.parametrize("s", DYAD_SEARCHES, ids=repr)
def test_a_dyads_chart_from_the_counts_is_its_events_chart(filled, s, monkeypatch):
    # BEL: no event with NLD, an empty chart either way.
    assert profiles._counted_dyad_months(filled, s) is not None  # the counts answer these
    from_counts = profiles.cooperation_conflict(filled, s)
    assert bool(from_counts["series"]) == (s.other != "BEL") or s.undated
    monkeypatch.setattr(profiles, "has_kept", lambda con, table: False)
    assert from_counts == profiles.cooperation_conflict(filled, s)


def test_a_dyad_with_a_nameless_actor_named_like_a_state_reads_the_events(filled):
    s = Search(flt=EventFilter(actor="FIN"), other="NLD")
    assert profiles._counted_dyad_months(filled, s.with_(q="talks")) is None
    assert profiles._counted_dyad_months(filled, s.with_(actor="Rutte")) is None
    filled.execute("BEGIN TRANSACTION")
    filled.execute("INSERT INTO counts_actor (name, country, n) VALUES ('NLD', NULL, 1)")
    try:
        assert profiles._counted_dyad_months(filled, s) is None
    finally:
        filled.execute("ROLLBACK")


PROFILE_SEARCHES = [
    Search(min_confidence=0.5), Search(flt=EventFilter(type="CONSULT")),
    Search(flt=EventFilter(status="denied"), min_confidence=0.5), EventFilter(),
]


@pytest.mark.parametrize("actor", ["FIN", "NLD", "Q57792", "q57792", "BEL", "rutte", "Hamas",
                                   "mark", "xyz"])
@pytest.mark.parametrize("s", PROFILE_SEARCHES, ids=repr)
def test_a_profile_from_the_counts_is_the_events_profile(filled, actor, s, monkeypatch):
    # FIN: some events between two of its own actors, counted once; "mark": events between
    # two sides named Mark Rutte, once; "Hamas": sides with other words for it; BEL, xyz:
    # no event at all.
    assert profiles._kept_profile(filled, actor, s) is not None  # the counts answer these
    from_counts = profiles.actor_profile(filled, actor, s, top=3)
    assert from_counts["n_events"] or actor in ("BEL", "xyz")
    monkeypatch.setattr(profiles, "has_kept", lambda con, table: False)
    assert from_counts == profiles.actor_profile(filled, actor, s, top=3)


@pytest.mark.parametrize("typed", ["FIN", "Q57792", "rutte", "the", "Helsinki", "xyz"])
def test_identities_from_the_counts_are_the_events_identities(filled, typed, monkeypatch):
    from_counts = profiles.actor_identities(filled, typed, limit=10)
    monkeypatch.setattr(profiles, "has_kept", lambda con, table: False)
    assert from_counts == profiles.actor_identities(filled, typed, limit=10)
    assert bool(from_counts) == (typed != "xyz")


@pytest.mark.parametrize("words", ["militants", "Helsinki", "the", "r"])
def test_words_the_counts_cannot_answer_read_the_events(filled, words, monkeypatch):
    # Words of an article alone ("militants": some of Hamas's sides; "Helsinki": a side
    # with no name; "the": some of several names' sides), or names that meet ("r": Rutte,
    # Stubb and von der Leyen, events between them): the profile reads the events.
    assert profiles._kept_profile(filled, words, Search()) is None
    from_events = profiles.actor_profile(filled, words, Search(), top=3)
    assert from_events["n_events"]


def test_profiles_the_counts_cannot_answer_read_the_events(filled):
    words_alone = Search(flt=EventFilter(actor="militants"))
    assert profiles._counted_actor_months(filled, words_alone) is None
    assert profiles._kept_profile(filled, "FIN", Search(undated=True)) is None
    assert profiles._kept_profile(filled, "FIN", Search(q="talks")) is None
    assert profiles._kept_profile(filled, "FIN", Search(min_confidence=0.7)) is None


@pytest.mark.parametrize("typed", ["rutte", "Fin", "von der", "militants", "the", "FIN",
                                   "xyz"])
def test_suggestions_from_the_counts_are_the_events_suggestions(filled, typed, monkeypatch):
    # "the": the aliases of some of an actor's events only ("the militants", "the Finns").
    from_counts = web_queries.actor_suggestions(filled, typed)
    monkeypatch.setattr(web_queries, "has_counts", lambda con: False)  # an older database
    assert from_counts == web_queries.actor_suggestions(filled, typed)
    assert bool(from_counts) == (typed != "xyz")


def test_filters_the_counts_cannot_answer_read_the_events():
    assert web_queries.counted_where(Search(flt=EventFilter(actor="Rutte"))) is None
    assert web_queries.counted_where(Search(q="talks")) is None
    assert web_queries.counted_where(Search(min_confidence=0.7)) is None
    assert web_queries.counted_where(Search(flt=EventFilter(since="2025"))) is None
    assert web_queries.counted_where(Search(flt=EventFilter(status="denied")),
                                     by_month=False) is None


INCIDENT_CONFIDENCE = ("SELECT i.id, i.confidence, (SELECT max(e.confidence) "
                       "FROM incident_events ie JOIN events e ON e.id = ie.event_id "
                       "WHERE ie.incident_id = i.id) FROM incidents i")


def assert_incident_confidence_exact(store: Store) -> None:
    """Each incident keeps its most confident event's confidence (NULL when none has one)."""
    rows = store.con.execute(INCIDENT_CONFIDENCE).fetchall()
    assert rows and all(kept == best for _, kept, best in rows)


@pytest.mark.parametrize("seed", range(2))
def test_incidents_keep_their_confidence_and_articles_their_outlet(tmp_path, seed):
    rng = random.Random(seed)
    doc_ids = [f"doc{i}" for i in range(6)]
    with Store(tmp_path / "db.duckdb") as store:
        for version in range(1, 5):  # rewritten: incidents fused again window by window
            store.write([random_document(rng, d, version) for d in rng.sample(doc_ids, 3)])
            assert_incident_confidence_exact(store)
        store.rebuild_incidents()
        assert_incident_confidence_exact(store)
        defined, kept = outlets_defined_and_kept(store.con)  # rewritten and emptied documents
        assert kept == defined and any(n for *_, n in kept)


def test_a_database_from_before_incident_confidence_gets_it(tmp_path):
    path = tmp_path / "old.duckdb"
    rng = random.Random(7)
    with Store(path) as store:
        store.write([random_document(rng, f"doc{i}", 1) for i in range(6)])
        for sql in ("DROP INDEX incidents_key", "ALTER TABLE incidents DROP COLUMN confidence",
                    "CREATE INDEX incidents_key ON incidents (fusion_key)"):
            store.con.execute(sql)  # as a database of the version before
        store.con.execute("DELETE FROM _migrations WHERE name = 'm008_incident_confidence'")
    with Store(path) as store:
        assert_incident_confidence_exact(store)
        floor = Search(min_confidence=0.5)
        assert web_queries.count_matching(store.con, "incidents", floor) == store.con.execute(
            "SELECT count(DISTINCT ie.incident_id) FROM incident_events ie JOIN events e "
            "ON e.id = ie.event_id WHERE e.confidence >= 0.5").fetchone()[0]


def test_a_database_from_before_kept_outlets_gets_them(tmp_path):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store.write([random_document(random.Random(3), f"doc{i}", 1) for i in range(6)])
        before_listing_counts(store.con)
        for sql in ("ALTER TABLE articles DROP COLUMN outlet",
                    "ALTER TABLE articles DROP COLUMN n_events",
                    "DELETE FROM _migrations WHERE name = 'm009_article_outlets'"):
            store.con.execute(sql)  # as a database of the version before
    with Store(path) as store:
        defined, kept = outlets_defined_and_kept(store.con)
        assert kept == defined and len(kept) == 6
