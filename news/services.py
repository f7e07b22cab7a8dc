"""News queries used outside the news pages (home page sections) and the editorial workflow set-up."""

from django.db.models import F, Prefetch, Window
from django.db.models.functions import RowNumber

from .models import NewsArticlePage, NewsCategory, NewsIndexPage

WORKFLOW_NAME = "Duyệt tin bài"
HOME_FEATURED_COUNT = 4
HOME_PER_CATEGORY = 4
HOME_MAX_CATEGORIES = 6


def featured_articles(count=HOME_FEATURED_COUNT):
    """Articles marked "featured", newest first, topped up with the newest others when too few are."""
    return list(
        NewsArticlePage.objects.published().for_listing().order_by("-featured", "-first_published_at", "-pk")[:count]
    )


def latest_by_category(per_category=HOME_PER_CATEGORY, max_categories=HOME_MAX_CATEGORIES):
    """[(category, [articles])] for the categories shown on the home page, in three queries whatever
    the number of categories: one for the categories, one for the newest articles of each (a window
    over the category), one for the image renditions."""
    categories = list(NewsCategory.objects.filter(show_on_home=True)[:max_categories])
    if not categories:
        return []
    ranked = (
        NewsArticlePage.objects.published()
        .filter(categories__in=categories)
        .annotate(
            section_id=F("categories"),
            rank=Window(
                RowNumber(), partition_by=F("categories"), order_by=[F("first_published_at").desc(), F("pk").desc()]
            ),
        )
        .filter(rank__lte=per_category)
        .select_related("featured_image")
        .prefetch_related(Prefetch("featured_image__renditions"))
        .order_by("section_id", "rank")
    )
    by_category = {}
    for article in ranked:
        by_category.setdefault(article.section_id, []).append(article)
    return [(category, by_category[category.pk]) for category in categories if category.pk in by_category]


def news_index():
    return NewsIndexPage.objects.live().public().first()


def attach_workflow(index_page):
    """Puts the news index (and so every article below it) under the "Duyệt tin bài" workflow,
    unless an administrator already chose another one for it."""
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME, active=True).first()
    if workflow is None:
        return None
    link, _created = WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})
    return link.workflow
