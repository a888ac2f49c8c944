"""Every store operation written once, over a driver-neutral core each backend supplies.

SQLite and PostgreSQL share these statements (``?`` placeholders, ``ON CONFLICT`` upserts);
a backend gives a connection, its placeholder style, its clock expression and its search
query. Records go in as JSON text; a backend that answers with parsed JSON (JSONB) is
accepted on the way out.
"""

from __future__ import annotations

import json
import re
import secrets
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from types import TracebackType
from typing import Any, Self, TypeVar

from storydiff.codec import from_plain, to_plain
from storydiff.model import Analysis, Article
from storydiff.store.records import (
    ActorQuote,
    ActorStance,
    CorpusEntry,
    CorpusStory,
    Placement,
    SearchHit,
    StoryInput,
    StoryRow,
)

T = TypeVar("T")
_WORD = re.compile(r"\w+")
MAX_QUERY_WORDS = 12  # a search box, not a document: longer queries only slow the index
PAGE = 1000  # corpus rows fetched per round trip while streaming


def encode(record: object) -> str:
    return json.dumps(to_plain(record), ensure_ascii=False)


def decode(cls: type[T], value: Any) -> T:
    """A stored record: JSON text (SQLite) or already parsed (PostgreSQL JSONB)."""
    return from_plain(cls, json.loads(value) if isinstance(value, str) else value)


def query_words(query: str) -> list[str]:
    """The words of a user's query; punctuation and operators never reach the index."""
    return _WORD.findall(query.lower())[:MAX_QUERY_WORDS]


def new_story_id() -> str:
    """Random, unguessable, and safe in any URL or path (hex only)."""
    return secrets.token_hex(8)


class SqlStore(ABC):
    """The shared operations; subclasses implement the five hooks below."""

    now_sql: str  # an expression for "now" as text in the stories table
    order_sql: str  # a column that grows with insertion order in the stories table

    # --- hooks ------------------------------------------------------------------------

    @abstractmethod
    def _fetch(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Every row one query answers (``?`` placeholders)."""

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; → rows it changed."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[object]:
        """Commit the statements run inside on success, roll all back on error."""

    @abstractmethod
    def _search_rows(self, words: list[str], limit: int) -> list[tuple[Any, ...]]:
        """(kind, article_key, story_id, source, speaker, snippet), best first."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- articles and analyses --------------------------------------------------------

    def _put_article(self, article: Article) -> None:
        self._execute(
            "INSERT INTO articles (key, source, record) VALUES (?, ?, ?) "
            "ON CONFLICT (key) DO UPDATE SET source = excluded.source, record = excluded.record",
            (article.key, article.source, encode(article)),
        )
        self._execute("DELETE FROM search_docs WHERE article_key = ?", (article.key,))
        body = f"{article.title}\n\n{article.text}" if article.title else article.text
        self._execute(
            "INSERT INTO search_docs (kind, article_key, source, body) VALUES ('article', ?, ?, ?)",
            (article.key, article.source, body),
        )

    def put_article(self, article: Article) -> None:
        with self._transaction():
            self._put_article(article)

    def get_article(self, key: str) -> Article | None:
        rows = self._fetch("SELECT record FROM articles WHERE key = ?", (key,))
        return decode(Article, rows[0][0]) if rows else None

    def put_analysis(self, analysis: Analysis, version: str) -> None:
        with self._transaction():
            self._execute(
                "INSERT INTO analyses (article_key, version, record) VALUES (?, ?, ?) "
                "ON CONFLICT (article_key, version) DO UPDATE SET record = excluded.record",
                (analysis.article_key, version, encode(analysis)),
            )

    def get_analysis(self, key: str, version: str) -> Analysis | None:
        rows = self._fetch(
            "SELECT record FROM analyses WHERE article_key = ? AND version = ?", (key, version)
        )
        return decode(Analysis, rows[0][0]) if rows else None

    def applied_migrations(self) -> list[str]:
        return [row[0] for row in self._fetch("SELECT name FROM migrations ORDER BY name")]

    # --- stories the web app keeps ----------------------------------------------------

    def _story_columns(self) -> str:
        return (
            "s.id, s.title, s.status, s.stage, s.done, s.total, s.error, s.created_at, "
            "s.updated_at, (SELECT COUNT(*) FROM story_inputs i WHERE i.story_id = s.id), "
            "s.issue, s.summary_sentences, s.revision"
        )

    def _put_inputs(self, story_id: str, inputs: Sequence[StoryInput], first: int = 0) -> None:
        for position, item in enumerate(inputs, start=first):
            self._execute(
                "INSERT INTO story_inputs (story_id, position, name, kind, content) "
                "VALUES (?, ?, ?, ?, ?)",
                (story_id, position, item.name, item.kind, item.content),
            )

    def create_story(
        self, title: str, inputs: Sequence[StoryInput], *, issue: str | None = None
    ) -> str:
        """Store a story and its inputs in one transaction; returns its id."""
        story_id = new_story_id()
        with self._transaction():
            self._execute(
                "INSERT INTO stories (id, title, issue) VALUES (?, ?, ?)", (story_id, title, issue)
            )
            self._put_inputs(story_id, inputs)
        return story_id

    def requeue_story(
        self, story_id: str, added: Sequence[StoryInput], *, issue: str | None
    ) -> bool:
        """Queue a finished or failed story again, ``added`` after its inputs and ``issue`` as
        its question; False, with nothing changed, when it is gone or queued or running."""
        with self._transaction():
            changed = self._execute(
                "UPDATE stories SET status = 'queued', stage = '', done = 0, total = 0, "
                f"error = NULL, issue = ?, updated_at = {self.now_sql} "
                "WHERE id = ? AND status IN ('done', 'failed')",
                (issue, story_id),
            )
            if not changed:
                return False
            rows = self._fetch(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM story_inputs WHERE story_id = ?",
                (story_id,),
            )
            self._put_inputs(story_id, added, int(rows[0][0]))
        return True

    def record_story(
        self,
        story_id: str,
        inputs: Sequence[StoryInput],
        document: dict[str, Any],
        *,
        issue: str | None = None,
        summary_sentences: int = 8,
    ) -> None:
        """A story built outside the app (``storydiff analyze``), kept as the app keeps its
        own: its inputs and its finished dossier, written at once, so a server never finds it
        unfinished (and never runs it again). Recording it again replaces both."""
        with self._transaction():
            self._execute(
                "INSERT INTO stories (id, title, status, stage, done, total, issue, "
                "summary_sentences, document, revision) "
                "VALUES (?, ?, 'done', 'done', ?, ?, ?, ?, ?, 1) "
                "ON CONFLICT (id) DO UPDATE SET title = excluded.title, status = 'done', "
                "stage = 'done', done = excluded.done, total = excluded.total, error = NULL, "
                "issue = excluded.issue, summary_sentences = excluded.summary_sentences, "
                "document = excluded.document, revision = stories.revision + 1, "
                f"updated_at = {self.now_sql}",
                (
                    story_id,
                    document["story"]["title"],
                    len(inputs),
                    len(inputs),
                    issue,
                    summary_sentences,
                    json.dumps(document, ensure_ascii=False),
                ),
            )
            self._execute("DELETE FROM story_inputs WHERE story_id = ?", (story_id,))
            self._put_inputs(story_id, inputs)
            self._index_dossier(story_id, document)

    def delete_story(self, story_id: str) -> bool:
        """Remove a story with its inputs, dossier and index entries, unless it is being
        analysed; its articles and their analyses stay (other stories may share them)."""
        with self._transaction():
            deleted = self._execute(
                "DELETE FROM stories WHERE id = ? AND status <> 'running'", (story_id,)
            )
        return deleted > 0

    def list_stories(self, limit: int = 200) -> list[StoryRow]:
        """Newest first."""
        rows = self._fetch(
            f"SELECT {self._story_columns()} FROM stories s "
            f"ORDER BY s.created_at DESC, s.{self.order_sql} DESC LIMIT ?",
            (limit,),
        )
        return [StoryRow(*r) for r in rows]

    def get_story(self, story_id: str) -> StoryRow | None:
        rows = self._fetch(
            f"SELECT {self._story_columns()} FROM stories s WHERE s.id = ?", (story_id,)
        )
        return StoryRow(*rows[0]) if rows else None

    def story_inputs(self, story_id: str) -> list[StoryInput]:
        rows = self._fetch(
            "SELECT name, kind, content FROM story_inputs WHERE story_id = ? ORDER BY position",
            (story_id,),
        )
        return [StoryInput(*r) for r in rows]

    def story_document_text(self, story_id: str) -> str | None:
        """The finished dossier as stored JSON text, or ``None`` while there is none."""
        rows = self._fetch("SELECT document FROM stories WHERE id = ?", (story_id,))
        return None if not rows or rows[0][0] is None else str(rows[0][0])

    def set_progress(self, story_id: str, stage: str, done: int, total: int) -> None:
        with self._transaction():
            self._execute(
                "UPDATE stories SET status = 'running', stage = ?, done = ?, total = ?, "
                f"updated_at = {self.now_sql} WHERE id = ?",
                (stage, done, total, story_id),
            )

    def finish_story(self, story_id: str, document: dict[str, Any]) -> None:
        """Store the dossier and index its quotes and stances for search and actor pages."""
        with self._transaction():
            found = self._execute(
                "UPDATE stories SET status = 'done', stage = 'done', error = NULL, document = ?, "
                "title = CASE WHEN title = '' THEN ? ELSE title END, revision = revision + 1, "
                f"updated_at = {self.now_sql} WHERE id = ?",
                (json.dumps(document, ensure_ascii=False), document["story"]["title"], story_id),
            )
            if found:  # a story deleted while it was analysed stays deleted
                self._index_dossier(story_id, document)

    def save_dossier(self, story_id: str, document: dict[str, Any]) -> None:
        """A dossier built outside the app (corpus mode) joins the stories the app shows."""
        with self._transaction():
            self._execute(
                "INSERT INTO stories (id, title) VALUES (?, '') ON CONFLICT (id) DO NOTHING",
                (story_id,),
            )
        self.finish_story(story_id, document)

    def fail_story(self, story_id: str, error: str) -> None:
        with self._transaction():
            self._execute(
                "UPDATE stories SET status = 'failed', stage = 'failed', error = ?, "
                f"updated_at = {self.now_sql} WHERE id = ?",
                (error, story_id),
            )

    def unfinished_stories(self) -> list[str]:
        """Stories a stopped server left queued or running, to run again on start."""
        rows = self._fetch(
            "SELECT id FROM stories WHERE status IN ('queued', 'running') "
            f"ORDER BY {self.order_sql}"
        )
        return [r[0] for r in rows]

    def _index_dossier(self, story_id: str, document: dict[str, Any]) -> None:
        sources = {a["id"]: a["source"] for a in document["articles"]}
        self._execute("DELETE FROM search_docs WHERE story_id = ?", (story_id,))
        self._execute("DELETE FROM stances WHERE story_id = ?", (story_id,))
        for quote in document["quotes"]:
            self._execute(
                "INSERT INTO search_docs (kind, story_id, source, speaker, body) "
                "VALUES ('quote', ?, ?, ?, ?)",
                (story_id, sources[quote["article"]], quote["speaker_name"], quote["text"]),
            )
        for position, stance in enumerate(document["stances"]):
            evidence = " … ".join(c.get("text", "") for c in stance["evidence"])
            self._execute(
                "INSERT INTO stances (story_id, position, actor_name, issue, stance, date, "
                "source, evidence) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    story_id,
                    position,
                    stance["actor_name"],
                    stance["issue"],
                    stance["stance"],
                    stance["date"],
                    sources[stance["article"]],
                    evidence,
                ),
            )

    # --- corpus mode ------------------------------------------------------------------

    def add_to_corpus(self, article: Article, signature: bytes, features: dict[str, float]) -> bool:
        """Store a cleaned article once; → False when its text is already in the corpus."""
        with self._transaction():
            known = self._fetch("SELECT 1 FROM corpus WHERE article_key = ?", (article.key,))
            if known:
                return False
            self._put_article(article)
            self._execute(
                "INSERT INTO corpus (article_key, source, outlet, published, title, signature, "
                "features) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    article.key,
                    article.source,
                    article.outlet,
                    article.published,
                    article.title,
                    signature,
                    json.dumps(features, sort_keys=True),
                ),
            )
        return True

    def corpus_entries(self) -> Iterator[tuple[CorpusEntry, Placement | None]]:
        """Every corpus article in arrival order, with its placement once grouped."""
        last = -1
        while True:
            rows = self._fetch(
                "SELECT seq, article_key, source, outlet, published, title, signature, features, "
                "story_id, duplicate_of, score FROM corpus WHERE seq > ? ORDER BY seq LIMIT ?",
                (last, PAGE),
            )
            for seq, key, source, outlet, published, title, sig, feats, story, dup, score in rows:
                entry = CorpusEntry(
                    key, source, outlet, published, title, bytes(sig), json.loads(feats)
                )
                placed = None if story is None else Placement(key, story, dup, float(score))
                yield entry, placed
                last = seq
            if len(rows) < PAGE:
                return

    def place(self, placements: list[Placement]) -> None:
        """Record grouping decisions; a placed article never moves again."""
        with self._transaction():
            for p in placements:
                self._execute(
                    "UPDATE corpus SET story_id = ?, duplicate_of = ?, score = ? "
                    "WHERE article_key = ? AND story_id IS NULL",
                    (p.story, p.duplicate_of, p.score, p.key),
                )

    def corpus_stories(self) -> list[CorpusStory]:
        """Every story with its size, date range and outlets; largest first."""
        outlets: dict[str, list[str]] = {}
        for story, outlet in self._fetch(
            "SELECT DISTINCT story_id, outlet FROM corpus "
            "WHERE story_id IS NOT NULL AND outlet IS NOT NULL ORDER BY story_id, outlet"
        ):
            outlets.setdefault(story, []).append(outlet)
        titles: dict[str, str] = {}
        for story, title in self._fetch(
            "SELECT story_id, title FROM corpus "
            "WHERE story_id IS NOT NULL AND title IS NOT NULL ORDER BY seq"
        ):
            titles.setdefault(story, title)
        rows = self._fetch(
            "SELECT story_id, COUNT(*), COUNT(duplicate_of), MIN(published), MAX(published) "
            "FROM corpus WHERE story_id IS NOT NULL GROUP BY story_id "
            "ORDER BY COUNT(*) DESC, MIN(seq)"
        )
        return [
            CorpusStory(
                story,
                int(n),
                int(copies),
                first,
                last,
                tuple(outlets.get(story, ())),
                titles.get(story),
            )
            for story, n, copies, first, last in rows
        ]

    def story_members(self, story_id: str) -> list[tuple[CorpusEntry, Placement]]:
        """A corpus story's articles in arrival order."""
        rows = self._fetch(
            "SELECT article_key, source, outlet, published, title, signature, features, "
            "duplicate_of, score FROM corpus WHERE story_id = ? ORDER BY seq",
            (story_id,),
        )
        return [
            (
                CorpusEntry(key, source, outlet, published, title, bytes(sig), json.loads(feats)),
                Placement(key, story_id, dup, float(score)),
            )
            for key, source, outlet, published, title, sig, feats, dup, score in rows
        ]

    # --- search and actors ------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles and dossier quotes matching every word of ``query``, best first."""
        words = query_words(query)
        if not words:
            return []
        return [SearchHit(*row) for row in self._search_rows(words, limit)]

    def actor_quotes(self, name: str, limit: int = 500) -> list[ActorQuote]:
        """Every quote a stored dossier gives to ``name`` (any letter case), story by story."""
        rows = self._fetch(
            "SELECT d.story_id, s.title, d.source, d.body FROM search_docs d "
            "JOIN stories s ON s.id = d.story_id "
            "WHERE d.kind = 'quote' AND lower(d.speaker) = lower(?) "
            f"ORDER BY s.{self.order_sql}, d.id LIMIT ?",
            (name, limit),
        )
        return [ActorQuote(*r) for r in rows]

    def actor_stances(self, name: str, limit: int = 500) -> list[ActorStance]:
        """Every stance a stored dossier found for ``name``, oldest dated first."""
        rows = self._fetch(
            "SELECT t.story_id, s.title, t.issue, t.stance, t.date, t.source, t.evidence "
            "FROM stances t JOIN stories s ON s.id = t.story_id "
            "WHERE lower(t.actor_name) = lower(?) "
            f"ORDER BY t.date IS NULL, t.date, s.{self.order_sql}, t.position LIMIT ?",
            (name, limit),
        )
        return [ActorStance(*r) for r in rows]
