"""The small public surface a script or notebook uses: ``import storydiff``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import storydiff

REPO = Path(__file__).resolve().parents[1]


def test_every_public_name_resolves_and_version_is_set() -> None:
    for name in storydiff.__all__:
        assert getattr(storydiff, name) is not None
    assert storydiff.__version__ and storydiff.__version__[0].isdigit()


def test_import_does_not_load_spacy_or_the_flow() -> None:
    code = (
        "import storydiff, sys; print('spacy' in sys.modules, 'storydiff.pipeline' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_analyze_texts_in_memory_gives_a_valid_cited_dossier() -> None:
    story = REPO / "examples" / "story"
    texts = {p.name: p.read_text("utf-8") for p in sorted(story.glob("*.txt"))[:2]}
    dossier = storydiff.analyze(texts)
    document = storydiff.to_json(dossier)
    assert [a["source"] for a in document["articles"]] == list(texts)
    assert document["claims"] and document["quotes"]
    by_id = {a["id"]: a["text"] for a in document["articles"]}
    for quote in document["quotes"]:
        assert by_id[quote["article"]][quote["start"] : quote["end"]] == quote["text"]
