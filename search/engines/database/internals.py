"""The private pieces of modelsearch (Wagtail's search library) that the database engine uses.

modelsearch offers no public way to read the SQLite FTS5 index with bm25() scores, to compile a
full-text match alone, or to name the backend classes the database backend picks per database. They are
named here, and only here; ``requirements.txt`` pins the modelsearch version they were read from, and
``tests/search/test_private_internals.py`` fails with the module's name when an upgrade moves one.

They are imported on first use: the SQLite modules cannot be imported on PostgreSQL (their index model
exists only on SQLite), and the PostgreSQL ones need the PostgreSQL driver.
"""

from importlib import import_module

# name -> (module, the database vendor it exists on)
PRIVATE = {
    "SQLiteSearchBackend": ("modelsearch.backends.database.sqlite.sqlite", "sqlite"),
    "BM25": ("modelsearch.backends.database.sqlite.query", "sqlite"),
    "MatchExpression": ("modelsearch.backends.database.sqlite.query", "sqlite"),
    "normalize": ("modelsearch.backends.database.sqlite.query", "sqlite"),
    "PostgresSearchBackend": ("modelsearch.backends.database.postgres.postgres", "postgresql"),
}

# Attributes of the SQLite backend's query compiler read to build a bare FTS5 match.
SQLITE_COMPILER_ATTRIBUTES = ("FTS_TABLE_FIELDS", "build_search_query", "query")


def private(name):
    """The private object ``name`` from its modelsearch module."""
    module, _vendor = PRIVATE[name]
    return getattr(import_module(module), name)


def vendor_of(name):
    return PRIVATE[name][1]
