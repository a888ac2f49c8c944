"""The dossier as Markdown: readable in a terminal, a pull request or a notes app."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from storydiff.report import page, view

# Every character Markdown or HTML could read as markup; a backslash makes each one literal
# (CommonMark escapes any ASCII punctuation), so the text reads as written, no entities.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~<>&])")
# Most characters of cited words a footnote repeats.
_FOOTNOTE_WORDS = 160


def md_escape(text: str | None) -> str:
    """Untrusted article text as inert Markdown: no links, no HTML, no emphasis."""
    if text is None:
        return ""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))


class _Footnotes:
    """Citations as numbered footnotes that quote the cited words, one per distinct span."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, int, int], int] = {}
        self.notes: list[str] = []

    def cite(self, c: dict[str, Any]) -> str:
        key = (str(c["article"]), int(c["start"]), int(c["end"]))
        if key not in self.numbers:
            self.numbers[key] = len(self.numbers) + 1
            words = " ".join(str(c.get("text") or "").split())
            if len(words) > _FOOTNOTE_WORDS:
                words = words[: _FOOTNOTE_WORDS - 1] + "…"
            quoted = f": “{md_escape(words)}”" if words else ""
            self.notes.append(
                f"[^{self.numbers[key]}]: {key[0]}, characters {key[1]}–{key[2]}{quoted}"
            )
        return f"[^{self.numbers[key]}]"

    def section(self) -> list[str]:
        return ["", "## Citations", "", *self.notes] if self.notes else []


def _glance(doc: dict[str, Any]) -> list[str]:
    """The one paragraph a reader scans first."""
    g = view.glance(doc)
    dates = f"{g.first_date} – {g.last_date}" if g.first_date else "no dates"
    verdicts = ", ".join(f"{n} {v}" for v, n in g.verdicts.items())
    copies = f" ({view.counted(g.copies, 'copy', 'copies')})" if g.copies else ""
    return [
        f"**At a glance:** {view.counted(g.sources, 'source')}{copies}; {md_escape(dates)}; "
        f"claims: {verdicts}; {view.counted(g.quotes, 'quote')} by "
        f"{view.counted(g.speakers, 'speaker')}.",
        "",
    ]


def _left_out(part: page.Part[Any], what: str) -> list[str]:
    """A big story's note under a cut section: how many more dossier.json holds."""
    if not part.left_out:
        return []
    return ["", f"*{part.left_out} more {what} are in dossier.json.*"]


def _ledger(
    doc: dict[str, Any], shown: page.Page, cite: Callable[[dict[str, Any]], str]
) -> list[str]:
    """The ledger as claims × sources, the same grid as the HTML page; with many sources,
    each claim lists the sources that report it."""
    e = md_escape
    ids = [a["id"] for a in doc["articles"]]
    out = ["## Claim ledger", ""]
    if shown.grid:
        out += [
            f"| claim | verdict | {' | '.join(ids)} | reason |",
            f"|---|---|{'---|' * len(ids)}---|",
        ]
    else:
        out += ["| claim | verdict | sources | reason |", "|---|---|---|---|"]
    for row in shown.claims.rows:
        c = row.claim
        if shown.grid:
            cells = [
                "; ".join(f"{e(m['text'])} {cite(m)}" for m in cell) if cell else "·"
                for cell in row.cells
            ]
        else:
            more = [f"and {row.more} more sources"] if row.more else []
            cells = [
                "; ".join(
                    [
                        *(
                            f"{article}: " + ", ".join(f"{e(m['text'])} {cite(m)}" for m in cell)
                            for article, cell in zip(row.articles, row.cells, strict=True)
                        ),
                        *more,
                    ]
                )
            ]
        sides = view.sides(c)
        said = f"**{e(sides)}** — {e(c['statement'])}" if sides else e(c["statement"])
        out.append(
            f"| {c['id']}: {said} | {c['verdict']} | {' | '.join(cells)} | {e(c['reason'])} |"
        )
    return out + _left_out(shown.claims, "claims (those fewer sources report)")


def _sides(framing: dict[str, Any]) -> str:
    """ "sides: support A, B; oppose C (one-sided)" from a framing entry."""
    sides = framing.get("sides") or {}
    parts = [
        f"{side} {', '.join(md_escape(name) for name in sides[side])}"
        for side in ("support", "oppose")
        if sides.get(side)
    ]
    flag = " (only one side speaks)" if framing.get("one_sided") else ""
    return f"sides: {'; '.join(parts) or 'none placed'}{flag}"


def render_markdown(doc: dict[str, Any]) -> str:
    """Every line cites its source spans as footnotes that give the article, the characters
    and the cited words. A big story's sections are cut to the page limits (``report.page``),
    each saying how much more dossier.json has."""
    e = md_escape
    notes = _Footnotes()
    cite = notes.cite
    shown = page.page(doc)
    out = [f"# {e(doc['story']['title'])}", ""]
    if doc["story"]["issue"]:
        out += [f"**Issue:** {e(doc['story']['issue'])}", ""]
    out += _glance(doc)
    if shown.cut:
        out += [
            f"*A big story: each section shows at most {page.ROWS} rows, those most sources "
            "stand behind; dossier.json holds all of it.*",
            "",
        ]
    out += [
        "## Sources",
        "",
        "| id | title | outlet | author | published | source |",
        "|---|---|---|---|---|---|",
    ]
    for a in shown.sources.rows:
        est = a["published_estimate"]
        date = a["published"] or (f"unknown (est. {e(est['value'])})" if est else "unknown")
        dup = f" (copy of {a['duplicate_of']})" if a["duplicate_of"] else ""
        out.append(
            f"| {a['id']} | {e(a['title'])} | {e(a['outlet'])} | {e(a['author'])} | "
            f"{date} | {e(a['source'])}{dup} |"
        )
    out += _left_out(shown.sources, "sources")
    out += ["", "## Summary", ""]
    out += [
        f"- {e(s['sentence'])} {' '.join(cite(c) for c in s['citations'])}"
        + (f" (and {s['more']} more citations)" if s.get("more") else "")
        for s in shown.summary
    ]
    out += ["", *_ledger(doc, shown, cite)]
    out += ["", "## Who said what", ""]
    for group, more in zip(shown.speakers.rows, shown.more_quotes, strict=True):
        out.append(f"- **{e(group.name)}**")
        for q in group.quotes:
            channel = f", {e(q['channel'])}" if q["channel"] else ""
            out.append(f"  - “{e(q['text'])}” ({q['kind']}, {e(q['cue'])}{channel}) {cite(q)}")
        if more:
            out.append(f"  - *and {more} more*")
    out += _left_out(shown.speakers, "speakers")
    out += ["", "## Positions", ""]
    # In the document's order, as always; a cut story shows the page's pick.
    for s in shown.stances.rows if shown.stances.left_out else doc["stances"]:
        cites = " ".join(cite(c) for c in s["evidence"])
        out.append(
            f"- {e(s['actor_name'])} — {s['stance']} in {s['article']} "
            f"({s['date'] or 'undated'}) {cites}"
        )
    out += _left_out(shown.stances, "positions")
    for ch in shown.changes.rows:
        out.append(
            f"- **Changed:** {e(ch['actor_name'])}: {ch['from']['stance']} "
            f"({ch['from']['date']}, {ch['from']['article']}) → {ch['to']['stance']} "
            f"({ch['to']['date']}, {ch['to']['article']})"
        )
    out += _left_out(shown.changes, "changes of position")
    out += ["", "## Timeline", ""]
    for t in shown.timeline.rows:
        when = t["date"] or "unresolved"
        note = f" — {e(t['why_unresolved'])}" if t["why_unresolved"] else ""
        out.append(f"- **{when}** {e(t['event'])} {cite(t)}{note}")
    out += _left_out(shown.timeline, "events (those fewer sources date)")
    out += ["", "## Framing", ""]
    for row in shown.framing.rows:
        f = row.frame
        voices = ", ".join(f"{e(v['speaker_name'])} ×{v['quotes']}" for v in f["voices"]) or "none"
        own = ", ".join(e(t["text"]) for t in f["loaded_terms"] if not t.get("quoted")) or "none"
        out.append(
            f"- {f['article']}: voices {voices}; {_sides(f)}; own loaded words: {own}; "
            f"omits {', '.join(row.omits) or 'nothing'}"
            + (f" and {row.more_omits} more" if row.more_omits else "")
        )
    out += _left_out(shown.framing, "articles' framing")
    if doc.get("rejected"):
        out += ["", "## Skipped inputs", ""]
        out += [f"- {e(r['source'])}: {e(r['reason'])}" for r in shown.rejected.rows]
        out += _left_out(shown.rejected, "skipped inputs")
    out += notes.section()
    return "\n".join(out) + "\n"
