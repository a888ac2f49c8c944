"""Telling a gathered story's articles from a stray: GVA incidents as users hand them over.

Each trial is one incident's reports (three to six) plus the first report of the next
incident in a fixed shuffle: another shooting, told in the same words, the stray a desk is
most likely to have picked up by mistake. Titles are left out, as they are for plain text.
Scored per trial: the incident kept whole (all its reports in the largest group), its reports
kept, and the stray set apart. The archive's copies are sometimes not about the incident at
all (page drift, a video playlist), so "whole" cannot reach every trial.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from storydiff.evaluate.gva import Incident, incident_articles, load_incidents
from storydiff.model import Article

SHUFFLE_SEED = 7
MIN_REPORTS, MAX_REPORTS = 3, 6


def trials(folder: Path, *, limit: int | None = None) -> list[tuple[list[Article], Article]]:
    """(the incident's reports, the stray) pairs in a fixed order."""
    incidents: list[Incident] = [
        i
        for i in load_incidents(folder, min_articles=MIN_REPORTS)
        if len(i.documents) <= MAX_REPORTS
    ]
    random.Random(SHUFFLE_SEED).shuffle(incidents)

    @cache
    def cleaned(k: int) -> list[Article]:  # each incident's texts cleaned once, titles withheld
        return [replace(a, title=None) for a in incident_articles(incidents[k])]

    out = []
    for n in range(len(incidents[:limit])):
        reports, others = cleaned(n), cleaned((n + 1) % len(incidents))
        if len(reports) >= 2 and others:
            out.append((reports, others[0]))
    return out


def evaluate_gathered(
    folder: Path,
    group: Callable[[list[Article]], list[list[Article]]],
    *,
    limit: int | None = None,
) -> dict[str, Any]:
    """How ``group`` splits each trial."""
    whole = kept = reports = apart = 0
    cases = trials(folder, limit=limit)
    for incident, stray in cases:
        main = {a.key for a in group([*incident, stray])[0]}
        inside = sum(a.key in main for a in incident)
        whole += inside == len(incident)
        kept += inside
        reports += len(incident)
        apart += stray.key not in main
    n = max(len(cases), 1)
    return {
        "trials": len(cases),
        "incidents_whole": whole / n,
        "reports_kept": kept / max(reports, 1),
        "strays_apart": apart / n,
    }
