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

import glob
import gzip
import hashlib
import json
import logging
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from diplograph.records import Document, DocumentError

logger = logging.getLogger(__name__)

# Longest first, so ``.warc.gz`` wins over ``.gz``.
_SUFFIX_KIND: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".html.gz", "html"),
    (".htm.gz", "html"),
    (".txt.gz", "text"),
    (".jsonl.gz", "jsonl"),
    (".warc", "warc"),
    (".html", "html"),
    (".htm", "html"),
    (".txt", "text"),
    (".jsonl", "jsonl"),
)
_GLOB_CHARS = re.compile(r"[*?\[]")
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)
_HTML_SNIFF_RE = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
# Control characters that never occur in text (tab, newlines, form feed and ESC-less text allowed).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_BINARY_CONTROL_SHARE = 0.05


class _Bad(Exception):
    """Internal: a document cannot be read; the message is the reason."""


def iter_documents(
    paths: Iterable[str], *, max_bytes: int = 50_000_000
) -> Iterator[Document | DocumentError]:
    """Expand files, directories (recursive) and globs; yield documents or errors.

    Yields one Document per file / JSONL record / WARC response, or a
    DocumentError naming the file (or ``file:line`` / ``file#record-id``) and
    the reason, one per bad document. Unsupported extensions inside a
    directory are skipped silently; a named file with an unsupported extension
    is an error. A path that does not exist, or a directory with no readable
    files, is a DocumentError too.

    Args:
        paths: file names, directory names or glob patterns.
        max_bytes: the largest document (file, record or decompressed page) read.

    Yields:
        Document or DocumentError, in a stable (sorted) order.
    """
    for raw in paths:
        yield from _iter_path(str(raw), max_bytes)


def _iter_path(path: str, max_bytes: int) -> Iterator[Document | DocumentError]:
    if os.path.isdir(path):
        files = [p for p in sorted(Path(path).rglob("*")) if p.is_file() and _kind_of(p.name)]
        if not files:
            yield DocumentError(doc=path, reason="directory has no readable files")
        for file in files:
            yield from _iter_file(str(file), max_bytes)
    elif os.path.exists(path):
        if _kind_of(path) is None:
            yield DocumentError(
                doc=path,
                reason=(
                    "unsupported file type (expected .txt, .html, .htm, .jsonl, .warc, .warc.gz)"
                ),
            )
        else:
            yield from _iter_file(path, max_bytes)
    elif _GLOB_CHARS.search(path):
        matches = sorted(glob.glob(path, recursive=True))
        if not matches:
            yield DocumentError(doc=path, reason="no files match this pattern")
        for match in matches:
            if os.path.isdir(match) or _kind_of(match):
                yield from _iter_path(match, max_bytes)
    else:
        yield DocumentError(doc=path, reason="no such file or directory")


def _kind_of(name: str) -> str | None:
    lower = name.lower()
    for suffix, kind in _SUFFIX_KIND:
        if lower.endswith(suffix):
            return kind
    return None


def doc_id_for(path: str) -> str:
    """The file name without its known extension(s): ``foo.warc.gz`` -> ``foo``."""
    name = os.path.basename(path)
    lower = name.lower()
    for suffix, _kind in _SUFFIX_KIND:
        if lower.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _iter_file(path: str, max_bytes: int) -> Iterator[Document | DocumentError]:
    kind = _kind_of(path)
    try:
        if kind == "warc":
            yield from _iter_warc(path, max_bytes)
        elif kind == "jsonl":
            yield from _iter_jsonl(path, max_bytes)
        else:
            raw = _read_bytes(path, max_bytes)
            yield _make_document(raw, doc_id=doc_id_for(path), kind=kind, path=path)
    except _Bad as exc:
        yield DocumentError(doc=path, reason=str(exc))
    except OSError as exc:
        yield DocumentError(doc=path, reason=f"cannot read file ({exc.strerror or exc})")


def _read_bytes(path: str, max_bytes: int) -> bytes:
    """Read a whole file (gunzipped when ``.gz``), refusing anything over ``max_bytes``."""
    size = os.path.getsize(path)
    if size > max_bytes:
        raise _Bad(f"too large ({size} bytes > limit {max_bytes})")
    if not path.lower().endswith(".gz"):
        with open(path, "rb") as handle:
            return handle.read()
    try:
        with gzip.open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise _Bad(f"truncated or corrupt gzip ({exc})") from exc
    if len(raw) > max_bytes:
        raise _Bad(f"too large (over {max_bytes} bytes once decompressed > limit {max_bytes})")
    return raw


def _make_document(raw: bytes, *, doc_id: str, kind: str, path: str, url: str | None = None,
                   title: str | None = None, published: str | None = None,
                   content_hash: str | None = None) -> Document:
    content = decode_bytes(raw, html=kind == "html")
    if kind == "text" and _HTML_SNIFF_RE.match(content):
        kind = "html"  # an HTML page saved as .txt is still HTML
    return Document(
        doc_id=doc_id, kind=kind, content=content,  # type: ignore[arg-type]
        content_hash=content_hash or hashlib.sha256(raw).hexdigest(),
        path=path, url=url, title=title, published=published,
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


def _iter_jsonl(path: str, max_bytes: int) -> Iterator[Document | DocumentError]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    good = 0
    with opener(path, "rb") as handle:
        lineno = 0
        while True:
            try:
                line = handle.readline(max_bytes + 1)
            except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
                yield DocumentError(
                    doc=f"{path}:{lineno + 1}", reason=f"truncated or corrupt gzip ({exc})"
                )
                return
            if not line:
                break
            lineno += 1
            if len(line) > max_bytes:
                yield DocumentError(
                    doc=f"{path}:{lineno}",
                    reason=f"too large (record over {max_bytes} bytes > limit)",
                )
                _skip_rest_of_line(handle)
                continue
            if not line.strip():
                continue
            item = _jsonl_record(line, path=path, lineno=lineno, max_bytes=max_bytes)
            good += isinstance(item, Document)
            yield item
    if lineno == 0:
        yield DocumentError(doc=path, reason="empty document")


def _skip_rest_of_line(handle) -> None:  # type: ignore[no-untyped-def]
    while True:
        chunk = handle.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_record(
    line: bytes, *, path: str, lineno: int, max_bytes: int
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
    doc_id = str(record.get("id") or f"{doc_id_for(path)}-{lineno}")
    kind = "html" if record.get("html") else "text"
    try:
        return _make_document(
            body.encode("utf-8"), doc_id=doc_id, kind=kind, path=where,
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
    good records before it would be lost with it.
    """

    def __init__(self, handle: gzip.GzipFile):
        self._handle = handle
        self.truncated: str | None = None

    def read(self, size: int = -1) -> bytes:
        if self.truncated:
            return b""
        try:
            return self._handle.read1(size if size and size > 0 else 1 << 16)
        except (EOFError, gzip.BadGzipFile, zlib.error) as exc:
            self.truncated = str(exc) or type(exc).__name__
            return b""


def _iter_warc(path: str, max_bytes: int) -> Iterator[Document | DocumentError]:
    from warcio.archiveiterator import ArchiveIterator  # imported here: only WARC input needs it

    good = 0
    cut_record = False
    if not _starts_like_warc(path):
        # Checked first: warcio reads a first "line" whole, so a gzip bomb of
        # zeros would be inflated in memory before warcio gave up on it.
        yield DocumentError(
            doc=path, reason="not a WARC file (no WARC/ or ARC header at the start)"
        )
        return
    with open(path, "rb") as raw:
        handle = _GzipTail(gzip.GzipFile(fileobj=raw)) if path.lower().endswith(".gz") else raw
        records = iter(ArchiveIterator(handle, arc2warc=True))
        while True:
            try:
                record = next(records)
                item = _warc_document(record, path=path, max_bytes=max_bytes)
            except StopIteration:
                break
            except Exception as exc:  # warcio raises many kinds on broken input
                detail = str(exc)[:200]  # warcio quotes the offending line, whatever its size
                yield DocumentError(
                    doc=path,
                    reason=(
                        f"broken WARC record after {good} good record(s) "
                        f"({type(exc).__name__}: {detail})"
                    ),
                )
                return
            if item is not None:
                good += isinstance(item, Document)
                cut_record = isinstance(item, DocumentError) and item.reason.startswith("truncated")
                yield item
        if getattr(handle, "truncated", None) and not cut_record:
            yield DocumentError(
                doc=path,
                reason=f"truncated gzip after {good} good record(s) ({handle.truncated})",
            )
    if good == 0:
        logger.info("%s: no HTML or text responses in this WARC file", path)


def _starts_like_warc(path: str) -> bool:
    """The first bytes (decompressed) are a WARC or ARC header; unreadable gzip is the reader's."""
    try:
        opener = gzip.open if path.lower().endswith(".gz") else open
        with opener(path, "rb") as handle:
            head = handle.read(64).lstrip(b"\r\n")
    except (EOFError, gzip.BadGzipFile, zlib.error, OSError):
        return True
    return not head or head.startswith((b"WARC/", b"filedesc://"))


def _warc_document(record, *, path: str, max_bytes: int) -> Document | DocumentError | None:  # type: ignore[no-untyped-def]
    if record.rec_type not in ("response", "resource"):
        return None
    ctype = ""
    if record.http_headers is not None:
        ctype = record.http_headers.get_header("Content-Type") or ""
    else:
        ctype = record.rec_headers.get_header("Content-Type") or ""
    ctype = ctype.lower()
    if "html" in ctype:
        kind = "html"
    elif ctype.startswith("text/plain"):
        kind = "text"
    else:
        return None  # images, scripts, CSS: not documents
    record_id = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>")
    where = f"{path}#{record_id}"
    raw = record.content_stream().read(max_bytes + 1)
    if len(raw) > max_bytes:
        return DocumentError(doc=where, reason=f"too large (record over {max_bytes} bytes > limit)")
    if getattr(record.raw_stream, "limit", 0) > 0:
        return DocumentError(
            doc=where, reason="truncated WARC record (shorter than its Content-Length)"
        )
    try:
        return _make_document(raw, doc_id=record_id or doc_id_for(path), kind=kind, path=where,
                              url=record.rec_headers.get_header("WARC-Target-URI"))
    except _Bad as exc:
        return DocumentError(doc=where, reason=str(exc))
