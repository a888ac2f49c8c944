"""Which partitions are finished: one JSON file, replaced atomically after each partition.

A batch killed at any instant leaves either the old manifest or the new one, never half of
one (write to a temporary file, fsync, ``os.replace``). A partition is listed only after all
its Parquet files are in place, so a listed partition is always complete on disk.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storydiff.errors import InputError

FORMAT = "storydiff.batch/1"
NAME = "manifest.json"


@dataclass
class Manifest:
    path: Path
    partition_size: int
    analyser: str
    partitions: dict[int, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, out: Path, partition_size: int, analyser: str) -> Manifest:
        """The folder's manifest, or a new one; a different analyser voids finished work."""
        path = out / NAME
        if not path.exists():
            return cls(path, partition_size, analyser)
        try:
            data = json.loads(path.read_text("utf-8"))
        except (OSError, ValueError) as err:
            raise InputError(
                f"cannot read {path} ({err}); delete it to start the batch over"
            ) from err
        if data.get("format") != FORMAT:
            raise InputError(f"{path} is not a storydiff batch manifest; pass another -o folder")
        if data["partition_size"] != partition_size:
            raise InputError(
                f"{out} was written with --partition-size {data['partition_size']}; "
                "pass the same size to resume, or another -o folder"
            )
        found = {int(k): v for k, v in data["partitions"].items()}
        return cls(path, partition_size, analyser, found if data["analyser"] == analyser else {})

    def finished(self, index: int, fingerprint: str) -> bool:
        entry = self.partitions.get(index)
        return entry is not None and entry["fingerprint"] == fingerprint

    def record(self, index: int, entry: dict[str, Any]) -> None:
        """Mark a partition finished and persist the manifest before returning."""
        self.partitions[index] = entry
        self.save()

    def save(self) -> None:
        data = {
            "format": FORMAT,
            "partition_size": self.partition_size,
            "analyser": self.analyser,
            "partitions": {str(k): self.partitions[k] for k in sorted(self.partitions)},
        }
        write_atomic(self.path, json.dumps(data, indent=1).encode())


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, nothing between."""
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
