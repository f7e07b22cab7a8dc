"""News queries used outside the news pages (home page sections)."""

from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Q

from accounts.roles import EDITORIAL_WORKFLOW
from home.queries import exclude_private

from .models import NewsArticlePage, NewsCategory, NewsIndexPage

# Articles go through the site-wide workflow (accounts/migrations/0003_editorial_workflow.py).
WORKFLOW_NAME = EDITORIAL_WORKFLOW
HOME_FEATURED_COUNT = 4
HOME_PER_CATEGORY = 4
HOME_MAX_CATEGORIES = 6


def featured_articles(count=HOME_FEATURED_COUNT):
    """Articles marked "featured", newest first, topped up with the newest others when too few are."""
    # Candidates: the newest featured and the newest of all, each read in a few rows (an index on
    # ``featured``, the date index); ordering all articles by "featured" would read every one.
    published = NewsArticlePage.objects.published().newest_first()
    featured = published.filter(featured=True).values("id")[:count]
    newest = published.values("id")[:count]
    return list(
        published.filter(Q(pk__in=featured) | Q(pk__in=newest))
        .for_listing()
        .order_by("-featured", "-first_published_at", "-pk")[:count]
    )


def latest_by_category(per_category=HOME_PER_CATEGORY, max_categories=HOME_MAX_CATEGORIES):
    """[(category, [articles])] for the categories shown on the home page, in four queries whatever
    the number of categories or articles: the categories; the articles that are among the newest of
    at least one of them (one small ``LIMIT`` subquery per category, each read in date order); which
    of those categories each belongs to; the image renditions."""
    categories = list(NewsCategory.objects.filter(show_on_home=True)[:max_categories])
    if not categories:
        return []
    published = NewsArticlePage.objects.published().newest_first()
    through = NewsArticlePage.categories.through
    # EXISTS rather than a join: the database walks the date index and stops after a few rows.
    newest = [
        published.filter(
            Exists(through.objects.filter(newsarticlepage_id=OuterRef("pk"), newscategory=category))
        ).values("id")[:per_category]
        for category in categories
    ]
    rows = list(
        published.filter(reduce(or_, (Q(pk__in=ids) for ids in newest)))
        .select_related("featured_image")
        .prefetch_related("featured_image__renditions")
    )
    pairs = through.objects.filter(newsarticlepage_id__in=[row.pk for row in rows], newscategory_id__in=categories)
    sections = {}
    for article_id, category_id in pairs.values_list("newsarticlepage_id", "newscategory_id"):
        sections.setdefault(category_id, set()).add(article_id)
    # Rows are newest first: a category's first ``per_category`` rows are its newest articles.
    return [
        (category, [row for row in rows if row.pk in sections[category.pk]][:per_category])
        for category in categories
        if category.pk in sections
    ]


def news_index():
    return exclude_private(NewsIndexPage.objects.live()).first()
