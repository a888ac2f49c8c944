"""Target sentiment (``analyse.sentiment``) on NewsMTSC: the tone of a news sentence
toward a named person, negative / neutral / positive.

NewsMTSC (Hamborg & Donnay, EACL 2021) gives sentences from US political news with one or
more target mentions (character offsets), each labelled 2.0 negative, 4.0 neutral or 6.0
positive. Scored with macro-F1 over the three classes ("F1m" in the paper) on the two dev
files: ``dev_rw`` (sentences drawn to resemble the real-world distribution) and ``dev_mt``
(every sentence has two or more targets). The published figures beside ours (GRU-TSC 83.1 rw,
82.5 mt) are on the test portions, which this project never reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storydiff.analyse.sentiment import LABELS, Mention, TokenEncoder, TokenStates, rule_tone, tones
from storydiff.errors import GoldError
from storydiff.evaluate.fnc import confusion, f1_by_label

POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}
SPLITS = ("dev_rw", "dev_mt")
PUBLISHED = {"GRU-TSC, test files": {"rw": 0.831, "mt": 0.825}}


@dataclass(frozen=True, slots=True)
class Example:
    """One target of one sentence with its gold tone."""

    mention: Mention
    tone: str


def load_examples(path: Path) -> list[Example]:
    """Every target of a NewsMTSC JSONL file, in file order (targets in their listed order)."""
    if not path.is_file():
        raise GoldError(f"{path} is missing; pass the newsmtsc folder (train/dev_rw/dev_mt.jsonl)")
    examples: list[Example] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            for target in record["targets"]:
                mention = Mention(sentence, int(target["from"]), int(target["to"]))
                examples.append(Example(mention, POLARITY[float(target["polarity"])]))
        except (ValueError, KeyError, TypeError) as err:
            raise GoldError(f"{path}:{number} is not a NewsMTSC record ({err!r})") from None
    return examples


def minilm_token_states(texts: Sequence[str]) -> list[TokenStates]:
    """Every layer's vector of every word piece from the packaged MiniLM, with offsets.
    Raises ModelMissingError (one line) when the model is not installed."""
    from storydiff.align import semantic

    return [
        TokenStates(vectors, offsets)
        for vectors, offsets in semantic.load_encoder().token_states(texts)
    ]


def score(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Macro-F1, per-tone F1, accuracy and the confusion (rows gold, columns predicted)."""
    per_tone = f1_by_label(gold, predicted, labels=LABELS)
    right = sum(1 for g, p in zip(gold, predicted, strict=True) if g == p)
    return {
        "targets": len(gold),
        "macro_f1": round(sum(per_tone.values()) / len(LABELS), 4),
        "f1": {label: round(value, 4) for label, value in per_tone.items()},
        "accuracy": round(right / len(gold), 4) if gold else 0.0,
        "confusion": confusion(gold, predicted, labels=LABELS),
    }


def predict(
    mentions: Sequence[Mention],
    *,
    encode: TokenEncoder | None = minilm_token_states,
    on_targets: Callable[[int], None] | None = None,
) -> list[str]:
    """The tone of each mention: the learned scorer, or the word lists alone when ``encode``
    is None."""
    if encode is None:
        found = [rule_tone(m) for m in mentions]
        if on_targets is not None:
            on_targets(len(mentions))
        return found
    return [t.label for t in tones(mentions, encode, on_targets=on_targets)]


def evaluate_newsmtsc(
    folder: Path,
    *,
    limit: int | None = None,
    splits: Sequence[str] = SPLITS,
    encode: TokenEncoder | None = minilm_token_states,
    on_targets: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Macro-F1 on dev_rw and dev_mt (the first ``limit`` targets of each)."""
    result: dict[str, Any] = {"scorer": "word lists alone" if encode is None else "learned"}
    for split in splits:
        examples = load_examples(folder / f"{split}.jsonl")[:limit]
        found = predict([e.mention for e in examples], encode=encode, on_targets=on_targets)
        result[split] = score([e.tone for e in examples], found)
    result["published"] = PUBLISHED
    result["note"] = "ours on the dev files; GRU-TSC's on the test files (never read here)"
    return result
