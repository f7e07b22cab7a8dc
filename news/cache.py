"""Where an article is listed besides its ancestors, for the page cache's purge (home.pagecache)."""

from django.utils import timezone

from .models import NewsArticlePage, NewsCategory, NewsIndexPage


def listing_paths(page):
    """The news index's own routes that show ``page``: every category (and its feeds: a category
    change moves an article between them), the page's tags, the archive and its month, the feeds, and
    its previous and next articles (their links point at it)."""
    if not isinstance(page, NewsArticlePage):
        return []
    index = NewsIndexPage.objects.parent_of(page).first()
    parts = index.get_url_parts() if index is not None else None
    if not parts:
        return []
    base = parts[2]

    def route(name, **kwargs):
        return base + index.reverse_subpage(name, kwargs=kwargs or None)

    paths = [route(name) for name in ("all_categories", "archive", "rss", "atom")]
    for category in NewsCategory.objects.all():
        paths += [route(name, slug=category.slug) for name in ("category", "category_rss", "category_atom")]
    paths += [route("tag", slug=tag.slug) for tag in page.tags.all()]
    if page.first_published_at:
        local = timezone.localtime(page.first_published_at)
        paths.append(route("month", year=f"{local.year:04d}", month=f"{local.month:02d}"))
    for neighbour in (page.neighbours["previous"], page.neighbours["next"]):
        if neighbour is not None and (neighbour_parts := neighbour.get_url_parts()):
            paths.append(neighbour_parts[2])
    return paths
