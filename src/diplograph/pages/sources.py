"""Reading input files into Documents (SPEC §2, §3).

``iter_documents`` expands files, directories and globs and yields one
:class:`~diplograph.records.Document` per file, JSONL record or WARC response,
or a :class:`~diplograph.records.DocumentError` for each document that cannot
be read. A bad document never stops the batch: the caller prints the error
line and goes on.

``Document.kind`` says how ``content`` must be read: ``"html"`` or ``"text"``.
JSONL records and WARC responses get the kind of their payload (a JSONL
``html`` field, a WARC ``text/html`` response), because that is what the
extractor needs to know; the container is visible in ``path``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from typing import BinaryIO

from diplograph.pages.ids import IdAssigner, colliding_ids, doc_id_for, record_source
from diplograph.pages.inputs import InputFile, expand_inputs, kind_of
from diplograph.pages.reading import (
    CorruptGzip,
    Unreadable,
    count_documents,
    is_gzip,
    open_input,
    read_bounded,
)
from diplograph.records import Document, DocumentError, KnownSources, SkippedInput

logger = logging.getLogger(__name__)

__all__ = ["decode_bytes", "doc_id_for", "expected_documents", "iter_documents", "kind_of"]

_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF_RE = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Control characters that never occur in text (tab, newlines, form feed and ESC-less text allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BINARY_CONTROL_SHARE = 0.05
# A JSONL file with this many bytes of blank lines in a row is refused from there on: no
# crawler writes that, and each blank line costs a turn of the reading loop.
_MAX_BLANK_RUN = 64 << 10

_Bad = Unreadable  # the reason a document cannot be read (one error line)


def expected_documents(paths: Iterable[str], *, follow_symlinks: bool = False) -> int | None:
    """About how many documents :func:`iter_documents` will yield for ``paths`` (a
    progress bar's total), or None when that needs a full read (WARC, gzipped JSONL)."""
    items = expand_inputs([str(p) for p in paths], follow_symlinks=follow_symlinks)
    return count_documents([(i.path, i.kind) for i in items if isinstance(i, InputFile)])


def iter_documents(
    paths: Iterable[str],
    *,
    max_bytes: int = 50_000_000,
    follow_symlinks: bool = False,
    known: KnownSources | None = None,
    on_skip: Callable[[SkippedInput], None] | None = None,
) -> Iterator[Document | DocumentError]:
    """Expand files, directories (recursive) and globs; yield documents or errors.

    Yields one Document per file / JSONL record / WARC response, or a
    DocumentError naming the file (or ``file:line`` / ``file#record-id``) and
    the reason, one per bad document. Only regular files are read, each with a
    hard byte limit; symlinks leading out of the input are refused unless
    ``follow_symlinks`` (see :mod:`diplograph.pages.inputs`). Files passed over
    on purpose (an unsupported extension inside a directory, a file named twice)
    go to ``on_skip``. Doc ids never collide (see :mod:`diplograph.pages.ids`).

    Args:
        paths: file names, directory names or glob patterns.
        max_bytes: the largest document (file, record or decompressed page) read.
        follow_symlinks: follow symlinks that lead out of the input roots.
        known: the stored documents' ids and sources (a batch never replaces another
            source's document, and stored documents keep their ids).
        on_skip: called once per skipped file (they are logged at INFO level too).

    Yields:
        Document or DocumentError, in a stable (sorted) order.
    """
    items = expand_inputs([str(p) for p in paths], follow_symlinks=follow_symlinks)
    files = [i for i in items if isinstance(i, InputFile)]
    ids = IdAssigner(colliding_ids(_natural_ids(files, max_bytes)), known)
    for item in items:
        if isinstance(item, InputFile):
            yield from _iter_file(item, max_bytes, ids)
        elif isinstance(item, SkippedInput):
            logger.info("%s", item.line())
            if on_skip:
                on_skip(item)
        else:
            yield item


def _natural_ids(files: list[InputFile], max_bytes: int) -> Iterator[tuple[str, str]]:
    """(natural id, source) of every document in the batch that could collide.

    WARC record ids are UUIDs by the standard and are not scanned; JSONL ids are
    only when there is more than one file (the same id twice in one file is one
    source read twice, not a collision).
    """
    for file in files:
        if file.kind in ("text", "html"):
            yield doc_id_for(file.path), file.path
        elif file.kind == "jsonl" and len(files) > 1:
            yield from _jsonl_ids(file.path, max_bytes)


def _jsonl_ids(path: str, max_bytes: int) -> Iterator[tuple[str, str]]:
    try:
        for lineno, line in _jsonl_lines(path, max_bytes):
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict):
                natural = _jsonl_natural_id(record, path, lineno)
                yield natural, record_source(path, natural)
    except (Unreadable, OSError):
        return  # the reading pass reports it


def _jsonl_natural_id(record: dict, path: str, lineno: int) -> str:
    return str(record.get("id") or f"{doc_id_for(path)}-{lineno}")


def _iter_file(
    file: InputFile, max_bytes: int, ids: IdAssigner
) -> Iterator[Document | DocumentError]:
    path, kind = file.path, file.kind
    try:
        if kind == "warc":
            yield from _iter_warc(path, max_bytes, ids)
        elif kind == "jsonl":
            yield from _iter_jsonl(path, max_bytes, ids)
        else:
            raw = read_bounded(path, max_bytes)
            doc_id = ids.assign(doc_id_for(path), path) or doc_id_for(path)
            yield _make_document(raw, doc_id=doc_id, kind=kind, path=path, source=path)
    except _Bad as exc:
        yield DocumentError(doc=path, reason=str(exc))
    except OSError as exc:
        yield DocumentError(doc=path, reason=f"cannot read file ({exc.strerror or exc})")


def _make_document(raw: bytes, *, doc_id: str, kind: str, path: str, source: str,
                   url: str | None = None, title: str | None = None,
                   published: str | None = None, content_hash: str | None = None) -> Document:
    content = decode_bytes(raw, html=kind == "html")
    if kind == "text" and _HTML_SNIFF_RE.match(content):
        kind = "html"  # an HTML page saved as .txt is still HTML
    return Document(
        doc_id=doc_id, kind=kind, content=content,  # type: ignore[arg-type]
        content_hash=content_hash or hashlib.sha256(raw).hexdigest(),
        path=path, source=source, url=url, title=title, published=published,
    )


def decode_bytes(raw: bytes, *, html: bool = False) -> str:
    """Decode a document's bytes, or raise with the reason it is unusable.

    UTF-8 first (a BOM is allowed); a declared ``<meta charset>`` only for
    HTML. Plain text that is not UTF-8 is refused rather than guessed, so that
    no mojibake is invented.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if not raw.strip():
        raise _Bad("empty document")
    if _looks_binary(raw):
        raise _Bad("binary file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if html:
            declared = _declared_charset(raw)
            if declared:
                return raw.decode(declared, errors="replace")
        what = "HTML" if html else "text"
        raise _Bad(f"not UTF-8 {what} (decode failed at byte {exc.start})") from exc


def _looks_binary(raw: bytes) -> bool:
    head = raw[:65536]
    if b"\x00" in head:
        return True
    controls = sum(head.count(bytes([b])) for b in _CONTROL_BYTES)
    return controls / max(len(head), 1) > _BINARY_CONTROL_SHARE


def _declared_charset(raw: bytes) -> str | None:
    match = _CHARSET_RE.search(raw[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def _iter_jsonl(path: str, max_bytes: int, ids: IdAssigner) -> Iterator[Document | DocumentError]:
    lineno = 0
    try:
        for lineno, line in _jsonl_lines(path, max_bytes):
            if len(line) > max_bytes:
                yield DocumentError(doc=f"{path}:{lineno}",
                                    reason=f"too large (record over {max_bytes} bytes > limit)")
                continue
            yield _jsonl_record(line, path=path, lineno=lineno, ids=ids)
    except _Bad as exc:  # the rest of the file cannot be read
        yield DocumentError(doc=path, reason=str(exc))
        return
    if lineno == 0:
        yield DocumentError(doc=path, reason="empty document")


def _jsonl_lines(path: str, max_bytes: int) -> Iterator[tuple[int, bytes]]:
    """(line number, line) of every non-blank line; a line over ``max_bytes`` is cut to
    ``max_bytes + 1`` bytes (the rest is skipped) so the caller can refuse it.

    Raises:
        Unreadable: a gzip bomb, a damaged gzip stream, or a long run of blank lines.
    """
    with open_input(path) as handle:
        lineno = blank = 0
        while line := _read_line(handle, max_bytes + 1, lineno + 1):
            lineno += 1
            if len(line) > max_bytes:
                _skip_rest_of_line(handle)
            elif not line.strip():
                blank += len(line)
                if blank > _MAX_BLANK_RUN:
                    raise _Bad(f"refused: over {_MAX_BLANK_RUN} bytes of blank lines in a row "
                               f"(at line {lineno})")
                continue
            blank = 0
            yield lineno, line


def _read_line(handle: BinaryIO, limit: int, lineno: int) -> bytes:
    try:
        return handle.readline(limit)
    except _Bad as exc:
        raise type(exc)(f"{exc} (at line {lineno})") from exc


def _skip_rest_of_line(handle) -> None:  # type: ignore[no-untyped-def]
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_record(
    line: bytes, *, path: str, lineno: int, ids: IdAssigner
) -> Document | DocumentError:
    where = f"{path}:{lineno}"
    try:
        record = json.loads(decode_bytes(line))
    except _Bad as exc:
        return DocumentError(doc=where, reason=str(exc))
    except json.JSONDecodeError as exc:
        return DocumentError(doc=where, reason=f"invalid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return DocumentError(doc=where, reason="JSON record is not an object")
    body = record.get("html") or record.get("text")
    if not isinstance(body, str) or not body.strip():
        return DocumentError(doc=where, reason="record has no 'text' or 'html'")
    natural = _jsonl_natural_id(record, path, lineno)
    source = record_source(path, natural)
    doc_id = ids.assign(natural, source)
    if doc_id is None:  # an earlier line has this id: this line is a source of its own
        source = record_source(where, natural)
        doc_id = ids.assign(natural, source)
    kind = "html" if record.get("html") else "text"
    try:
        return _make_document(
            body.encode("utf-8"), doc_id=doc_id or natural, kind=kind, path=where,
            source=source,
            url=_str_or_none(record.get("url")), title=_str_or_none(record.get("title")),
            published=_str_or_none(record.get("published")),
            content_hash=hashlib.sha256(line.rstrip(b"\r\n")).hexdigest(),
        )
    except _Bad as exc:
        return DocumentError(doc=f"{where} ({doc_id})", reason=str(exc))


def _str_or_none(value: object) -> str | None:
    if value is None or value == "":
        return None
    return str(value)


class _GzipTail:
    """A gunzipping reader that ends quietly at a truncated member and says so.

    warcio reads ahead in blocks; if the truncation error surfaced there, the
    good records before it would be lost with it. The output and ratio limits of
    :class:`~diplograph.pages.reading.BoundedGunzip` still raise.
    """

    def __init__(self, handle: BinaryIO):
        self._handle = handle
        self.truncated: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.truncated:
            return b""
        try:
            return self._handle.read1(size if size and size > 0 else 1 << 16)  # type: ignore[attr-defined]
        except CorruptGzip as exc:
            self.truncated = str(exc)
            return b""


def _iter_warc(path: str, max_bytes: int, ids: IdAssigner) -> Iterator[Document | DocumentError]:
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC input needs it

    if not _starts_like_warc(path):
        # Checked first: warcio reads a first "line" whole, so a gzip bomb of
        # zeros would be inflated in memory before warcio gave up on it.
        yield DocumentError(
            doc=path, reason="not a WARC file (no WARC/ or ARC header at the start)"
        )
        return
    with open_input(path) as raw:
        handle = _GzipTail(raw) if is_gzip(path) else raw
        reader = _WarcReader(path, max_bytes, ids)
        yield from reader.documents(iter(ArchiveIterator(handle, arc2warc=True)))
        if getattr(handle, "truncated", None) and not reader.cut_record:
            yield DocumentError(
                doc=path,
                reason=f"truncated gzip after {reader.good} good record(s) ({handle.truncated})",
            )
    if reader.good == 0:
        logger.info("%s: no HTML or text responses in this WARC file", path)


class _WarcReader:
    """The documents of one WARC file, counting the good ones."""

    def __init__(self, path: str, max_bytes: int, ids: IdAssigner) -> None:
        self.path, self.max_bytes, self.ids = path, max_bytes, ids
        self.good = self.responses = 0
        self.cut_record = False

    def documents(self, records: Iterator) -> Iterator[Document | DocumentError]:  # type: ignore[type-arg]
        while True:
            try:
                item = self._document(next(records))
            except StopIteration:
                return
            except _Bad as exc:  # a decompression limit: the rest is not read
                yield DocumentError(doc=self.path, reason=f"{exc} after {self.good} good record(s)")
                return
            except Exception as exc:  # warcio raises many kinds on broken input
                detail = str(exc)[:200]  # warcio quotes the offending line, whatever its size
                yield DocumentError(
                    doc=self.path,
                    reason=(f"broken WARC record after {self.good} good record(s) "
                            f"({type(exc).__name__}: {detail})"),
                )
                return
            if item is not None:
                self.good += isinstance(item, Document)
                self.cut_record = (isinstance(item, DocumentError)
                                   and item.reason.startswith("truncated"))
                yield item

    def _document(self, record) -> Document | DocumentError | None:  # type: ignore[no-untyped-def]
        kind = _warc_kind(record)
        if kind is None:
            return None
        self.responses += 1
        record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
        where = f"{self.path}#{record_id}"
        raw = record.content_stream().read(self.max_bytes + 1)
        if len(raw) > self.max_bytes:
            return DocumentError(
                doc=where, reason=f"too large (record over {self.max_bytes} bytes > limit)")
        if getattr(record.raw_stream, "limit", 0) > 0:
            return DocumentError(
                doc=where, reason="truncated WARC record (shorter than its Content-Length)"
            )
        natural = record_id or f"{doc_id_for(self.path)}-{self.responses}"
        source = record_source(self.path, natural)
        doc_id = self.ids.assign(natural, source)
        if doc_id is None:
            return DocumentError(doc=where, reason="duplicate WARC-Record-ID in this file; "
                                                   "record not read")
        try:
            return _make_document(raw, doc_id=doc_id, kind=kind, path=where, source=source,
                                  url=record.rec_headers.get_header("WARC-Target-URI"))
        except _Bad as exc:
            return DocumentError(doc=where, reason=str(exc))


def _warc_kind(record) -> str | None:  # type: ignore[no-untyped-def]
    """"html" or "text" for a response or resource that is a page; None for the rest."""
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    ctype = (headers.get_header("Content-Type") or "").lower()
    if "html" in ctype:
        return "html"
    if ctype.startswith("text/plain"):
        return "text"
    return None  # images, scripts, CSS: not documents


def _starts_like_warc(path: str) -> bool:
    """The first bytes (decompressed) are a WARC or ARC header; unreadable gzip is the reader's."""
    try:
        with open_input(path) as handle:
            head = handle.read(64).lstrip(b"\r\n")
    except (Unreadable, OSError):
        return True
    return not head or head.startswith((b"WARC/", b"filedesc://"))
