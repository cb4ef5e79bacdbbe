"""Parsing long texts section by section, so the parser's memory stays bounded.

spaCy's parser holds the whole text of one call in memory at once (a 1.9 M
character article reached 5.9 GB) and refuses texts over ``nlp.max_length``
with a message that tells the user to raise it. A text longer than
``section_chars`` is therefore cut at paragraph breaks into sections, each
parsed on its own, and the parsed sections are joined back into one ``Doc``
whose text is exactly the original: character offsets into the article stay
right, and the coder sees one document as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

# Where a section may end, best first: after a blank line, a line break, a sentence end,
# any white space. A section ends after the break, so the break stays in the text.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?]\s+"),
           re.compile(r"\s+"))


def split_sections(text: str, section_chars: int) -> list[str]:
    """``text`` cut into pieces of at most ``section_chars`` characters, each ending at the
    best break available; the pieces joined give ``text`` back exactly."""
    if section_chars <= 0 or len(text) <= section_chars:
        return [text]
    sections, start = [], 0
    while len(text) - start > section_chars:
        end = _section_end(text, start, start + section_chars)
        sections.append(text[start:end])
        start = end
    sections.append(text[start:])
    return sections


def _section_end(text: str, start: int, limit: int) -> int:
    """The end of the last break in ``text[start:limit]`` (the cut falls after it), or
    ``limit`` when the window has no break at all."""
    window = text[start:limit]
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(window)]
        if ends and ends[-1] > len(window) // 4:  # a break near the start makes tiny sections
            return start + ends[-1]
    return limit


def parse_texts(nlp: Language, texts: Iterable[str], *, section_chars: int,
                n_process: int = 1) -> Iterator[Doc]:
    """One parsed ``Doc`` per text, in order, as ``nlp.pipe`` would give; long texts are
    parsed in sections and joined (the sections of all texts share one ``nlp.pipe``)."""
    pieces = ((i, section) for i, text in enumerate(texts)
              for section in split_sections(text, section_chars))
    indexed = ((section, i) for i, section in pieces)
    current: list[Doc] = []
    current_index = 0
    for doc, i in nlp.pipe(indexed, as_tuples=True, batch_size=32, n_process=n_process):
        if i != current_index and current:
            yield _joined(current)
            current = []
        current_index = i
        current.append(doc)
    if current:
        yield _joined(current)


def _joined(docs: list[Doc]) -> Doc:
    # No whitespace added between sections: each one already ends with its break.
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
