"""The dossier on a dev set of our own: ten GVA incidents read by an analyst.

``tests/data/dev_stories.json`` holds, per story (one incident's local news articles from
``gva_longtail``), what a careful reader found in the articles, as offsets and short labels
only (the texts stay in ``../shared/datasets``): key facts with what each measures, each
source's statement of it and the verdict across sources; direct quotes with their speakers;
actors' stances; and each document's publication date where its text states one.

Each story goes through the real flow (clean, analyse, align) as ``storydiff eval gva`` runs
it, and is scored:

- a fact is *found* when one ledger claim has members in every source the gold names for it
  (a member counts for a gold span when it overlaps the span's text, located in the cleaned
  article); its *verdict* is right when that claim's verdict is the gold one (``lenient``
  also takes ``agree`` and ``compatible`` as one); its *measure* is right when the claim's
  label names every word of the gold's ("age of Tyler Donaldson"; ``measure_head`` also takes a
  label naming only part of it, such as "age");
- a quote is *found* when a dossier quote in that article covers at least half of the gold
  quote's text; its *speaker* is right when the quote's speaker name and the gold name (or
  one of its aliases) match loosely (one's words inside the other's: "Mullen" for
  "Greg Mullen"); for an unnamed speaker, no name or the gold's description ("resident");
- a stance is right when the article has a stance of that actor (names matched loosely)
  with the gold value;
- a date is right when the cleaner reads the date the text states (the text alone, no URL),
  or reads none where the text states none;
- ``conflicts.on_gold_agreement``: ``conflict`` or ``disputed`` claims over spans of facts
  the gold finds in agreement (no gold conflict or dispute): false alarms.

Documents are cleaned from their text alone; for the flow each then carries the archive's
date of the page (``dct``) and its title, as ``storydiff eval gva`` gives them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from storydiff.errors import GoldError
from storydiff.model import Article, Claim, Dossier, RawDocument

# The gold ships in the repository beside the tests (offsets only).
DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "tests" / "data" / "dev_stories.json"
QUOTE_COVER = 0.5  # share of a gold quote's text a dossier quote must cover
_CONFLICTING = frozenset({"conflict", "disputed"})
_LENIENT = {"compatible": "agree"}
_SYNONYMS = {
    "wounded": "injured",
    "hurt": "injured",
    "injuries": "injured",
    "dead": "killed",
    "died": "killed",
    "deaths": "killed",
    "slain": "killed",
    "fatally": "killed",
}
_STOP = frozenset(
    {"of", "the", "a", "an", "at", "to", "by", "in", "on", "for", "who", "was", "were"}
)
_WORD = re.compile(r"[\w'’-]+")
_QUOTE_MARKS = {"'": "['’‘]", "’": "['’‘]", "‘": "['’‘]", '"': '["“”]', "“": '["“”]', "”": '["“”]'}


# --------------------------------------------------------------------------- gold


def load_gold(path: Path = DEFAULT_GOLD) -> list[dict[str, Any]]:
    """The gold stories (``tests/data/dev_stories.json``)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stories = data["stories"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise GoldError(f"{path}: not a dev-stories gold file ({exc})") from exc
    return list(stories)


def load_documents(folder: Path, stories: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The gold's documents from ``documents.jsonl``, each span checked against its SHA-1."""
    wanted = {doc for story in stories for doc in story["documents"]}
    path = folder / "documents.jsonl"
    if not path.is_file():
        raise GoldError(f"{folder} has no documents.jsonl; pass the gva_longtail folder")
    docs: dict[str, dict[str, Any]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                doc = json.loads(line)
                if doc["doc_id"] in wanted:
                    docs[doc["doc_id"]] = doc
    missing = wanted - docs.keys()
    if missing:
        raise GoldError(f"documents.jsonl lacks {len(missing)} gold documents, e.g. {min(missing)}")
    for story in stories:
        for span in _spans(story):
            text = docs[span["doc"]]["content"][span["start"] : span["end"]]
            if hashlib.sha1(text.encode("utf-8")).hexdigest()[:20] != span["sha1"]:
                raise GoldError(
                    f"{story['id']}: the span {span['doc']}@{span['start']} no longer matches "
                    "its text (the dataset changed)"
                )
    return docs


def _spans(story: dict[str, Any]) -> list[dict[str, Any]]:
    spans = [s for f in story["facts"] for s in f["spans"]]
    spans += story["quotes"] + story["stances"]
    spans += [d for d in story["dates"] if d.get("date")]
    return spans


# --------------------------------------------------------------------------- the flow


@dataclass
class StoryRun:
    """One story through the flow: its dossier and where each document went."""

    dossier: Dossier
    texts: dict[str, str] = field(default_factory=dict)  # doc id -> cleaned text
    article_ids: dict[str, str] = field(default_factory=dict)  # doc id -> "a1"
    stated: dict[str, str | None] = field(default_factory=dict)  # doc id -> date from the text


def story_articles(
    story: dict[str, Any], docs: dict[str, dict[str, Any]]
) -> tuple[list[Article], dict[str, Article], dict[str, str | None]]:
    """The story's documents cleaned from their text alone (the stated date read then), then
    given the page's date and title for the flow, as ``storydiff eval gva`` does."""
    from storydiff.clean import clean_document

    articles: dict[str, Article] = {}
    by_doc: dict[str, Article] = {}
    stated: dict[str, str | None] = {}
    for doc_id in story["documents"]:
        doc = docs[doc_id]
        cleaned = clean_document(RawDocument(f"{doc_id}.txt", doc["content"], "text"))
        stated[doc_id] = cleaned.published
        if not cleaned.text.strip():
            continue
        article = replace(cleaned, published=doc["dct"], title=doc["title"])
        by_doc[doc_id] = articles.setdefault(article.key, article)
    return list(articles.values()), by_doc, stated


def run_story(
    story: dict[str, Any],
    docs: dict[str, dict[str, Any]],
    build: Callable[[list[Article]], Dossier],
) -> StoryRun:
    articles, by_doc, stated = story_articles(story, docs)
    dossier = build(articles)
    run = StoryRun(dossier, stated=stated)
    for doc_id, article in by_doc.items():
        if article.key in dossier.article_ids:
            run.article_ids[doc_id] = dossier.article_ids[article.key]
            run.texts[doc_id] = article.text
    return run


# --------------------------------------------------------------------------- locating


def locate(
    span: dict[str, Any], docs: dict[str, dict[str, Any]], run: StoryRun
) -> tuple[str, int, int] | None:
    """Where a gold span's text sits in the cleaned article: (article id, start, end)."""
    doc_id = span["doc"]
    if doc_id not in run.texts:
        return None
    content = docs[doc_id]["content"]
    needle = content[span["start"] : span["end"]]
    text = run.texts[doc_id]
    hits = [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]
    if not hits:
        pattern = r"\s+".join(
            "".join(_QUOTE_MARKS.get(c, re.escape(c)) for c in word) for word in needle.split()
        )
        hits = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
    if not hits:
        return None
    # Of several, the one placed most like the span in the original.
    want = span["start"] / max(len(content), 1) * len(text)
    start, end = min(hits, key=lambda h: abs(h[0] - want))
    return run.article_ids[doc_id], start, end


def _overlap(a: tuple[str, int, int], article: str, start: int, end: int) -> int:
    if a[0] != article:
        return 0
    return max(0, min(a[2], end) - max(a[1], start))


# --------------------------------------------------------------------------- matching


def _tokens(label: str | None) -> set[str]:
    words = (w.lower().replace("’", "'") for w in _WORD.findall(label or ""))
    return {_SYNONYMS.get(w, w) for w in words if w not in _STOP}


def measure_match(gold: str, label: str | None) -> tuple[bool, bool]:
    """(right, head): the label names every gold word; or it names only some of them."""
    want, have = _tokens(gold), _tokens(label)
    right = bool(have) and want <= have
    return right, right or (bool(have) and have <= want)


def _name_tokens(name: str) -> set[str]:
    return {w.lower().replace("’", "'").removesuffix("'s") for w in _WORD.findall(name)}


def name_match(gold: str | None, aliases: list[str], predicted: str | None) -> bool:
    """Loose: the predicted name's words inside a gold form's, or a gold form's inside it.
    An unnamed gold speaker (None) matches no name, or one holding its description."""
    if gold is None:
        return predicted is None or any(a.lower() in predicted.lower() for a in aliases)
    if not predicted:
        return False
    have = _name_tokens(predicted)
    for form in [gold, *aliases]:
        want = _name_tokens(form)
        if have and want and (have <= want or want <= have):
            return True
    return False


# --------------------------------------------------------------------------- scoring


@dataclass
class _Tally:
    counts: Counter[str] = field(default_factory=Counter)
    by_verdict: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def _claim_cover(claim: Claim, located: list[tuple[str, int, int] | None]) -> set[int]:
    covered = set()
    for i, span in enumerate(located):
        if span is not None and any(
            _overlap(span, m.article, m.start, m.end) > 0 for m in claim.members
        ):
            covered.add(i)
    return covered


def _score_facts(
    story: dict[str, Any],
    run: StoryRun,
    docs: dict[str, dict[str, Any]],
    tally: _Tally,
    misses: list[str],
) -> None:
    claims = run.dossier.claims
    agreeing_spans: list[tuple[str, int, int]] = []
    for fact in story["facts"]:
        located = [locate(s, docs, run) for s in fact["spans"]]
        sources = {s["doc"] for s in fact["spans"]}
        gold = fact["verdict"]
        tally.counts["facts"] += 1
        tally.counts["spans"] += len(located)
        tally.counts["spans_located"] += sum(x is not None for x in located)
        tally.by_verdict[gold]["gold"] += 1
        if gold not in _CONFLICTING:
            agreeing_spans += [x for x in located if x is not None]
        best: tuple[int, int, Claim | None] = (0, 0, None)
        for candidate in claims:
            covered = _claim_cover(candidate, located)
            docs_covered = len({fact["spans"][i]["doc"] for i in covered})
            if (docs_covered, len(covered)) > best[:2]:
                best = (docs_covered, len(covered), candidate)
        docs_covered, _, claim = best
        where = f"{fact['id']} ({fact['measure']}, {gold})"
        lost = sum(x is None for x in located)
        if claim is None or docs_covered < len(sources):
            got = (
                f"best claim covers {docs_covered}/{len(sources)} sources, "
                f"{claim.verdict}, '{claim.measure}'"
                if claim is not None
                else "no claim covers it"
            )
            misses.append(
                f"fact {where}: not found; {got}"
                + (f"; {lost} span(s) lost in cleaning" if lost else "")
            )
            continue
        tally.counts["found"] += 1
        tally.by_verdict[gold]["found"] += 1
        right = claim.verdict == gold
        lenient = _LENIENT.get(claim.verdict, claim.verdict) == _LENIENT.get(gold, gold)
        tally.counts["verdict_right"] += right
        tally.counts["verdict_lenient"] += lenient
        tally.by_verdict[gold]["right"] += right
        m_right, m_head = measure_match(fact["measure"], claim.measure)
        tally.counts["measure_right"] += m_right
        tally.counts["measure_head"] += m_head
        if not right:
            misses.append(f"fact {where}: verdict {claim.verdict}")
        if not m_right:
            misses.append(f"fact {where}: measure '{claim.measure}'")
    # False alarms: conflicting claims over facts the gold reads as agreeing.
    for alarm in claims:
        if alarm.verdict not in _CONFLICTING:
            continue
        tally.counts["conflicts_reported"] += 1
        if any(
            _overlap(s, m.article, m.start, m.end) > 0
            for s in agreeing_spans
            for m in alarm.members
        ):
            tally.counts["conflicts_on_agreement"] += 1
            misses.append(
                f"claim {alarm.id} '{alarm.measure}': {alarm.verdict} where the gold agrees"
            )
    off = {run.article_ids[d] for d in story.get("off_topic", []) if d in run.article_ids}
    if off:
        for mixed in claims:
            sides = {m.article in off for m in mixed.members}
            if sides == {True, False}:
                tally.counts["mixed_off_topic"] += 1
                misses.append(f"claim {mixed.id} '{mixed.measure}' mixes an off-topic article in")


def _score_quotes(
    story: dict[str, Any],
    run: StoryRun,
    docs: dict[str, dict[str, Any]],
    tally: _Tally,
    misses: list[str],
) -> None:
    for gold in story["quotes"]:
        tally.counts["quotes"] += 1
        where = f"quote {gold['doc'][:8]}@{gold['start']} ({gold['speaker'] or 'unnamed'})"
        span = locate(gold, docs, run)
        if span is None:
            misses.append(f"{where}: lost in cleaning")
            continue
        need = QUOTE_COVER * (span[2] - span[1])
        found = [q for q in run.dossier.quotes if _overlap(span, q.article, q.start, q.end) >= need]
        if not found:
            misses.append(f"{where}: not found")
            continue
        tally.counts["quotes_found"] += 1
        if any(name_match(gold["speaker"], gold["aliases"], q.speaker_name) for q in found):
            tally.counts["speaker_right"] += 1
        else:
            misses.append(f"{where}: speaker '{found[0].speaker_name}'")


def _score_stances(
    story: dict[str, Any],
    run: StoryRun,
    docs: dict[str, dict[str, Any]],
    tally: _Tally,
    misses: list[str],
) -> None:
    for gold in story["stances"]:
        tally.counts["stances"] += 1
        where = f"stance {gold['actor']} {gold['stance']} ({gold['doc'][:8]})"
        article = run.article_ids.get(gold["doc"])
        held = [
            s
            for s in run.dossier.stances
            if s.article == article and name_match(gold["actor"], gold["aliases"], s.actor_name)
        ]
        if not held:
            misses.append(f"{where}: no stance of that actor")
            continue
        tally.counts["stances_found"] += 1
        if any(s.stance == gold["stance"] for s in held):
            tally.counts["stances_right"] += 1
        else:
            misses.append(f"{where}: {held[0].stance}")


def _score_dates(story: dict[str, Any], run: StoryRun, tally: _Tally, misses: list[str]) -> None:
    for gold in story["dates"]:
        read = run.stated.get(gold["doc"])
        key = "dates_stated" if gold["date"] else "dates_none"
        tally.counts[key] += 1
        right = (read or "")[:10] == gold["date"] if gold["date"] else read is None
        tally.counts[f"{key}_right"] += right
        if not right:
            misses.append(f"date {gold['doc'][:8]}: read {read}, stated {gold['date']}")


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def evaluate_dev_stories(
    folder: Path,
    build: Callable[[list[Article]], Dossier],
    *,
    gold: Path = DEFAULT_GOLD,
    on_story: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Score the dossier on every gold story; ``folder`` is ``gva_longtail``."""
    stories = load_gold(gold)
    docs = load_documents(folder, stories)
    total = _Tally()
    per_story: dict[str, dict[str, str]] = {}
    misses: dict[str, list[str]] = {}
    for story in stories:
        run = run_story(story, docs, build)
        tally = _Tally()
        story_misses: list[str] = []
        _score_facts(story, run, docs, tally, story_misses)
        _score_quotes(story, run, docs, tally, story_misses)
        _score_stances(story, run, docs, tally, story_misses)
        _score_dates(story, run, tally, story_misses)
        c = tally.counts
        per_story[story["id"]] = {
            "facts_verdict_right": f"{c['verdict_right']}/{c['facts']}",
            "quotes_speaker_right": f"{c['speaker_right']}/{c['quotes']}",
            "conflicts_on_agreement": str(c["conflicts_on_agreement"]),
        }
        misses[story["id"]] = story_misses
        total.counts.update(tally.counts)
        for verdict, counter in tally.by_verdict.items():
            total.by_verdict[verdict].update(counter)
        if on_story is not None:
            on_story(story["id"])
    c = total.counts
    return {
        "stories": len(stories),
        "documents": sum(len(s["documents"]) for s in stories),
        "facts": {
            "gold": c["facts"],
            "found": c["found"],
            "verdict_right": c["verdict_right"],
            "verdict_right_lenient": c["verdict_lenient"],
            "measure_right": c["measure_right"],
            "measure_head": c["measure_head"],
            "spans_located": f"{c['spans_located']}/{c['spans']}",
            "by_verdict": {
                v: {k: total.by_verdict[v][k] for k in ("gold", "found", "right")}
                for v in sorted(total.by_verdict)
            },
        },
        "conflicts": {
            "reported": c["conflicts_reported"],
            "on_gold_agreement": c["conflicts_on_agreement"],
            "mixed_off_topic": c["mixed_off_topic"],
        },
        "quotes": {
            "gold": c["quotes"],
            "found": c["quotes_found"],
            "speaker_right": c["speaker_right"],
        },
        "stances": {"gold": c["stances"], "found": c["stances_found"], "right": c["stances_right"]},
        "dates": {
            "stated": c["dates_stated"],
            "stated_right": c["dates_stated_right"],
            "none_stated": c["dates_none"],
            "none_right": c["dates_none_right"],
        },
        "shares": {
            "fact_found": _share(c["found"], c["facts"]),
            "fact_verdict": _share(c["verdict_right"], c["facts"]),
            "fact_verdict_lenient": _share(c["verdict_lenient"], c["facts"]),
            "fact_measure": _share(c["measure_right"], c["facts"]),
            "quote_found": _share(c["quotes_found"], c["quotes"]),
            "quote_speaker": _share(c["speaker_right"], c["quotes"]),
            "stance": _share(c["stances_right"], c["stances"]),
            "date": _share(
                c["dates_stated_right"] + c["dates_none_right"], c["dates_stated"] + c["dates_none"]
            ),
        },
        "per_story": per_story,
        "misses": misses,
    }
