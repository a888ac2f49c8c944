from __future__ import annotations

import re
from typing import Any

import jsonschema
import pytest

from storydiff.model import (
    Article,
    Citation,
    Claim,
    ClaimMember,
    Dossier,
    Quote,
    Story,
    SummarySentence,
)
from storydiff.report import render_html, render_markdown, to_document, validate

HOSTILE = (
    'Intro <script>alert(1)</script> and <img src=x onerror="alert(2)"> '
    '[click](javascript:alert(3)) <a href="javascript:alert(4)">x</a>'
)


def _dossier(text: str) -> Dossier:
    article = Article(key="k1", source="evil.html", text=text, title="<b>Title</b>")
    span = ClaimMember("a1", text[:5], 0, 5)
    return Dossier(
        story=Story("s1", "<i>story</i>", None),
        articles=[article],
        article_ids={"k1": "a1"},
        quotes=[
            Quote("q1", "a1", None, "<script>x</script>", "direct", text[6:20], 6, 20, "said", None)
        ],
        claims=[Claim("c1", text, "single-source", "only one", [span])],
        summary=[SummarySentence(text, [Citation("a1", 0, 5)])],
    )


def test_document_follows_the_schema() -> None:
    validate(to_document(_dossier("A plain article body.")))


def test_schema_rejects_a_claim_without_citations() -> None:
    doc = to_document(_dossier("A plain article body."))
    doc["claims"][0]["members"] = []
    with pytest.raises(jsonschema.ValidationError):
        validate(doc)


def test_html_escapes_article_text_and_loads_nothing() -> None:
    html = render_html(to_document(_dossier(HOSTILE)))
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "http://" not in html and "https://" not in html.replace("https://creativecommons", "")
    assert "script-src 'sha256-" in html  # only our own pinned script may run


def test_markdown_makes_article_text_inert() -> None:
    """Rendered as CommonMark (as GitHub and notes apps do), hostile text stays text: no tag,
    no link; and it reads as written, with no HTML entities in the Markdown itself."""
    from markdown_it import MarkdownIt

    md = render_markdown(to_document(_dossier(HOSTILE)))
    html = MarkdownIt("commonmark").enable("table").render(md)
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "href" not in html.replace("a href=&quot;", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown, not run
    assert "&lt;" not in md and "&amp;" not in md


def test_csv_ledger_defuses_formulas() -> None:
    from storydiff.report import render_ledger_csv

    doc = to_document(_dossier("=HYPERLINK(1) rest of the text"))
    lines = render_ledger_csv(doc).splitlines()
    assert lines[0] == "claim,verdict,statement,reason,article,start,end,text"
    assert ",'=HYPERLINK(1) rest of the text," in lines[1] and ",'=HYP" in lines[1]


def test_views_count_and_grid() -> None:
    from storydiff.report import view

    doc = to_document(_dossier("A plain article body."))
    g = view.glance(doc)
    assert (g.sources, g.verdicts["single-source"], g.quotes, g.speakers) == (1, 1, 1, 1)
    rows = view.ledger(doc)
    assert len(rows) == 1 and rows[0].cells[0][0]["text"] == "A pla"
    assert view.spans(doc["claims"][0]["members"]) == "a1:0:5"


def test_html_citations_are_keyboard_buttons_and_styles_pinned() -> None:
    html = render_html(to_document(_dossier("A plain article body.")))
    assert '<button type="button" class="cite" data-spans="a1:0:5"' in html
    assert "style-src 'sha256-" in html and "unsafe-inline" not in html
    assert "@media print" in html and "@media (max-width" in html


def test_markdown_ledger_is_a_claims_by_sources_grid() -> None:
    md = render_markdown(to_document(_dossier("A plain article body.")))
    assert "| claim | verdict | a1 | reason |" in md
    assert "**At a glance:** 1 source;" in md


def test_shipped_schema_is_a_valid_json_schema() -> None:
    from jsonschema import Draft202012Validator

    from storydiff.report.json_dossier import dossier_schema

    Draft202012Validator.check_schema(dossier_schema())


def test_the_ledger_reads_contested_facts_first_with_their_sides(
    example_doc: dict[str, Any],
) -> None:
    """The example's vote count (105 in a1, 107 in a2) conflicts: the ledger shows it first
    among the rows, with both values and their sources, in the page and in the Markdown."""
    from storydiff.report import render_html, render_markdown
    from storydiff.report.view import sides

    conflict = next(c for c in example_doc["claims"] if c["verdict"] == "conflict")
    line = sides(conflict)
    assert line.startswith("MPs: ") and " · " in line
    html, markdown = render_html(example_doc), render_markdown(example_doc)
    assert f'<div class="sides">{line}</div>' in html
    rows = [r for r in markdown.splitlines() if re.match(r"\| c\d+: ", r)]
    assert rows[0].startswith(f"| {conflict['id']}: **MPs: 105 ") and "107" in rows[0]
    verdicts = [r.split(" | ")[1] for r in rows]
    assert verdicts.index("single-source") > verdicts.index("agree")


def test_counts_agree_with_their_nouns() -> None:
    from storydiff.report.view import counted

    assert counted(1, "quote") == "1 quote"
    assert counted(2, "speaker") == "2 speakers"
    assert counted(1, "copy", "copies") == "1 copy"
    assert counted(3, "copy", "copies") == "3 copies"


def test_markdown_citations_are_footnotes_quoting_the_cited_words(
    example_doc: dict[str, Any],
) -> None:
    from storydiff.report import render_markdown

    markdown = render_markdown(example_doc)
    conflict = next(c for c in example_doc["claims"] if c["verdict"] == "conflict")
    member = conflict["members"][0]
    row = next(r for r in markdown.splitlines() if r.startswith(f"| {conflict['id']}: "))
    number = re.search(rf"{re.escape(member['text'])} \[\^(\d+)\]", row)
    assert number is not None
    note = f"[^{number[1]}]: {member['article']}, characters {member['start']}–{member['end']}"
    assert f"{note}: “{member['text']}”" in markdown.split("## Citations", 1)[1]
    assert not re.search(r"\[a\d+:\d+–\d+\]", markdown)  # no bare offsets left
