"""The claim ledger on real coverage: GVA incidents, several local articles each, against the
Gun Violence Archive's record of people killed and injured.

Per incident the story's articles go through the whole flow (clean, analyse, align); each claim
the ledger labels as a count of people killed or injured asserts its value (the last value of
an ``updated`` sequence, every value of a ``conflict``). Scored per (measure, value):

- recall: of the incidents whose articles state the record's figure (the number, in digits or
  words, within a few words of an act of that measure: an extractor-free check), how many have
  a fact of that measure carrying it;
- precision: of the (measure, value) pairs the ledger asserts, how many equal the record's;
- false conflicts: ``conflict`` verdicts on killed/injured facts (each incident is one event,
  so the archive's final tally makes a conflict between its reports a misreading; rising
  tolls are ``updated``).

The archive gives the final tally, so an early report can rightly differ; record values of 0
are not scored (articles rarely state them).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from storydiff.align.measure_vocab import INJURED, KILLED
from storydiff.align.measures import measure_label
from storydiff.lexicon.numbers import TENS_WORDS, UNITS_WORDS
from storydiff.model import Article, Dossier, RawDocument

SCORED = ("killed", "injured")
_SCORED_LABELS = {measure_label(m, []): m for m in SCORED}
_ACTS = {"killed": KILLED, "injured": INJURED}
# How far (characters) the record's number may sit from an act word to count as stated.
_STATED_REACH = 60
_SINGULAR = re.compile(
    r"\b(?:a|one|another)\s+(?:\w+\s+){0,2}?(?:man|woman|person|teen(?:ager)?|boy|girl|child|"
    r"victim|resident|officer|student)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    date: str
    record: dict[str, int]  # measure -> the archive's figure
    documents: list[dict[str, Any]]


def load_incidents(
    folder: Path, *, min_articles: int = 2, offset: int = 0, limit: int | None = None
) -> list[Incident]:
    """Incidents with at least ``min_articles`` documents, in GVA id order (a stable dev set)."""
    documents: dict[str, list[dict[str, Any]]] = defaultdict(list)
    with (folder / "documents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            documents[doc["incident_id"]].append(doc)
    incidents = []
    with (folder / "incidents.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            docs = documents.get(row["incident_id"], [])
            if len(docs) >= min_articles:
                record = {"killed": int(row["num_killed"]), "injured": int(row["num_injured"])}
                incidents.append(Incident(row["incident_id"], row["date"], record, docs))
    incidents.sort(key=lambda i: int(i.id))
    return incidents[offset : None if limit is None else offset + limit]


def incident_articles(incident: Incident) -> list[Article]:
    """The incident's documents as cleaned articles, with their stated date and title."""
    from storydiff.clean import clean_document

    articles: dict[str, Article] = {}
    for doc in incident.documents:
        raw = RawDocument(f"{doc['doc_id']}.txt", doc["content"], "text")
        article = replace(clean_document(raw), published=doc["dct"], title=doc["title"])
        if article.text.strip():
            articles.setdefault(article.key, article)
    return list(articles.values())


def _number_forms(value: int) -> list[str]:
    words = [w for w, n in {**UNITS_WORDS, **TENS_WORDS}.items() if n == value]
    return [str(value), *words]


def stated(texts: list[str], measure: str, value: int) -> bool:
    """Whether any text states ``value`` near an act of ``measure`` (no extractor involved)."""
    forms = "|".join(re.escape(f) for f in _number_forms(value))
    number = re.compile(rf"\b(?:{forms})\b", re.IGNORECASE)
    act = _ACTS[measure]
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            hits = [m.start() for m in act.finditer(sentence)]
            if not hits:
                continue
            found = [m.start() for m in number.finditer(sentence)]
            if value == 1:
                found += [m.start() for m in _SINGULAR.finditer(sentence)]
            if any(abs(n - h) <= _STATED_REACH for n in found for h in hits):
                return True
    return False


def asserted(dossier: Dossier) -> tuple[dict[str, set[int]], int]:
    """(measure -> values the ledger asserts, conflict verdicts on scored measures), read off
    each claim's ``measure`` label as a user of dossier.json would."""
    quantities = {q.id: q for q in dossier.quantities}
    values: dict[str, set[int]] = defaultdict(set)
    conflicts = 0
    for claim in dossier.claims:
        members = [quantities[m.quantity] for m in claim.members if m.quantity in quantities]
        measure = _SCORED_LABELS.get(claim.measure or "")
        if not members or measure is None:
            continue
        if claim.verdict == "conflict":
            conflicts += 1
            values[measure].update(int(q.value) for q in members)
        else:
            # An ``updated`` sequence only rises, so its last value is its highest.
            values[measure].add(int(max(q.value for q in members)))
    return values, conflicts


@dataclass
class _Tally:
    stated: int = 0
    found: int = 0
    asserted: int = 0
    right: int = 0


def evaluate_gva(
    folder: Path,
    build: Callable[[list[Article]], Dossier],
    *,
    offset: int = 0,
    limit: int | None = None,
    on_incident: Callable[[Incident], None] | None = None,
) -> dict[str, Any]:
    """Precision, recall and false conflicts of killed/injured facts over the incidents."""
    tallies = {m: _Tally() for m in SCORED}
    conflicts = incidents = all_conflicts = 0
    misses: list[str] = []
    for incident, dossier in _dossiers(folder, build, offset, limit):
        incidents += 1
        values, false_conflicts = asserted(dossier)
        conflicts += false_conflicts
        all_conflicts += sum(c.verdict == "conflict" for c in dossier.claims)
        texts = [a.text for a in dossier.articles]
        for measure, tally in tallies.items():
            gold = incident.record[measure]
            tally.asserted += len(values[measure])
            tally.right += gold in values[measure]
            if gold > 0 and stated(texts, measure, gold):
                tally.stated += 1
                tally.found += gold in values[measure]
                if gold not in values[measure]:
                    misses.append(f"{incident.id} {measure}={gold} got {sorted(values[measure])}")
        if on_incident is not None:
            on_incident(incident)
    return {
        "incidents": incidents,
        **{m: _figures(t) for m, t in tallies.items()},
        "false_conflicts_per_incident": round(conflicts / max(incidents, 1), 3),
        "conflicts_per_incident": round(all_conflicts / max(incidents, 1), 3),
        "misses": misses,
    }


def _figures(t: _Tally) -> dict[str, Any]:
    return {
        "stated": t.stated,
        "recall": round(t.found / t.stated, 3) if t.stated else 0.0,
        "precision": round(t.right / t.asserted, 3) if t.asserted else 0.0,
        "asserted": t.asserted,
    }


def _dossiers(
    folder: Path, build: Callable[[list[Article]], Dossier], offset: int, limit: int | None
) -> Iterator[tuple[Incident, Dossier]]:
    for incident in load_incidents(folder, offset=offset, limit=limit):
        articles = incident_articles(incident)
        if len(articles) >= 2:
            yield incident, build(articles)
