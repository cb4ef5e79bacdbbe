"""Command line (SPEC §6). Each command is a thin layer over library functions:
data goes to stdout, messages and one line per failed document to stderr.

Exit status (:class:`~diplograph.errors.ExitStatus`, the README's table): 0 success, 1 some
input failed (the rest was processed), 2 usage error, 3 and above the machine: 3 cannot
listen or another OS error, 4 disk full, 5 corrupt database, 6 database locked. Every such
failure is one ``error:`` line on stderr; ``--debug`` adds the traceback.
"""

from __future__ import annotations

import errno
import functools
import inspect
import logging
import sys
import traceback
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from diplograph.errors import DiplographError, ExitStatus, os_failure
from diplograph.outputs.formats import ARTICLE_COLUMNS, EVENT_COLUMNS, TABLE_WIDTH, WRITERS
from diplograph.records import DocumentError, SkippedInput, to_dict
from diplograph.settings import Settings
from diplograph.wording import counted

if TYPE_CHECKING:
    from diplograph.store.filters import EventFilter

logger = logging.getLogger("diplograph")
EXIT_ENVIRONMENT = ExitStatus.ENVIRONMENT  # the machine, not the input or the arguments


def one_line(exc: Exception) -> DiplographError | None:
    """The error to print for ``exc`` in one line, or None for a bug (its traceback shows).

    A broken pipe (``diplograph events | head``) is not a failure: Typer silences it.
    """
    if isinstance(exc, DiplographError):
        return exc
    if isinstance(exc, OSError):
        return None if exc.errno == errno.EPIPE else os_failure(exc)
    import duckdb

    from diplograph.store.connection import database_failure

    return database_failure(exc) if isinstance(exc, duckdb.Error) else None


class OneLineFailures(TyperGroup):
    """Runs a command; a failure of the input files, the machine or the database becomes
    one ``error:`` line and its exit status, wherever in the command it was raised."""

    def invoke(self, ctx: typer.Context):
        try:
            return super().invoke(ctx)
        except Exception as exc:
            failure = one_line(exc)
            if failure is None:
                raise
            if ctx.params.get("debug"):
                traceback.print_exception(exc)
            for line in str(failure).splitlines():  # several only for one line per problem
                typer.echo(f"error: {line}", err=True)
            raise typer.Exit(failure.exit_status) from exc


app = typer.Typer(
    cls=OneLineFailures,
    help="diplograph: evidence-linked political event data from raw news pages.",
    epilog="The records and exit statuses: docs/contracts.md. Figures: docs/benchmarks.md.",
    no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
)


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
WideOption = Annotated[bool, typer.Option(
    "--wide", help="Table: one line per row, as wide as it needs (default: fit 120 columns, "
                   "evidence wrapped).")]

# The options of EventFilter's fields (``--actor`` for ``actor`` ...), in its order: one
# declaration for every listing command.
FILTER_HELP = {
    "actor": "Actor name, words or country code (either side).",
    "type": "PLOVER event type, e.g. CONSULT.",
    "since": "Earliest event date, YYYY[-MM[-DD]].",
    "until": "Latest event date, YYYY[-MM[-DD]].",
    "status": "Claim status, e.g. reported.",
    "country": "ISO3 code of either actor's country.",
    "place": "Where it happened: ISO3 code or words of the place name.",
}
FILTER_OPTIONS = {name: Annotated[Optional[str], typer.Option(f"--{name}", help=text)]
                  for name, text in FILTER_HELP.items()}


def event_filter_options(command: Callable[..., None]) -> Callable[..., None]:
    """Give ``command`` the filter options (``--actor`` ... ``--place``) in place of its
    keyword-only parameter ``flt``, which it receives as one :class:`EventFilter`."""
    # EventFilter's package loads DuckDB and Arrow, which the CLI imports only when a command
    # runs: its name stands for itself here (the parameter is replaced in any case).
    signature = inspect.signature(command, eval_str=True, locals={"EventFilter": "EventFilter"})
    params: list[inspect.Parameter] = []
    for param in signature.parameters.values():
        if param.name != "flt":
            params.append(param)
            continue
        params += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=None,
                                     annotation=option) for name, option in FILTER_OPTIONS.items()]

    @functools.wraps(command)
    def with_filter(**options: Any) -> None:
        from diplograph.store.filters import EventFilter

        flt = EventFilter(**{name: options.pop(name) for name in FILTER_OPTIONS})
        command(**options, flt=flt)

    with_filter.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    with_filter.__annotations__ = {p.name: p.annotation for p in params}
    return with_filter


def _version(value: bool) -> None:
    if value:
        from diplograph import __version__

        typer.echo(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option(
        "--version", callback=_version, is_eager=True,
        help="Print the version and exit.")] = False,
    debug: Annotated[bool, typer.Option(  # read by OneLineFailures, from the context
        "--debug", envvar="DIPLOGRAPH_DEBUG",
        help="Print the traceback of a failure before its one line.")] = False,
) -> None:
    """diplograph: evidence-linked political event data from raw news pages."""


def _report(error: DocumentError | SkippedInput) -> None:
    typer.echo(error.line(), err=True)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


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
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List each skipped input file with the reason.")] = False,
    follow_symlinks: Annotated[bool, typer.Option(
        "--follow-symlinks",
        help="Follow symbolic links that lead out of the input directories.")] = False,
) -> None:
    """Ingest documents into the database. Unchanged documents are skipped; changed ones replaced.
    """
    from diplograph.console import RunProgress
    from diplograph.run.ingest import ingest_with_engine

    settings = Settings.from_env(actor_files=actors or None,
                                 follow_symlinks=follow_symlinks or None)  # unset: env decides
    bar = not quiet and sys.stderr.isatty() and engine is Engine.local and bool(paths)
    with RunProgress(_expected(paths, settings) if bar else None, enabled=bar) as progress:
        def report(item: DocumentError | SkippedInput) -> None:
            progress.line(item.line())

        summary = ingest_with_engine(
            paths or [], db=db, engine=engine.value, address=address, out=out,
            from_parquet=from_parquet, settings=settings, on_error=report,
            on_progress=lambda done: progress.advance_to(done.seen, f"{done.events} events"),
            on_skip=report if verbose else None)
    if not quiet:
        typer.echo(summary.line(db or out), err=True)
    raise typer.Exit(1 if summary.failed else 0)


def _expected(paths: list[str] | None, settings: Settings) -> int | None:
    """The progress bar's total (None: unknown, or no input path exists)."""
    from diplograph.pages.sources import expected_documents

    return expected_documents(paths or [], follow_symlinks=settings.follow_symlinks)


@app.command()
def articles(
    paths: Paths,
    format: Annotated[ListFormat, typer.Option(
        "--format", help="Output format.")] = ListFormat.jsonl,
) -> None:
    """Print the cleaned articles found in the input (fields: docs/contracts.md), without
    coding events."""
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


@app.command(name="eval")
def evaluate(
    gold: Annotated[Path, typer.Option(
        "--gold", help="Gold events (JSONL; format: docs/contracts.md).")],
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
        raise _fail("give exactly one of --db or --pred", ExitStatus.USAGE)
    result = evaluate_events(gold, db=db, pred=pred)
    typer.echo(render(result, show=show, as_json=as_json, per_type=per_type), nl=False)


def listing_command(table: str, summary: str) -> Callable[..., None]:
    """The command that lists the stored ``events`` or ``incidents``, filtered."""

    @event_filter_options
    def command(
        db: DbOption,
        format: EventFormatOption = EventFormat.jsonl,
        *,
        flt: EventFilter,
        wide: WideOption = False,
    ) -> None:
        _list(db, table, flt, format, wide=wide)

    command.__doc__ = summary
    return command


app.command(name="events")(listing_command("events", "List stored events, filtered."))
app.command(name="incidents")(listing_command(
    "incidents",
    "List incidents: events fused across articles, with their sources and claim statuses."))


def _list(db: Path, table: str, flt: EventFilter, format: EventFormat, *,
          wide: bool = False) -> None:
    """Write the stored ``events`` or ``incidents`` that match ``flt`` to stdout."""
    from diplograph.store.connection import limit_memory
    from diplograph.store.incidents import INCIDENT_COLUMNS
    from diplograph.store.queries import iter_listing
    from diplograph.store.store import Store

    columns = INCIDENT_COLUMNS if table == "incidents" else EVENT_COLUMNS
    with Store(db, read_only=True) as store:
        limit_memory(store.con)
        records = lambda: iter_listing(store.con, table, flt)  # noqa: E731 (read twice)
        if format is EventFormat.table:
            WRITERS["table"](records, sys.stdout, columns, width=None if wide else TABLE_WIDTH)
        elif format is EventFormat.jsonl:
            WRITERS["jsonl"](records(), sys.stdout)
        else:
            WRITERS[format.value](records(), sys.stdout, columns)


class ExportFormat(str, Enum):
    parquet = "parquet"
    csv = "csv"
    plover_jsonl = "plover-jsonl"


@app.command()
@event_filter_options
def export(
    db: DbOption,
    to: Annotated[Path, typer.Option("--to", help="Directory to write the files into.")],
    format: Annotated[ExportFormat, typer.Option(
        "--format", help="Export format.")] = ExportFormat.parquet,
    *,
    flt: EventFilter,
) -> None:
    """Export the database: Parquet tables, a GDELT-like CSV or PLOVER JSON Lines."""
    from diplograph.outputs.exports import export as export_db
    from diplograph.store.connection import limit_memory
    from diplograph.store.store import Store

    with Store(db, read_only=True) as store:
        limit_memory(store.con)
        written = export_db(store.con, to, format.value, flt)
    for path, n in written.items():
        typer.echo(f"{path}: {counted(n, 'row')}", err=True)


@app.command()
def compact(db: DbOption) -> None:
    """Rewrite the stored events in date order, so that date filters read fewer blocks."""
    from diplograph.store.store import Store

    with Store(db) as store:
        n = store.compact()
    typer.echo(f"{db}: {n} events stored in date order", err=True)


@app.command()
def serve(
    db: DbOption,
    host: Annotated[str, typer.Option(
        "--host", help="Interface to listen on; loopback unless --public.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="TCP port.", min=0, max=65535)] = 8000,
    public: Annotated[bool, typer.Option(
        "--public", help="Allow a --host other machines can reach (there is no login).")] = False,
    threads: Annotated[int | None, typer.Option(
        "--threads", min=1, max=256,
        help="DuckDB's threads, shared by every request (default: one per core).")] = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, max=256,
        help="Requests computed at once (default: the server's thread pool, 40).")] = None,
) -> None:
    """Serve the analyst API and dashboard (read-only; ingest may run at the same time)."""
    try:
        from diplograph.serve import WebSettings, server
    except ImportError as exc:
        raise _fail(f"the web extra is not installed ({exc.name}): "
                    "pip install 'diplograph[web]'", ExitStatus.USAGE)
    warning = server.check_host(host, public=public)
    if warning:
        typer.echo(f"warning: {warning}", err=True)
    try:
        sock = server.listen(host, port)
    except OSError as exc:
        raise _fail(server.bind_error(host, port, exc), EXIT_ENVIRONMENT) from exc
    url = f"http://{f'[{host}]' if ':' in host else host}:{sock.getsockname()[1]}/"
    settings = WebSettings(db=db, threads=threads, workers=workers)
    server.serve(settings, sock, ready=lambda: typer.echo(
        f"diplograph: serving {db} at {url} (API docs: /docs)", err=True))


def main() -> None:
    """Console entry point."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()
