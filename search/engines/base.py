from dataclasses import dataclass, field

from search.terms import SearchTerms

SORT_RELEVANCE = "relevance"
SORT_NEWEST = "newest"


@dataclass(frozen=True)
class Filters:
    group: str = ""
    category: str = ""
    year: int | None = None


@dataclass(frozen=True)
class SearchRequest:
    terms: SearchTerms
    filters: Filters = Filters()
    sort: str = SORT_RELEVANCE
    offset: int = 0
    limit: int = 10


@dataclass
class Hit:
    """One result: the object (a specific page or a registered model instance) and its group."""

    obj: object
    group: str
    exact: bool = False
    # Highlighted HTML computed by the engine (Elasticsearch); the database engine leaves them empty.
    title_html: str = ""
    excerpt_html: str = ""


@dataclass
class EngineResult:
    total: int
    hits: list
    group_counts: dict = field(default_factory=dict)  # group -> count
    category_counts: dict = field(default_factory=dict)  # slug -> (name, count)
    year_counts: dict = field(default_factory=dict)  # year -> count
    engine: str = "database"


class EngineUnavailable(Exception):
    """The engine could not answer (Elasticsearch down, timed out, index missing)."""
