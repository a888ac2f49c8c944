"""The store's tables, written once; each backend fills in its dialect's few differences.

A ``Dialect`` names what SQLite and PostgreSQL spell differently: JSON and byte types,
timestamps, auto-numbered keys, the column that keeps insertion order, how a record's field
is read, and full-text search (FTS5 with triggers on SQLite, a generated ``tsvector`` and a GIN
index on PostgreSQL). ``migrations(dialect)`` gives the named migrations; never edit one that
has shipped, append a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Dialect:
    json: str  # a column holding one JSON record
    created: str  # a creation timestamp column, filled by the database
    now_text: str  # an expression for "now" as text, "YYYY-MM-DD HH:MM:SS" in UTC
    order_column: str  # a column that grows with insertion order in the stories table
    story_order: str  # the stories column declaring it ("" where the database has one)
    serial_key: str  # an auto-numbered integer primary key
    blob: str
    real: str
    record_field: str  # reading one field of a JSON record column, "{}" for its name
    two_newlines: str
    search_terms: str  # search_docs' column of indexed terms ("" where the index is apart)
    search_index: str  # the statements that index search_docs.body for full-text search


SQLITE = Dialect(
    json="TEXT",
    created="TEXT NOT NULL DEFAULT (datetime('now'))",
    now_text="datetime('now')",
    order_column="rowid",
    story_order="",
    serial_key="INTEGER PRIMARY KEY",
    blob="BLOB",
    real="REAL",
    record_field="json_extract(record, '$.{}')",
    two_newlines="char(10, 10)",
    search_terms="",
    search_index="""
        CREATE VIRTUAL TABLE search_fts USING fts5(
            body, content='search_docs', content_rowid='id', tokenize='porter unicode61'
        );
        CREATE TRIGGER search_docs_added AFTER INSERT ON search_docs BEGIN
            INSERT INTO search_fts (rowid, body) VALUES (new.id, new.body);
        END;
        CREATE TRIGGER search_docs_removed AFTER DELETE ON search_docs BEGIN
            INSERT INTO search_fts (search_fts, rowid, body) VALUES ('delete', old.id, old.body);
        END;""",
)

POSTGRES = Dialect(
    json="JSONB",
    created="TIMESTAMPTZ NOT NULL DEFAULT now()",
    now_text="to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')",
    order_column="seq",
    story_order="seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,",
    serial_key="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY",
    blob="BYTEA",
    real="DOUBLE PRECISION",
    record_field="(record->>'{}')",  # parenthesised: ->> binds no tighter than ||
    two_newlines="E'\\n\\n'",
    search_terms=",\n            terms TSVECTOR"
    " GENERATED ALWAYS AS (to_tsvector('english', body)) STORED",
    search_index="""
        CREATE INDEX search_docs_terms ON search_docs USING GIN (terms);""",
)


def migrations_table(d: Dialect) -> str:
    """The table that records which migrations a database has applied."""
    return f"CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at {d.created})"


def migrations(d: Dialect) -> tuple[tuple[str, str], ...]:
    """(name, script) in the order they apply, each once, each in its own transaction."""
    title, text = d.record_field.format("title"), d.record_field.format("text")
    stamp = f"TEXT NOT NULL DEFAULT ({d.now_text})"
    scripts = (
        (
            "001_articles_and_analyses",
            f"""
        CREATE TABLE articles (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            record {d.json} NOT NULL,
            created_at {d.created}
        );
        CREATE TABLE analyses (
            article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
            version TEXT NOT NULL,
            record {d.json} NOT NULL,
            created_at {d.created},
            PRIMARY KEY (article_key, version)
        );
        """,
        ),
        (
            "002_web_stories",
            f"""
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            {d.story_order}
            title TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'queued',
            stage TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0,
            total INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            document TEXT,
            created_at {stamp},
            updated_at {stamp}
        );
        CREATE TABLE story_inputs (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            content TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        );
        """,
        ),
        (
            "003_corpus_and_search",
            f"""
        CREATE TABLE corpus (
            seq {d.serial_key},
            article_key TEXT NOT NULL UNIQUE REFERENCES articles(key) ON DELETE CASCADE,
            source TEXT NOT NULL,
            outlet TEXT,
            published TEXT,
            title TEXT,
            signature {d.blob} NOT NULL,
            features TEXT NOT NULL,
            story_id TEXT,
            duplicate_of TEXT,
            score {d.real}
        );
        CREATE INDEX corpus_story ON corpus(story_id);
        CREATE TABLE search_docs (
            id {d.serial_key},
            kind TEXT NOT NULL,
            article_key TEXT REFERENCES articles(key) ON DELETE CASCADE,
            story_id TEXT REFERENCES stories(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            speaker TEXT,
            body TEXT NOT NULL{d.search_terms}
        );
        CREATE INDEX search_docs_article ON search_docs(article_key);
        CREATE INDEX search_docs_story ON search_docs(story_id);
        CREATE INDEX search_docs_speaker ON search_docs(lower(speaker));{d.search_index}
        INSERT INTO search_docs (kind, article_key, source, body)
            SELECT 'article', key, source,
                   coalesce({title} || {d.two_newlines}, '')
                   || {text}
            FROM articles;
        CREATE TABLE stances (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            actor_name TEXT NOT NULL,
            issue TEXT NOT NULL,
            stance TEXT NOT NULL,
            date TEXT,
            source TEXT NOT NULL,
            evidence TEXT NOT NULL,
            PRIMARY KEY (story_id, position)
        );
        CREATE INDEX stances_actor ON stances(lower(actor_name));
        """,
        ),
        (
            # What a story is re-run with when articles are added (the disputed question the
            # user gave, the summary's length), and a count of the dossiers it has had, so a
            # page rendered from one is never served for the next.
            "004_story_options",
            """
        ALTER TABLE stories ADD COLUMN issue TEXT;
        ALTER TABLE stories ADD COLUMN summary_sentences INTEGER NOT NULL DEFAULT 8;
        ALTER TABLE stories ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
        """,
        ),
    )
    return tuple((name, _without_blank_lines(script)) for name, script in scripts)


def _without_blank_lines(script: str) -> str:
    """A script without the lines an empty fill-in leaves behind."""
    return "\n".join(line for line in script.split("\n") if line.strip()) + "\n"
