"""The batch: partitions analysed on Dask, written as Parquet, resumable, then grouped.

    documents ──partitions──► Dask workers (analyse_partition) ──tables──► driver
        driver: write OUT/<table>/part-NNNNNN.parquet, then record it in OUT/manifest.json
    after the last partition: OUT/stories/{assignments,stories}.parquet (streaming grouping)

The driver holds at most ``in_flight`` partitions at once, so a corpus of any size streams
through in bounded memory. A resumed run reads the input again (cheap) but sends a partition
to a worker only when the manifest lacks it or its fingerprint changed (expensive work).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storydiff.analyse import analyser_version
from storydiff.errors import BatchError, InputError
from storydiff.scale.manifest import Manifest
from storydiff.scale.source import DocumentStream, Partition, partitions
from storydiff.scale.stories import Assignment, GroupingSettings, StoryInput, StorySummary, group
from storydiff.scale.tables import SCHEMAS

Client = Any  # distributed ships no type hints; its objects are Any to mypy either way

Progress = Callable[[str, int], None]  # (event, partition index)

ASSIGNMENTS = pa.schema(
    [
        ("key", pa.string()),
        ("source", pa.string()),
        ("story", pa.string()),
        ("duplicate_of", pa.string()),
        ("score", pa.float32()),
    ]
)
STORIES = pa.schema(
    [
        ("id", pa.string()),
        ("articles", pa.int32()),
        ("copies", pa.int32()),
        ("first", pa.string()),
        ("last", pa.string()),
        ("label", pa.string()),
    ]
)
ROWS_PER_GROUP = 10_000  # rows buffered before a Parquet row group is written


@dataclass(frozen=True, slots=True)
class BatchSettings:
    workers: int = 2  # local worker processes (ignored with ``scheduler``)
    scheduler: str | None = None  # tcp://HOST:PORT of an existing Dask scheduler
    partition_size: int = 32  # documents per partition: big enough to hide task overhead
    in_flight_per_worker: int = 2  # queued partitions per worker: busy, but bounded memory
    grouping: GroupingSettings = field(default_factory=GroupingSettings)


@dataclass
class BatchReport:
    partitions: int = 0
    computed: int = 0
    resumed: int = 0
    articles: int = 0
    rejected: int = 0
    stories: int = 0
    copies: int = 0
    analysis_seconds: float = 0.0
    grouping_seconds: float = 0.0


def part_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def _write_partition(out: Path, index: int, tables: dict[str, pa.Table]) -> dict[str, Any]:
    """Every table file first (each replaced atomically), then the manifest entry."""
    for name, table in tables.items():
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        tmp = folder / f".{part_name(index)}.tmp"
        pq.write_table(table, tmp)
        os.replace(tmp, folder / part_name(index))
    return {"articles": tables["articles"].num_rows, "rejected": tables["rejections"].num_rows}


def _drop_partition(out: Path, index: int) -> None:
    for name in SCHEMAS:
        (out / name / part_name(index)).unlink(missing_ok=True)


def _distributed() -> Any:
    """dask.distributed, imported on first use: it costs a second at start-up."""
    import importlib

    return importlib.import_module("distributed")


class _Cluster:
    """A Dask client on an existing scheduler, or on a LocalCluster we start and stop."""

    def __init__(self, settings: BatchSettings) -> None:
        distributed = _distributed()
        self._cluster: Any = None
        if settings.scheduler:
            try:
                self.client = distributed.Client(settings.scheduler, timeout="20s")
            except OSError as err:
                raise InputError(
                    f"cannot reach the Dask scheduler at {settings.scheduler} ({err}); "
                    "check the address or leave out --scheduler for a local cluster"
                ) from err
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=settings.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = distributed.Client(self._cluster)

    def close(self) -> None:
        self.client.close()
        if self._cluster is not None:
            self._cluster.close()


def _compute(
    client: Client,
    todo: Iterator[Partition],
    out: Path,
    manifest: Manifest,
    limit: int,
    progress: Progress | None,
) -> int:
    """Submit partitions with at most ``limit`` in flight; write each as it finishes."""
    from storydiff.scale.worker import analyse_partition

    wait = _distributed().wait
    running: dict[Any, Partition] = {}
    computed = 0

    def finish(done: set[Any]) -> None:
        nonlocal computed
        for future in sorted(done, key=lambda f: running[f].index):
            part = running.pop(future)
            try:
                tables = future.result()
            except Exception as err:
                raise BatchError(
                    f"partition {part.index} failed on a worker ({err!r}); finished partitions "
                    "are kept, run the same command again to resume"
                ) from err
            entry = _write_partition(out, part.index, tables)
            manifest.record(part.index, {"fingerprint": part.fingerprint, **entry})
            computed += 1
            if progress:
                progress("written", part.index)

    for part in todo:
        key = f"storydiff-partition-{part.index}-{part.fingerprint[:16]}"
        running[client.submit(analyse_partition, part.documents, key=key, pure=False)] = part
        if len(running) >= limit:
            finish(wait(list(running), return_when="FIRST_COMPLETED").done)
    while running:
        finish(wait(list(running), return_when="FIRST_COMPLETED").done)
    return computed


def run_batch(
    documents: DocumentStream,
    out: Path,
    settings: BatchSettings | None = None,
    *,
    client: Client | None = None,
    progress: Progress | None = None,
) -> BatchReport:
    """Analyse every document into Parquet under ``out``, resuming finished partitions."""
    settings = settings or BatchSettings()
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest.open(out, settings.partition_size, analyser_version())
    report = BatchReport()
    seen: set[int] = set()

    def pending() -> Iterator[Partition]:
        for part in partitions(documents, settings.partition_size):
            seen.add(part.index)
            if manifest.finished(part.index, part.fingerprint):
                report.resumed += 1
                if progress:
                    progress("resumed", part.index)
                continue
            yield part

    started = time.perf_counter()
    cluster = None if client is not None else _Cluster(settings)
    try:
        active: Any = client if cluster is None else cluster.client
        workers = max(1, len(active.scheduler_info().get("workers", {})) or settings.workers)
        limit = workers * settings.in_flight_per_worker
        report.computed = _compute(active, pending(), out, manifest, limit, progress)
    finally:
        if cluster is not None:
            cluster.close()
    for index in sorted(set(manifest.partitions) - seen):  # the input shrank since last run
        _drop_partition(out, index)
        del manifest.partitions[index]
    manifest.save()
    report.analysis_seconds = time.perf_counter() - started
    report.partitions = len(seen)
    report.articles = sum(e["articles"] for e in manifest.partitions.values())
    report.rejected = sum(e["rejected"] for e in manifest.partitions.values())
    if not report.articles:
        raise InputError("no article could be analysed; pass .txt or .html articles")
    started = time.perf_counter()
    report.stories, report.copies = write_stories(out, sorted(seen), settings.grouping)
    report.grouping_seconds = time.perf_counter() - started
    return report


def read_story_inputs(out: Path, indexes: list[int]) -> Iterator[StoryInput]:
    """The features table, partition by partition in corpus order (one in memory at a time)."""
    for index in indexes:
        table = pq.read_table(out / "features" / part_name(index))
        for row in table.to_pylist():
            yield StoryInput(
                row["key"],
                row["source"],
                row["published"],
                row["signature"],
                dict(zip(row["features"], row["weights"], strict=True)),
            )


class _RowWriter:
    """Rows into one Parquet file in bounded row groups; atomic rename on close."""

    def __init__(self, path: Path, schema: pa.Schema) -> None:
        self.path = path
        self._tmp = path.with_name(f".{path.name}.tmp")
        self._writer = pq.ParquetWriter(self._tmp, schema)
        self._schema = schema
        self._rows: list[dict[str, Any]] = []

    def add(self, row: dict[str, Any]) -> None:
        self._rows.append(row)
        if len(self._rows) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def close(self) -> None:
        self._flush()
        self._writer.close()
        os.replace(self._tmp, self.path)


def write_stories(
    out: Path, indexes: list[int], settings: GroupingSettings | None = None
) -> tuple[int, int]:
    """Group the stored features; write assignments and story summaries. → (stories, copies)."""
    folder = out / "stories"
    folder.mkdir(parents=True, exist_ok=True)
    scratch = folder / ".scratch"
    assignments = _RowWriter(folder / "assignments.parquet", ASSIGNMENTS)
    stories = _RowWriter(folder / "stories.parquet", STORIES)
    counts = [0, 0]
    for item in group(read_story_inputs(out, indexes), scratch, settings):
        if isinstance(item, Assignment):
            assignments.add(
                {
                    "key": item.key,
                    "source": item.source,
                    "story": item.story,
                    "duplicate_of": item.duplicate_of,
                    "score": item.score,
                }
            )
            counts[1] += item.duplicate_of is not None
        elif isinstance(item, StorySummary):
            stories.add(
                {
                    "id": item.id,
                    "articles": item.articles,
                    "copies": item.copies,
                    "first": item.first,
                    "last": item.last,
                    "label": item.label,
                }
            )
            counts[0] += 1
    assignments.close()
    stories.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return counts[0], counts[1]
