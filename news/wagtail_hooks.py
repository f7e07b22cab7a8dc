from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home import fragments

from . import services
from .models import NewsCategory


class NewsCategoryViewSet(SnippetViewSet):
    model = NewsCategory
    icon = "folder-open-inverse"
    menu_label = _("Chuyên mục tin")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order", "show_on_home"]
    ordering = ["sort_order", "name"]


register_snippet(NewsCategoryViewSet)


@hooks.register("portal_home_sections")
def news_home_sections(request, home_page):
    """Featured news and the latest per category, for the home page: the same HTML for every visitor,
    kept in the fragment cache until the next publish (nothing in it depends on who asks)."""
    return fragments.cached(f"news-home-sections:{home_page.pk}", lambda: _render_home_sections(request, home_page))


def _render_home_sections(request, home_page):
    index_page = services.news_index()
    if index_page is None:
        return None
    featured = services.featured_articles()
    sections = services.latest_by_category()
    if not featured and not sections:
        return None
    return render_to_string(
        "news/home_sections.html",
        {"index_page": index_page, "featured": featured, "sections": sections, "page": home_page},
        request=request,
    )


@hooks.register("portal_cache_listing_paths")
def news_listing_paths(page):
    from .cache import listing_paths

    return listing_paths(page)


@hooks.register("portal_unit_links")
def unit_news_link(request, unit):
    """On a unit's page in the directory: its news, when articles carry a tag of the unit's name."""
    from django.utils.translation import gettext as _

    from .models import NewsArticlePage, NewsTag

    tag = NewsTag.objects.filter(name__iexact=unit.name).first()
    index = services.news_index()
    if tag is None or index is None or not NewsArticlePage.objects.published().tagged(tag).exists():
        return None
    return _("Tin hoạt động của đơn vị"), (index.url or "") + index.reverse_subpage("tag", kwargs={"slug": tag.slug})


@hooks.register("portal_dashboard_panels")
def news_dashboard_panels():
    from .dashboard import MyRecentArticlesPanel

    return [MyRecentArticlesPanel]
