"""Each atheris fuzz target in fuzz/ runs for a few seconds without finding a crash.

`make fuzz` runs them for a minute each; here they run briefly so CI notices a target that
no longer starts or a crash that comes back. Skipped where atheris is not installed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
TARGETS = sorted(FUZZ.glob("fuzz_*.py"))
SECONDS_EACH = 4

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None,
    reason="atheris is not installed (pip install atheris); the fuzz targets need it",
)


def test_every_parser_has_a_target() -> None:
    names = {path.stem for path in TARGETS}
    assert {"fuzz_document", "fuzz_clean", "fuzz_warc", "fuzz_jsonl", "fuzz_feed"} <= names
    assert {"fuzz_quotes", "fuzz_timex", "fuzz_numbers", "fuzz_dossier"} <= names


@pytest.mark.slow
@pytest.mark.timeout(90)
@pytest.mark.parametrize("target", TARGETS, ids=[path.stem for path in TARGETS])
def test_fuzz_target_finds_no_crash(target: Path, tmp_path: Path) -> None:
    flags = [f"-max_total_time={SECONDS_EACH}", "-timeout=10", "-rss_limit_mb=2048"]
    result = subprocess.run(
        [sys.executable, str(target), *flags, f"-artifact_prefix={tmp_path}/"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=80,  # start-up on a loaded 2-core runner can take half a minute
    )
    tail = "\n".join((result.stdout + result.stderr).splitlines()[-25:])
    assert result.returncode == 0, tail
    assert "Done" in result.stderr and not list(tmp_path.glob("crash-*")), tail
