"""The dossier as Markdown: readable in a terminal, a pull request or a notes app."""

from __future__ import annotations

import re
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def md_escape(text: str | None) -> str:
    """Untrusted article text as inert Markdown: no links, no HTML, no emphasis."""
    if text is None:
        return ""
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _cite(c: dict[str, Any]) -> str:
    return f"[{c['article']}:{c['start']}–{c['end']}]"


def render_markdown(doc: dict[str, Any]) -> str:
    """Every line cites its source spans as [article:start–end]."""
    e = md_escape
    out = [f"# {e(doc['story']['title'])}", ""]
    if doc["story"]["issue"]:
        out += [f"**Issue:** {e(doc['story']['issue'])}", ""]
    out += [
        "## Sources",
        "",
        "| id | title | outlet | author | published | source |",
        "|---|---|---|---|---|---|",
    ]
    for a in doc["articles"]:
        est = a["published_estimate"]
        date = a["published"] or (f"unknown (est. {e(est['value'])})" if est else "unknown")
        dup = f" (copy of {a['duplicate_of']})" if a["duplicate_of"] else ""
        out.append(
            f"| {a['id']} | {e(a['title'])} | {e(a['outlet'])} | {e(a['author'])} | "
            f"{date} | {e(a['source'])}{dup} |"
        )
    out += ["", "## Summary", ""]
    out += [
        f"- {e(s['sentence'])} {' '.join(_cite(c) for c in s['citations'])}" for s in doc["summary"]
    ]
    out += [
        "",
        "## Claim ledger",
        "",
        "| verdict | claim | sources | reason |",
        "|---|---|---|---|",
    ]
    for c in doc["claims"]:
        members = "; ".join(f"{e(m['text'])} {_cite(m)}" for m in c["members"])
        out.append(f"| {c['verdict']} | {e(c['statement'])} | {members} | {e(c['reason'])} |")
    out += ["", "## Who said what", ""]
    for q in doc["quotes"]:
        channel = f" ({e(q['channel'])})" if q["channel"] else ""
        out.append(
            f"- **{e(q['speaker_name'] or 'unknown')}** ({q['kind']}, {e(q['cue'])}"
            f"{channel}): “{e(q['text'])}” {_cite(q)}"
        )
    out += ["", "## Positions", ""]
    for s in doc["stances"]:
        cites = " ".join(_cite(c) for c in s["evidence"])
        out.append(
            f"- {e(s['actor_name'])} — {s['stance']} in {s['article']} "
            f"({s['date'] or 'undated'}) {cites}"
        )
    for ch in doc.get("stance_changes", []):
        out.append(
            f"- **Changed:** {e(ch['actor_name'])}: {ch['from']['stance']} "
            f"({ch['from']['date']}, {ch['from']['article']}) → {ch['to']['stance']} "
            f"({ch['to']['date']}, {ch['to']['article']})"
        )
    out += ["", "## Timeline", ""]
    for t in doc["timeline"]:
        when = t["date"] or "unresolved"
        note = f" — {e(t['why_unresolved'])}" if t["why_unresolved"] else ""
        out.append(f"- **{when}** {e(t['event'])} {_cite(t)}{note}")
    out += ["", "## Framing", ""]
    for f in doc["framing"]:
        voices = ", ".join(f"{e(v['speaker_name'])} ×{v['quotes']}" for v in f["voices"]) or "none"
        own = ", ".join(e(t["text"]) for t in f["loaded_terms"] if not t.get("quoted")) or "none"
        out.append(
            f"- {f['article']}: voices {voices}; own loaded words: {own}; "
            f"omits {', '.join(f['omits']) or 'nothing'}"
        )
    if doc.get("rejected"):
        out += ["", "## Skipped inputs", ""]
        out += [f"- {e(r['source'])}: {e(r['reason'])}" for r in doc["rejected"]]
    return "\n".join(out) + "\n"
