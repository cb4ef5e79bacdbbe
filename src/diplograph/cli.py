"""Command line (SPEC §6). Each command is a thin layer over library functions:
data goes to stdout, messages and one line per failed document to stderr.

Exit status: 0 success, 1 some input failed (the rest was processed), 2 usage error,
3 environment (``serve`` cannot listen on its address).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from diplograph.errors import DiplographError
from diplograph.outputs.formats import ARTICLE_COLUMNS, EVENT_COLUMNS, TABLE_WIDTH, WRITERS
from diplograph.records import DocumentError, to_dict
from diplograph.settings import Settings

if TYPE_CHECKING:
    from diplograph.store.filters import EventFilter

app = typer.Typer(
    help="diplograph: evidence-linked political event data from raw news pages.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)
logger = logging.getLogger("diplograph")
EXIT_ENVIRONMENT = 3  # the machine, not the input or the arguments: e.g. a port in use


class EventFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    table = "table"


class Engine(str, Enum):
    local = "local"
    ray = "ray"


class ListFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


Paths = Annotated[list[str], typer.Argument(help="Files, directories (recursive) or globs.")]
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB database file.")]
ActorsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--actors", help="Extra actor knowledge file (YAML); repeatable."),
]
EventFormatOption = Annotated[EventFormat, typer.Option("--format", help="Output format.")]
ActorFilter = Annotated[
    Optional[str], typer.Option("--actor", help="Actor name, words or country code (either side).")
]
TypeFilter = Annotated[
    Optional[str], typer.Option("--type", help="PLOVER event type, e.g. CONSULT.")
]
SinceFilter = Annotated[
    Optional[str], typer.Option("--since", help="Earliest event date, YYYY[-MM[-DD]].")
]
UntilFilter = Annotated[
    Optional[str], typer.Option("--until", help="Latest event date, YYYY[-MM[-DD]].")
]
StatusFilter = Annotated[
    Optional[str], typer.Option("--status", help="Claim status, e.g. reported.")
]
CountryFilter = Annotated[
    Optional[str], typer.Option("--country", help="ISO3 code of either actor's country.")
]
PlaceFilter = Annotated[Optional[str], typer.Option(
    "--place", help="Where it happened: ISO3 code or words of the place name.")]


WideOption = Annotated[bool, typer.Option(
    "--wide", help="Table: one line per row, as wide as it needs (default: fit 120 columns, "
                   "evidence wrapped).")]


def _version(value: bool) -> None:
    if value:
        from diplograph import __version__

        typer.echo(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Print the version and exit.")] = False) -> None:
    """diplograph: evidence-linked political event data from raw news pages."""


def _report(error: DocumentError) -> None:
    typer.echo(error.line(), err=True)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _settings(actors: list[Path] | None) -> Settings:
    return Settings.from_env(actor_files=actors or None)


@app.command()
def ingest(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files, directories (recursive) or globs.")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="DuckDB database file.")] = None,
    actors: ActorsOption = None,
    quiet: Annotated[bool, typer.Option(
        "--quiet", "-q", help="No progress or summary on stderr.")] = False,
    engine: Annotated[Engine, typer.Option(
        "--engine",
        help="local: worker processes on this machine (DIPLOGRAPH_N_PROCESS), into --db; "
             "ray: Ray Data, Parquet into --out.")] = Engine.local,
    address: Annotated[Optional[str], typer.Option(
        "--address", help="Ray cluster address (e.g. ray://head:10001 or auto); "
                          "default: a local cluster.")] = None,
    out: Annotated[Optional[Path], typer.Option(
        "--out", help="Directory for the Ray engine's Parquet partitions.")] = None,
    from_parquet: Annotated[Optional[Path], typer.Option(
        "--from-parquet",
        help="Load Parquet partitions written by --engine ray into --db.")] = None,
) -> None:
    """Ingest documents into the database. Unchanged documents are skipped; changed ones replaced.
    """
    from diplograph.run.ingest import ingest_with_engine

    try:
        summary = ingest_with_engine(
            paths or [], db=db, engine=engine.value, address=address, out=out,
            from_parquet=from_parquet, settings=_settings(actors), on_error=_report,
            progress=not quiet and sys.stderr.isatty())
    except DiplographError as exc:
        raise _fail(str(exc), 2) from exc
    if not quiet:
        typer.echo(summary.line(db or out), err=True)
    raise typer.Exit(1 if summary.failed else 0)


@app.command()
def articles(
    paths: Paths,
    format: Annotated[ListFormat, typer.Option(
        "--format", help="Output format.")] = ListFormat.jsonl,
) -> None:
    """Print the cleaned articles (SPEC §5) found in the input, without coding events."""
    from diplograph.run.pipeline import read_articles

    failed = 0
    records = []
    for item in read_articles(paths, Settings.from_env()):
        if isinstance(item, DocumentError):
            _report(item)
            failed += 1
            continue
        for article in item[1]:
            record = to_dict(article)
            record.pop("content_hash", None)
            if format is ListFormat.jsonl:
                WRITERS["jsonl"]([record], sys.stdout)
            else:
                records.append({**record, "chars": len(article.text)})
    if format is ListFormat.table:
        WRITERS["table"](records, sys.stdout, ARTICLE_COLUMNS)
    raise typer.Exit(1 if failed else 0)


@app.command()
def extract(
    paths: Paths,
    format: EventFormatOption = EventFormat.jsonl,
    actors: ActorsOption = None,
    min_confidence: Annotated[Optional[float], typer.Option(
        "--min-confidence",
        help="Drop events below this confidence (default 0.5; 0 keeps all).")] = None,
) -> None:
    """Code events from files and print them (stateless: nothing is stored)."""
    from diplograph.run.pipeline import process_paths

    settings = Settings.from_env(actor_files=actors or None, min_confidence=min_confidence)
    failed = 0
    events = []
    for result in process_paths(paths, settings):
        if isinstance(result, DocumentError):
            _report(result)
            failed += 1
            continue
        for event in result.events:
            if format is EventFormat.jsonl:
                WRITERS["jsonl"]([to_dict(event)], sys.stdout)
            else:
                events.append(to_dict(event))
    if format is not EventFormat.jsonl:
        WRITERS[format.value](events, sys.stdout, EVENT_COLUMNS)
    raise typer.Exit(1 if failed else 0)


@app.command()
def events(
    db: DbOption,
    format: EventFormatOption = EventFormat.jsonl,
    actor: ActorFilter = None,
    type: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    status: StatusFilter = None,
    country: CountryFilter = None,
    place: PlaceFilter = None,
    wide: WideOption = False,
) -> None:
    """List stored events, filtered."""
    from diplograph.store.filters import EventFilter

    _list(db, "events", EventFilter(actor=actor, type=type, since=since, until=until,
                                    status=status, country=country, place=place),
          format, EVENT_COLUMNS, wide=wide)


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option("--gold", help="Gold events (JSONL, SPEC §7).")],
    db: Annotated[Optional[Path], typer.Option(
        "--db", help="Score the events stored here.")] = None,
    pred: Annotated[Optional[Path], typer.Option(
        "--pred", help="Score these events (JSONL).")] = None,
    show: Annotated[bool, typer.Option("--show", help="List every TP, FP and miss.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    per_type: Annotated[bool, typer.Option(
        "--per-type", help="Also print figures per event type.")] = False,
) -> None:
    """Score events against gold with the referee's rules (same figures as score_events.py)."""
    from diplograph.evaluation.evaluate import evaluate_events, render

    if (db is None) == (pred is None):
        raise _fail("give exactly one of --db or --pred", 2)
    try:
        result = evaluate_events(gold, db=db, pred=pred)
    except (DiplographError, OSError, json.JSONDecodeError) as exc:
        raise _fail(str(exc), 2) from exc
    typer.echo(render(result, show=show, as_json=as_json, per_type=per_type), nl=False)


@app.command()
def incidents(
    db: DbOption,
    format: EventFormatOption = EventFormat.jsonl,
    actor: ActorFilter = None,
    type: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    status: StatusFilter = None,
    country: CountryFilter = None,
    place: PlaceFilter = None,
    wide: WideOption = False,
) -> None:
    """List incidents: events fused across articles, with their sources and claim statuses."""
    from diplograph.store.filters import EventFilter
    from diplograph.store.incidents import INCIDENT_COLUMNS

    _list(db, "incidents", EventFilter(actor=actor, type=type, since=since, until=until,
                                       status=status, country=country, place=place),
          format, INCIDENT_COLUMNS, wide=wide)


def _list(db: Path, table: str, flt: EventFilter, format: EventFormat,
          columns: Sequence[tuple[str, str]], *, wide: bool = False) -> None:
    """Write the stored ``events`` or ``incidents`` that match ``flt`` to stdout."""
    from diplograph.store.queries import listing
    from diplograph.store.store import Store

    try:
        with Store(db, read_only=True) as store:
            records = listing(store.con, table, flt)
    except DiplographError as exc:
        raise _fail(str(exc), 2) from exc
    if format is EventFormat.jsonl:
        WRITERS["jsonl"](records, sys.stdout)
    elif format is EventFormat.table:
        WRITERS["table"](records, sys.stdout, columns, width=None if wide else TABLE_WIDTH)
    else:
        WRITERS[format.value](records, sys.stdout, columns)


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    plover_jsonl = "plover-jsonl"


@app.command()
def export(
    db: DbOption,
    to: Annotated[Path, typer.Option("--to", help="Directory to write the files into.")],
    format: Annotated[ExportFormat, typer.Option(
        "--format", help="Export format.")] = ExportFormat.parquet,
    actor: ActorFilter = None,
    type: TypeFilter = None,
    since: SinceFilter = None,
    until: UntilFilter = None,
    status: StatusFilter = None,
    country: CountryFilter = None,
    place: PlaceFilter = None,
) -> None:
    """Export the database: Parquet tables, a GDELT-like CSV or PLOVER JSON Lines."""
    from diplograph.outputs.exports import export as export_db
    from diplograph.store.filters import EventFilter
    from diplograph.store.store import Store

    flt = EventFilter(actor=actor, type=type, since=since, until=until, status=status,
                      country=country, place=place)
    try:
        with Store(db, read_only=True) as store:
            written = export_db(store.con, to, format.value, flt)
    except DiplographError as exc:
        raise _fail(str(exc), 2) from exc
    for path, n in written.items():
        typer.echo(f"{path}: {n} rows", err=True)


@app.command()
def serve(
    db: DbOption,
    host: Annotated[str, typer.Option(
        "--host", help="Interface to listen on; loopback unless --public.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=0, max=65535)] = 8000,
    public: Annotated[bool, typer.Option(
        "--public", help="Allow a --host other machines can reach (there is no login).")] = False,
) -> None:
    """Serve the analyst API and dashboard (read-only; ingest may run at the same time)."""
    try:
        from diplograph.serve import WebSettings, server
    except ImportError as exc:
        raise _fail(f"the web extra is not installed ({exc.name}): "
                    "pip install 'diplograph[web]'", 2)
    try:
        warning = server.check_host(host, public=public)
    except DiplographError as exc:
        raise _fail(str(exc), 2) from exc
    if warning:
        typer.echo(f"warning: {warning}", err=True)
    try:
        sock = server.listen(host, port)
    except OSError as exc:
        raise _fail(server.bind_error(host, port, exc), EXIT_ENVIRONMENT) from exc
    url = f"http://{f'[{host}]' if ':' in host else host}:{sock.getsockname()[1]}/"
    try:
        server.serve(WebSettings(db=db), sock, ready=lambda: typer.echo(
            f"diplograph: serving {db} at {url} (API docs: /docs)", err=True))
    except DiplographError as exc:
        raise _fail(str(exc), 2) from exc


def main() -> None:
    """Console entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except DiplographError as exc:  # bad knowledge files, settings, database: not per-document
        typer.echo(f"error: {exc}", err=True)
        sys.exit(2)
