"""The dossier's charts: what they plot, and that the SVG they inline is inert and stable."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

import pytest

from storydiff.model import Article, Dossier, Framing, Stance, Story, TimelineEvent, Voice
from storydiff.report import chart_data, render_html, to_document
from storydiff.report.charts import render_charts
from storydiff.report.inert_svg import inert_svg

HOSTILE_NAME = "<script>x</script> $5 & $6"  # markup, and TeX if "$" were parsed


def _doc(actor: str = "Mira Dellacourt") -> dict[str, Any]:
    articles = [
        Article(key="k1", source="one.txt", text="First article text.", outlet="<b>Wire</b>"),
        Article(key="k2", source="two.txt", text="Second article text.", outlet="Ledger"),
    ]
    stances = [
        Stance("e1", actor, "lease", "a1", "2019", "support"),
        Stance("e1", actor, "lease", "a2", "2025-01-22", "oppose"),
        Stance("e2", "Ivo Marr", "lease", "a2", None, "neutral"),
    ]
    timeline = [
        TimelineEvent("t1", "Vote", "2024-03-12", True, None, "a1", "Tuesday", 0, 5),
        TimelineEvent("t2", "Protest", "2024-01", False, "estimated", "a2", "January", 0, 5, True),
        TimelineEvent("t3", "Later", None, False, "no anchor", "a2", "later", 0, 5),
    ]
    framing = [
        Framing("a1", voices=[Voice("e1", actor, 3), Voice(None, "spokesman", 1)]),
        Framing("a2", voices=[]),
    ]
    dossier = Dossier(
        story=Story("s1", "Lease", None),
        articles=articles,
        article_ids={"k1": "a1", "k2": "a2"},
        stances=stances,
        timeline=timeline,
        framing=framing,
    )
    return to_document(dossier)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019", date(2019, 1, 1)),
        ("2019-03", date(2019, 3, 1)),
        ("2019-03-12", date(2019, 3, 12)),
        ("2019-02-30", None),
        ("2019-13", None),
        ("March 2019", None),
        (None, None),
    ],
)
def test_plot_date_takes_the_start_of_each_period(value: str | None, expected: date) -> None:
    assert chart_data.plot_date(value) == expected


def test_series_keep_dated_items_and_count_the_rest() -> None:
    doc = _doc()
    stances = chart_data.stance_series(doc)
    assert stances.actors == ["Mira Dellacourt"]
    assert [(p.stance, p.when.year) for p in stances.points] == [
        ("support", 2019),
        ("oppose", 2025),
    ]
    assert stances.left_out == 1
    events = chart_data.event_series(doc)
    assert events.rows == ["a1", "a2"] and events.left_out == 1
    assert [(p.article, p.estimated) for p in events.points] == [("a1", False), ("a2", True)]
    voices = chart_data.voice_shares(doc)
    assert voices.articles == ["a1"]  # a2 quotes nobody: no bar
    assert voices.shares["a1"] == {"Mira Dellacourt": 0.75, "spokesman": 0.25}


def test_many_speakers_are_pooled_as_others() -> None:
    voices = [Voice(None, f"speaker {n}", 1) for n in range(chart_data.MAX_SPEAKERS + 3)]
    doc = _doc()
    doc["framing"][0]["voices"] = [
        {"speaker": v.speaker, "speaker_name": v.speaker_name, "quotes": v.quotes} for v in voices
    ]
    shares = chart_data.voice_shares(doc)
    assert shares.speakers[-1] == chart_data.OTHERS
    assert len(shares.speakers) == chart_data.MAX_SPEAKERS + 1
    assert shares.shares["a1"][chart_data.OTHERS] == pytest.approx(3 / len(voices))


def _labels(svg: str) -> list[str]:
    return [el.text for el in ET.fromstring(svg).iter("text") if el.text]


@pytest.mark.slow
def test_charts_are_inert_svg_with_article_text_as_text() -> None:
    charts = render_charts(_doc(actor=HOSTILE_NAME))
    assert set(charts) == {"stances", "events", "voices"}
    for chart in charts.values():
        svg = str(chart.svg)
        tags = {el.tag for el in ET.fromstring(svg).iter()}  # well-formed: labels escaped
        assert not tags & {"script", "style", "foreignObject", "a", "image", "metadata"}
        assert "style=" not in svg and not re.search(r"\son\w+=", svg)
        assert all(v.startswith("#") for v in re.findall(r'href="([^"]*)"', svg))
        assert "http" not in svg and "<script" not in svg
        assert len(svg) < 40_000
    assert HOSTILE_NAME in _labels(str(charts["stances"].svg))
    assert any(x.startswith("<script>x</script> $5") for x in _labels(str(charts["voices"].svg)))
    assert charts["stances"].note.startswith("1 stances not drawn")


@pytest.mark.slow
def test_charts_are_deterministic_and_ids_unique_in_the_page() -> None:
    doc = _doc()
    assert render_html(doc).replace(doc["generated_at"], "") == render_html(doc).replace(
        doc["generated_at"], ""
    )
    ids = re.findall(r' id="([^"]+)"', render_html(doc))
    assert len(ids) == len(set(ids))


def test_the_cleaner_drops_anything_that_could_run_load_or_link() -> None:
    hostile = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        'width="10pt" height="10pt" viewBox="0 0 10 10" onload="alert(1)">'
        "<style>*{fill:red}</style><script>alert(2)</script>"
        '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        '<a href="javascript:alert(3)"><text>link</text></a>'
        '<image href="http://example.com/x.png"/>'
        '<path id="m1" d="M 0 0" style="fill: url(http://example.com/#x); stroke: #000"/>'
        '<use xlink:href="http://example.com/x.svg#m1"/><use xlink:href="#m1"/>'
        "<text style=\"font-size: 9px; font-family: 'A'\">&lt;b&gt; kept</text></svg>"
    )
    svg = str(inert_svg(hostile, prefix="c-", label="test"))
    assert svg.startswith('<svg viewBox="0 0 10 10" role="img" aria-label="test"')
    for gone in ("onload", "<style", "<script", "foreignObject", "javascript", "http", "<a "):
        assert gone not in svg, gone
    assert '<path id="c-m1" d="M 0 0" stroke="#000" />' in svg
    assert svg.count("<use") == 2 and '<use href="#c-m1" />' in svg
    assert '<text font-size="9px" font-family="\'A\'">&lt;b&gt; kept</text>' in svg
