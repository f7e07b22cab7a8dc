"""News: the news index (with its category, tag and monthly archive pages and feeds), articles,
categories (chuyên mục) and tags."""

from .article import RELATED_COUNT, RESERVED_SLUGS, NewsArticleManager, NewsArticlePage, NewsArticleQuerySet
from .index import ARTICLES_PER_PAGE, NewsIndexPage
from .taxonomy import NewsArticleTag, NewsCategory, NewsTag

__all__ = [
    "ARTICLES_PER_PAGE",
    "RELATED_COUNT",
    "RESERVED_SLUGS",
    "NewsArticleManager",
    "NewsArticlePage",
    "NewsArticleQuerySet",
    "NewsArticleTag",
    "NewsCategory",
    "NewsIndexPage",
    "NewsTag",
]
