"""The small interface every store backend implements."""

from __future__ import annotations

from types import TracebackType
from typing import Protocol, Self

from storydiff.model import Analysis, Article


class Store(Protocol):
    """Articles by content key, and one analysis per (article, analyser version)."""

    def put_article(self, article: Article) -> None: ...

    def get_article(self, key: str) -> Article | None: ...

    def put_analysis(self, analysis: Analysis, version: str) -> None: ...

    def get_analysis(self, key: str, version: str) -> Analysis | None: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None: ...
