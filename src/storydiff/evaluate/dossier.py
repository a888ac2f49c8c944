"""Score a dossier against a gold file in the form of ../shared/gold/seeds.json.

The rules are those of ../shared/gold/README.md: quotes match when the gold text lies inside
the found span (or they overlap by 80 % of the gold text) and the speaker resolves to the
gold speaker; aliases of one gold entity must resolve to one entity; and so on per section.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from storydiff.align.entities import name_key
from storydiff.errors import GoldError

Doc = dict[str, Any]
CLOSING_QUOTES = "”’\"'"  # a body ending inside a quote ends with its closing mark
Score = dict[str, Any]


def load_gold(path: Path) -> Doc:
    try:
        gold: Doc = json.loads(path.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise GoldError(
            f"cannot read gold file {path}: {err}; pass a seeds.json-style file"
        ) from err
    if "articles" not in gold:
        raise GoldError(f"{path} has no 'articles' section; is it a seeds.json-style gold file?")
    return gold


class _View:
    """Look-ups from gold file names and strings to dossier articles and offsets."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_file = {Path(a["source"]).name: a for a in doc["articles"]}
        self.entity = {e["id"]: e for e in doc["entities"]}

    def article(self, file: str) -> Doc | None:
        return self.by_file.get(file)

    def locate(self, file: str, text: str) -> tuple[str, int, int] | None:
        article = self.article(file)
        if article is None:
            return None
        at = article["text"].find(text)
        return None if at < 0 else (article["id"], at, at + len(text))

    def names(self, entity_id: str | None) -> set[str]:
        entity = self.entity.get(entity_id or "")
        if entity is None:
            return set()
        return {name_key(n) for n in [entity["name"], *entity["aliases"]]}


def _same_actor(gold_name: str, names: set[str]) -> bool:
    """Gold "Aaron Wess Mitchell" matches an entity named or aliased so, or by surname."""
    key = name_key(gold_name)
    surnames = {n.split(" ")[-1] for n in names}
    return key in names or key.split(" ")[-1] in surnames


def _overlaps(span: tuple[str, int, int], item: Doc, share: float = 0.8) -> bool:
    article, start, end = span
    if item["article"] != article:
        return False
    if item["start"] <= start and end <= item["end"]:
        return True
    inter: int = min(end, item["end"]) - max(start, item["start"])
    return inter >= share * (end - start)


def _intersects(span: tuple[str, int, int], item: Doc) -> bool:
    article, start, end = span
    return bool(item["article"] == article and item["start"] < end and start < item["end"])


def score_articles(gold: Doc, view: _View) -> Score:
    boiler_left = boiler_total = bounds_ok = meta_ok = meta_total = estimates = 0
    caption_ok = captions = 0
    for file, g in gold["articles"].items():
        article = view.article(file)
        if article is None:
            continue
        text = article["text"].strip()
        ends = text.rstrip(CLOSING_QUOTES)
        boiler_total += len(g.get("boilerplate", []))
        boiler_left += sum(1 for b in g.get("boilerplate", []) if b in text)
        bounds_ok += text.startswith(g["body_starts"]) + ends.endswith(
            g["body_ends"].rstrip(CLOSING_QUOTES)
        )
        for key in ("title", "outlet", "author", "credit"):
            if g.get(key):
                meta_total += 1
                meta_ok += (article.get(key) or "").strip() == g[key]
        if g.get("caption_once"):
            captions += 1
            caption_ok += text.count(g["caption_once"]) <= 1
        if g.get("published") is None:
            estimates += article["published"] is None and article["published_estimate"] is not None
        else:
            estimates += article["published"] == g["published"]
    return {
        "boilerplate_left": boiler_left,
        "boilerplate_total": boiler_total,
        "bounds_ok": bounds_ok,
        "bounds_total": 2 * len(gold["articles"]),
        "metadata_ok": meta_ok,
        "metadata_total": meta_total,
        "caption_once_ok": caption_ok,
        "captions": captions,
        "dates_ok": estimates,
        "dates_total": len(gold["articles"]),
    }


def _resolve_alias(alias: str, view: _View) -> set[str]:
    """The entities an alias names: by name or alias, else (one word) by surname or head."""
    key = name_key(alias)
    exact = {e["id"] for e in view.doc["entities"] if key in view.names(e["id"])}
    if exact or " " in key:
        return exact
    return {
        e["id"]
        for e in view.doc["entities"]
        if " " in name_key(e["name"]) and name_key(e["name"]).split(" ")[-1] == key
    }


def score_entities(gold: Doc, view: _View) -> Score:
    """Every alias of a gold entity must resolve to one and the same dossier entity."""
    resolved = 0
    missed: list[str] = []
    for g in gold.get("entities", []):
        targets = [_resolve_alias(alias, view) for alias in g["aliases"]]
        if all(len(t) == 1 for t in targets) and len(set.union(*targets)) == 1:
            resolved += 1
        else:
            missed.append(g["canonical"])
    return {"resolved": resolved, "total": len(gold.get("entities", [])), "missed": missed}


def score_quotes(gold: Doc, view: _View) -> Score:
    found_by_kind: dict[str, list[Doc]] = defaultdict(list)
    for q in view.doc["quotes"]:
        found_by_kind[q["kind"]].append(q)
    matched_found: set[str] = set()
    per_kind: dict[str, Score] = defaultdict(lambda: {"gold": 0, "found": 0, "speaker_ok": 0})
    right = 0
    misses = []
    for g in gold.get("quotes", []):
        kind = per_kind[g["kind"]]
        kind["gold"] += 1
        span = view.locate(g["file"], g["text"])
        hits = [q for q in view.doc["quotes"] if span and _overlaps(span, q)]
        if hits:
            kind["found"] += 1
            matched_found.update(q["id"] for q in hits)
        speakers = [s.strip() for s in g["speaker"].split(";")]
        if any(
            _same_actor(s, view.names(q["speaker"]) | {name_key(q["speaker_name"] or "")})
            for q in hits
            for s in speakers
        ):
            kind["speaker_ok"] += 1
            right += 1
        else:
            misses.append(f"{g['file'][:3]} {g['speaker']}: {g['text'][:40]}")
    for kind_name, score in per_kind.items():
        found = found_by_kind.get(kind_name, [])
        score["recall"] = round(score["found"] / score["gold"], 3) if score["gold"] else None
        score["precision"] = (
            round(sum(q["id"] in matched_found for q in found) / len(found), 3) if found else None
        )
        score["speaker_accuracy"] = (
            round(score["speaker_ok"] / score["found"], 3) if score["found"] else None
        )
    return {
        "right_speaker": right,
        "total": len(gold.get("quotes", [])),
        "by_kind": dict(per_kind),
        "missed": misses,
    }


def score_quantities(gold: Doc, view: _View) -> Score:
    found = 0
    missed = []
    for g in gold.get("quantities", []):
        span = view.locate(g["file"], g["text"])
        ok = span is not None and any(
            _intersects(span, q)
            and q["value"] == g["value"]
            and bool(q["approx"]) == bool(g.get("approx", False))
            and q["bound"] == g.get("bound")
            for q in view.doc["quantities"]
        )
        found += ok
        if not ok:
            missed.append(g["text"])
    leaked = 0
    for g in gold.get("not_claims", []):
        span = view.locate(g["file"], g["text"])
        if span and any(_overlaps(span, q, 0.01) for q in view.doc["quantities"]):
            leaked += 1
    return {
        "found": found,
        "total": len(gold.get("quantities", [])),
        "missed": missed,
        "not_claims_reported": leaked,
    }


def score_alignments(gold: Doc, view: _View) -> Score:
    right = 0
    details = []
    for g in gold.get("alignments", []):
        spans = [view.locate(f, t) for f, t in g["sources"].items()]
        candidates = [
            c
            for c in view.doc["claims"]
            if all(s and any(_intersects(s, m) for m in c["members"]) for s in spans)
        ]
        accepted = {g["verdict"], *g.get("also_accept", [])}
        verdicts = [c["verdict"] for c in candidates]
        ok = any(v in accepted for v in verdicts)
        right += ok
        details.append({"id": g["id"], "expected": g["verdict"], "got": verdicts, "ok": ok})
    return {"right": right, "total": len(gold.get("alignments", [])), "details": details}


def score_stances(gold: Doc, view: _View) -> Score:
    positions = gold.get("stances", {}).get("positions", [])
    right = 0
    missed = []
    for g in positions:
        article = view.article(g["file"])
        ok = article is not None and any(
            s["article"] == article["id"]
            and s["stance"] == g["stance"]
            and _same_actor(g["actor"], view.names(s["actor"]) | {name_key(s["actor_name"])})
            for s in view.doc["stances"]
        )
        right += ok
        if not ok:
            missed.append(f"{g['actor']} {g['stance']} in {g['file'][:3]}")
    changes = [
        c["actor_name"]
        for c in view.doc.get("stance_changes", [])
        if c["from"]["stance"] != c["to"]["stance"]
    ]
    return {"right": right, "total": len(positions), "missed": missed, "changes": changes}


def score_timeline(gold: Doc, view: _View) -> Score:
    """An event counts when dated right in one of its articles, or, when the gold dates it
    only relative to an undated article, when that expression is placed from the estimate
    (marked) or left unresolved with a reason."""
    right = 0
    missed = []
    for g in gold.get("timeline", []):
        ids = {a["id"] for f in g["files"] if (a := view.article(f)) is not None}
        entries = [t for t in view.doc["timeline"] if t["article"] in ids]
        dated = any(
            t["date"] is not None and t["date"][: len(g["date"])] == g["date"] for t in entries
        )
        relative = g.get("relative")
        placed_or_explained = bool(relative) and any(
            (relative.lower() in t["text"].lower() or t["text"].lower() in relative.lower())
            and (t.get("estimated") or (t["date"] is None and t["why_unresolved"]))
            for t in entries
        )
        ok = dated or placed_or_explained
        right += ok
        if not ok:
            missed.append(f"{g['date']} {g['event']}")
    return {"right": right, "total": len(gold.get("timeline", [])), "missed": missed}


def score_dossier(doc: Doc, gold: Doc) -> Score:
    """All sections, each with its counts and what was missed."""
    view = _View(doc)
    return {
        "articles": score_articles(gold, view),
        "entities": score_entities(gold, view),
        "quotes": score_quotes(gold, view),
        "quantities": score_quantities(gold, view),
        "alignments": score_alignments(gold, view),
        "stances": score_stances(gold, view),
        "timeline": score_timeline(gold, view),
    }
