"""The plain-text cleaning benchmark: labelling by hand, and a small gated run."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.clean.render import naive_text
from storydiff.evaluate.cleaning import evaluate_cleaning, is_training_page, label_by_gold_text

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "datasets"


def test_naive_text_is_one_visible_block_per_line() -> None:
    html = (
        "<html><head><title>T</title><script>var x=1;</script></head><body>"
        "<nav><a>Home</a> <a>World</a></nav><p>First <b>bold</b> para.</p>"
        "<div>Second<br>line</div><!-- hidden --><style>p{}</style></body></html>"
    )
    assert naive_text(html).split("\n") == ["Home World", "First bold para.", "Second", "line"]


def test_deep_html_renders_without_recursion() -> None:
    html = "<html><body>" + "<div>" * 3000 + "deep" + "</div>" * 3000 + "</body></html>"
    assert isinstance(naive_text(html), str)


def test_labels_follow_gold_text() -> None:
    gold = "The council delayed the vote on the lease.\nHome"
    lines = ["Home", "The council delayed the vote on the lease.", "Share this story now"]
    assert [g for _, g in label_by_gold_text(lines, gold)] == [True, True, False]


# Floors a little under what the cleaner reaches on the first 20 held-out pages of each set
# (l3s-gn1 0.82, cleaneval 0.72 when the line model was trained).
GATES = [("l3s-gn1", "l3s_gn1", 0.80), ("cleaneval", "cleaneval", 0.70)]


@pytest.mark.parametrize(("dataset", "folder", "floor"), GATES)
def test_cleaning_gate(dataset: str, folder: str, floor: float) -> None:
    data = SHARED / folder
    if not data.is_dir():
        pytest.skip(f"{data} not found")
    result = evaluate_cleaning(dataset, data, limit=20)
    assert result["n"] == 20 and result["f1"] >= floor, result
    assert result["pages"].startswith("held out"), result


def test_training_pages_are_a_fixed_half() -> None:
    names = [f"page-{i}" for i in range(400)]
    chosen = [is_training_page(name) for name in names]
    assert chosen == [is_training_page(name) for name in names]
    assert 150 < sum(chosen) < 250
