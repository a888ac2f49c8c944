"""A story of hundreds of articles: the pages stay bounded, say what they leave out, and stay
inert; a small story's pages are what they always were (test_report.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from storydiff.model import (
    Article,
    Citation,
    Claim,
    ClaimMember,
    Dossier,
    Framing,
    Quote,
    Stance,
    Story,
    SummarySentence,
    TimelineEvent,
    Voice,
)
from storydiff.report import chart_data, page, render_html, render_markdown, to_document, validate

ARTICLES = 400
CLAIMS = 260
HOSTILE = "<script>alert(1)</script>"


def _big_dossier(articles: int = ARTICLES, claims: int = CLAIMS) -> Dossier:
    """Articles a1..aN; claim cK is reported by K % 40 + 2 sources, so the most reported are
    known; every claim statement carries markup that must stay text."""
    made = [
        Article(
            key=f"k{n}",
            source=f"s{n}.txt",
            text=f"Article {n}: the lease of the port was signed by {n % 7 + 2} ministers. " * 3,
            title=f"Story {n}",
            published=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
        )
        for n in range(1, articles + 1)
    ]
    ids = {a.key: f"a{n}" for n, a in enumerate(made, start=1)}
    found = []
    for k in range(1, claims + 1):
        members = [
            ClaimMember(f"a{(k + j) % articles + 1}", "the lease", 4, 13) for j in range(k % 40 + 2)
        ]
        found.append(Claim(f"c{k}", f"Claim {k} {HOSTILE}", "agree", f"reason {k}", members))
    quotes = [
        Quote(
            f"q{n}",
            f"a{n % articles + 1}",
            None,
            f"Speaker {n % 60}",
            "direct",
            "the lease",
            4,
            13,
            "said",
            None,
        )
        for n in range(900)
    ]
    stances = [
        Stance(
            None,
            f"Actor {n % 30}",
            "the lease",
            f"a{n % articles + 1}",
            "2025-03-01",
            "support",
            [Citation(f"a{n % articles + 1}", 4, 13, "the lease")],
        )
        for n in range(700)
    ]
    timeline = [
        TimelineEvent(
            f"t{n}",
            f"Event {n}",
            "2025-03-01",
            True,
            None,
            f"a{n % articles + 1}",
            "March",
            4,
            13,
            citations=[Citation(f"a{(n + j) % articles + 1}", 4, 13) for j in range(n % 5 + 1)],
        )
        for n in range(500)
    ]
    framing = [
        Framing(
            f"a{n}",
            [Voice(None, f"Speaker {n % 60}", 2)],
            [],
            [f"c{k}" for k in range(1, claims + 1)],
        )
        for n in range(1, articles + 1)
    ]
    summary = [SummarySentence("Everyone agrees", [Citation(f"a{n}", 4, 13) for n in range(1, 60)])]
    return Dossier(
        story=Story("s1", "Big story", "the lease"),
        articles=made,
        article_ids=ids,
        quotes=quotes,
        claims=found,
        stances=stances,
        timeline=timeline,
        framing=framing,
        summary=summary,
    )


@pytest.fixture(scope="module")
def big() -> dict[str, Any]:
    doc = to_document(_big_dossier())
    validate(doc)
    return doc


def test_the_ledger_lists_the_most_reported_claims_with_their_sources(big: dict[str, Any]) -> None:
    html = render_html(big)
    rows = re.findall(r'<tr id="(c\d+)">', html)
    assert len(rows) == page.ROWS < CLAIMS
    # The claims most sources report (k % 40 == 39: 41 sources) are shown, the fewest not.
    assert "c39" in rows and "c79" in rows and "c40" not in rows
    assert rows == sorted(rows, key=lambda c: int(c[1:]))  # in ledger order
    assert f"The {page.ROWS} claims most sources report, of {CLAIMS}" in html
    assert html.count('<th scope="col"') == 2  # claim, sources: no column per article
    assert "and 29 more sources" in html  # 41 sources, 12 named


def test_every_long_section_is_cut_and_says_so(big: dict[str, Any]) -> None:
    html = render_html(big)
    assert "A big story: each section below shows at most" in html
    assert html.count('<div class="speaker">') == page.SPEAKERS
    assert "and 7 more" in html  # Speaker 0 has 15 quotes, 8 shown
    assert "positions: the most reported actors" in html
    assert f"The {page.ROWS} events most sources date, of 500" in html
    assert f"The first {page.ROWS} of {ARTICLES} articles, each naming at most" in html
    assert f"The first {page.ROWS} of {ARTICLES} sources" in html
    assert f"and {CLAIMS - page.OMITS} more" in html  # omitted claims past OMITS
    assert "and 47 more citations" in html  # the summary sentence's 59 citations


def test_the_page_stays_within_its_budget_and_inert(big: dict[str, Any]) -> None:
    html = render_html(big)
    assert len(html.encode()) < 2_000_000
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "script-src 'sha256-" in html and "unsafe-inline" not in html


def test_only_cited_texts_ride_along_when_all_would_not_fit(
    big: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = page.page(big)
    assert len(shown.texts.rows) == ARTICLES  # 400 short articles fit the budget
    monkeypatch.setattr(page, "TEXT_CHARS", 20_000)
    shown = page.page(big)
    kept = {a["id"] for a in shown.texts.rows}
    assert 0 < len(kept) < ARTICLES
    assert sum(len(a["text"]) for a in shown.texts.rows) <= 20_000
    assert {c["article"] for c in shown.summary[0]["citations"]} <= kept  # summary cited first
    html = render_html(big)
    assert html.count('class="article" data-article=') == len(kept)
    assert f"The texts of the {len(kept)} articles the rows above cite first" in html
    # Sources without a text in the page are not links to nowhere.
    missing = next(a["id"] for a in big["articles"][: page.ROWS] if a["id"] not in kept)
    assert f'<a href="#{missing}">' not in html


def test_markdown_is_bounded_too(big: dict[str, Any]) -> None:
    md = render_markdown(big)
    assert "| claim | verdict | sources | reason |" in md
    assert len(re.findall(r"\n\| c\d+: ", md)) == page.ROWS
    assert (
        f"*{CLAIMS - page.ROWS} more claims (those fewer sources report) are in dossier.json.*"
        in md
    )
    assert f"*{ARTICLES - page.ROWS} more sources are in dossier.json.*" in md
    assert len(md.encode()) < 1_000_000
    assert "<script>" not in md


def test_charts_draw_at_most_their_rows(big: dict[str, Any]) -> None:
    events = chart_data.event_series(big)
    assert len(events.rows) == chart_data.MAX_ARTICLES
    assert events.rows_cut == ARTICLES - chart_data.MAX_ARTICLES
    assert {p.article for p in events.points} == set(events.rows)
    voices = chart_data.voice_shares(big)
    assert len(voices.articles) == chart_data.MAX_ARTICLES
    assert voices.articles_cut == ARTICLES - chart_data.MAX_ARTICLES
    stances = chart_data.stance_series(big)
    assert len(stances.points) == len({(p.actor, p.when, p.stance) for p in stances.points})


def test_a_small_story_is_not_cut() -> None:
    doc = to_document(_big_dossier(articles=6, claims=20))
    for name in ("quotes", "stances", "timeline"):
        doc[name] = doc[name][:10]
    doc["summary"][0]["citations"] = doc["summary"][0]["citations"][:5]
    shown = page.page(doc)
    assert shown.grid and not shown.claims.left_out and not shown.texts.left_out
    html = render_html(doc)
    assert "A big story" not in html and 'class="meta cut"' not in html


def test_lists_of_strings_are_still_checked(big: dict[str, Any]) -> None:
    import copy

    import jsonschema

    broken = copy.deepcopy(big)
    broken["framing"][3]["omits"][5] = 7
    with pytest.raises(jsonschema.ValidationError) as raised:
        validate(broken)
    assert list(raised.value.absolute_path) == ["framing", 3, "omits", 5]
