"""The news index: the latest news, and below it categories, tags, the monthly archive and feeds."""

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from home import fragments
from home.models import BasePage
from home.pagination import canonical_query, paginate

from .article import RESERVED_SLUGS, NewsArticlePage
from .taxonomy import NewsCategory, NewsTag

ARTICLES_PER_PAGE = 12


def all_categories():
    """Every category, in order, kept until the next change (a category saved replaces the version)."""
    return fragments.cached("news-categories", lambda: list(NewsCategory.objects.all()))


class NewsIndexPage(RoutablePageMixin, BasePage):
    """``/tin-tuc/``: the latest news, and below it categories, tags, the monthly archive and feeds."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)

    template = "news/news_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Trang tin tức")
        verbose_name_plural = _("Trang tin tức")

    def get_meta_description(self):
        return self.search_description or self.intro

    def articles(self):
        return NewsArticlePage.objects.child_of(self).published().newest_first()

    def listing_context(self, request, articles, categories=None, count_key="latest", **extra):
        """The context of a listing. Its rows are read only when the template draws them: the list and its
        page numbers are kept as one fragment (``listing_key``: this address, tracking parameters left
        out) until the next change of content, so most requests read no row at all."""

        def page_of_articles():
            # The total (for the page numbers) counts every matching article: kept until the next change.
            return paginate(
                request, articles.for_listing(), ARTICLES_PER_PAGE, count_key=f"news-count:{self.pk}:{count_key}"
            )

        page_obj = SimpleLazyObject(page_of_articles)
        query = canonical_query(request)
        address = f"{request.path}?{query}" if query else request.path
        return {
            "page_obj": page_obj,
            "articles": SimpleLazyObject(lambda: page_obj.object_list),
            "listing_key": address,
            "listing_url": request.build_absolute_uri(address),  # the canonical link: no tracking parameters
            "categories": categories if categories is not None else all_categories(),
            "feeds": self.feeds(request=request),
            **extra,
        }

    def feeds(self, category=None, request=None):
        """(title, type, path) of the feeds a listing links from its ``<head>``."""
        base = self.get_url(request) or ""  # with the request, Wagtail reads the sites' paths once for it
        if category:
            rss = base + self.reverse_subpage("category_rss", kwargs={"slug": category.slug})
            atom = base + self.reverse_subpage("category_atom", kwargs={"slug": category.slug})
            label = f"{self.title}: {category.name}"
        else:
            rss, atom, label = base + self.reverse_subpage("rss"), base + self.reverse_subpage("atom"), self.title
        return [(f"{label} (RSS)", "application/rss+xml", rss), (f"{label} (Atom)", "application/atom+xml", atom)]

    def route(self, request, path_components):
        # An article is read as a NewsArticlePage with its featured image, and kept (like every routed page,
        # see BasePage.route) in the fragment cache until the next change.
        if len(path_components) == 1 and path_components[0] not in RESERVED_SLUGS and self.live:
            slug = path_components[0]
            article = fragments.cached(
                f"route-page:{self.pk}:{slug}", lambda: self.routed_child(slug), shared_only=True
            )
            if article is not None:
                article._news_index = self
                return article.route(request, [])
        return super().route(request, path_components)

    def routed_child(self, slug):
        return NewsArticlePage.objects.child_of(self).filter(slug=slug).select_related("featured_image").first()

    def category_url(self, category):
        return (self.url or "") + self.reverse_subpage("category", kwargs={"slug": category.slug})

    @path("")
    def latest(self, request):
        return self.render(request, context_overrides=self.listing_context(request, self.articles()))

    @path("chuyen-muc/")
    def all_categories(self, request):
        categories = NewsCategory.objects.annotate(
            article_count=models.Count(
                "articles",
                filter=models.Q(articles__live=True, articles__path__startswith=self.path),
                distinct=True,
            )
        )
        return self.render(
            request,
            template="news/news_categories.html",
            context_overrides={
                "categories": categories,
                "heading": _("Tất cả chuyên mục"),
                "feeds": self.feeds(request=request),
            },
        )

    @path("chuyen-muc/<slug:slug>/")
    def category(self, request, slug):
        # The category is picked from the list the navigation shows anyway: no query of its own.
        categories = all_categories()
        category = next((item for item in categories if item.slug == slug), None)
        if category is None:
            raise Http404
        context = self.listing_context(
            request,
            self.articles().in_category(category),
            count_key=f"category:{category.pk}",
            categories=categories,
            category=category,
            heading=category.name,
        )
        context["feeds"] = self.feeds(category, request=request)
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    @path("the/<slug:slug>/")
    def tag(self, request, slug):
        tag = get_object_or_404(NewsTag, slug=slug)
        context = self.listing_context(
            request,
            self.articles().tagged(tag),
            count_key=f"tag:{tag.pk}",
            tag=tag,
            heading=_("Thẻ: %(tag)s") % {"tag": tag.name},
        )
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    @path("luu-tru/")
    def archive(self, request):
        # Grouping every article by month reads them all: kept in the fragment cache until a change.
        months = fragments.cached(
            f"news-archive-months:{self.pk}",
            lambda: list(self.articles().datetimes("first_published_at", "month", order="DESC")),
        )
        return self.render(
            request,
            template="news/news_archive.html",
            context_overrides={
                "months": months,
                "heading": _("Lưu trữ tin theo tháng"),
                "feeds": self.feeds(request=request),
            },
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 < year < 3000):
            raise Http404
        context = self.listing_context(
            request,
            self.articles().in_month(year, month),
            count_key=f"month:{year}-{month}",
            heading=_("Tin tháng %(month)02d/%(year)d") % {"month": month, "year": year},
        )
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    @path("rss/")
    def rss(self, request):
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/")
    def atom(self, request):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("chuyen-muc/<slug:slug>/rss/")
    def category_rss(self, request, slug):
        from ..feeds import NewsRssFeed

        return NewsRssFeed(self, get_object_or_404(NewsCategory, slug=slug))(request)

    @path("chuyen-muc/<slug:slug>/atom/")
    def category_atom(self, request, slug):
        from ..feeds import NewsAtomFeed

        return NewsAtomFeed(self, get_object_or_404(NewsCategory, slug=slug))(request)
