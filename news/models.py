"""News: the news index (with its category, tag and monthly archive pages and feeds), articles,
categories (chuyên mục) and tags."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from feedback.models import CommentablePageMixin
from home.blocks import BaseStreamBlock
from home.models import BasePage
from home.queries import exclude_private
from home.text import slugify_vi

from . import seo
from .pagination import paginate

ARTICLES_PER_PAGE = 12
RELATED_COUNT = 4

# Sub-paths the news index answers itself; an article may not take one of them as its slug.
RESERVED_SLUGS = {"chuyen-muc", "the", "luu-tru", "rss", "atom"}


class NewsCategory(models.Model):
    """A chuyên mục: editors create and order them; every article belongs to one or more."""

    name = models.CharField(_("Tên chuyên mục"), max_length=100, unique=True)
    slug = models.SlugField(
        _("Đường dẫn"),
        max_length=100,
        unique=True,
        blank=True,
        help_text=_(
            "Chữ không dấu, nối bằng gạch ngang. Để trống sẽ tự tạo từ tên: “Đào tạo cán bộ” → dao-tao-can-bo."
        ),
    )
    description = models.TextField(
        _("Giới thiệu"), blank=True, max_length=500, help_text=_("Một hai câu hiện ở đầu trang chuyên mục.")
    )
    sort_order = models.PositiveSmallIntegerField(
        _("Thứ tự"), default=10, help_text=_("Số nhỏ đứng trước, trên trang chủ và trong danh sách chuyên mục.")
    )
    show_on_home = models.BooleanField(
        _("Hiện trên trang chủ"), default=True, help_text=_("Trang chủ hiện các tin mới nhất của chuyên mục này.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order"),
              FieldPanel("show_on_home")]  # fmt: skip

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("Chuyên mục")
        verbose_name_plural = _("Chuyên mục")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=100)
        if not self.slug:
            raise ValidationError({"name": _("Tên chuyên mục cần có chữ hoặc số.")})
        clash = NewsCategory.objects.filter(slug=self.slug).exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"slug": _("Đường dẫn này đã có chuyên mục khác dùng.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify_vi(self.name, max_length=100)
        super().save(*args, **kwargs)


class NewsTag(TagBase):
    """A tag with a Vietnamese ASCII slug (taggit's own slug would drop "đ")."""

    class Meta:
        verbose_name = _("Thẻ")
        verbose_name_plural = _("Thẻ")

    def slugify(self, tag, i=None):
        slug = slugify_vi(tag, max_length=90) or "the"
        return f"{slug}-{i}" if i is not None else slug


class NewsArticleTag(ItemBase):
    tag = models.ForeignKey(NewsTag, related_name="tagged_articles", on_delete=models.CASCADE)
    content_object = ParentalKey("news.NewsArticlePage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsArticleQuerySet(PageQuerySet):
    def published(self):
        """Live and not below a private page (checked in the same query, see home.queries)."""
        return exclude_private(self.live())

    def newest_first(self):
        return self.order_by("-first_published_at", "-pk")

    def for_listing(self):
        """What a card shows (image with its renditions, categories) in a fixed number of queries."""
        return self.select_related("featured_image").prefetch_related("featured_image__renditions")

    def in_month(self, year, month):
        tz = timezone.get_current_timezone()
        start = datetime.datetime(year, month, 1, tzinfo=tz)
        end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
        return self.filter(first_published_at__gte=start, first_published_at__lt=end)


NewsArticleManager = PageManager.from_queryset(NewsArticleQuerySet)


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

    def listing_context(self, request, articles, categories=None, **extra):
        page_obj = paginate(request, articles.for_listing(), ARTICLES_PER_PAGE)
        return {
            "page_obj": page_obj,
            "articles": page_obj.object_list,
            "categories": categories if categories is not None else list(NewsCategory.objects.all()),
            "feeds": self.feeds(),
            **extra,
        }

    def feeds(self, category=None):
        """(title, type, path) of the feeds a listing links from its ``<head>``."""
        base = self.url or ""
        if category:
            rss = base + self.reverse_subpage("category_rss", kwargs={"slug": category.slug})
            atom = base + self.reverse_subpage("category_atom", kwargs={"slug": category.slug})
            label = f"{self.title}: {category.name}"
        else:
            rss, atom, label = base + self.reverse_subpage("rss"), base + self.reverse_subpage("atom"), self.title
        return [(f"{label} (RSS)", "application/rss+xml", rss), (f"{label} (Atom)", "application/atom+xml", atom)]

    def route(self, request, path_components):
        # An article is fetched as a NewsArticlePage (with its featured image) in one query, where
        # Wagtail's generic routing takes two (the page, then its specific type).
        if len(path_components) == 1 and path_components[0] not in RESERVED_SLUGS and self.live:
            article = (
                NewsArticlePage.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related("featured_image")
                .first()
            )
            if article is not None:
                article._news_index = self
                return article.route(request, [])
        return super().route(request, path_components)

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
            context_overrides={"categories": categories, "heading": _("Tất cả chuyên mục"), "feeds": self.feeds()},
        )

    @path("chuyen-muc/<slug:slug>/")
    def category(self, request, slug):
        # The category is picked from the list the navigation shows anyway: no query of its own.
        categories = list(NewsCategory.objects.all())
        category = next((item for item in categories if item.slug == slug), None)
        if category is None:
            raise Http404
        context = self.listing_context(
            request,
            self.articles().filter(categories=category),
            categories=categories,
            category=category,
            heading=category.name,
        )
        context["feeds"] = self.feeds(category)
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    @path("the/<slug:slug>/")
    def tag(self, request, slug):
        tag = get_object_or_404(NewsTag, slug=slug)
        context = self.listing_context(
            request,
            self.articles().filter(tagged_items__tag=tag),
            tag=tag,
            heading=_("Thẻ: %(tag)s") % {"tag": tag.name},
        )
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    @path("luu-tru/")
    def archive(self, request):
        months = self.articles().datetimes("first_published_at", "month", order="DESC")
        return self.render(
            request,
            template="news/news_archive.html",
            context_overrides={"months": months, "heading": _("Lưu trữ tin theo tháng"), "feeds": self.feeds()},
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 < year < 3000):
            raise Http404
        context = self.listing_context(
            request,
            self.articles().in_month(year, month),
            heading=_("Tin tháng %(month)02d/%(year)d") % {"month": month, "year": year},
        )
        return self.render(request, template="news/news_listing.html", context_overrides=context)

    @path("rss/")
    def rss(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/")
    def atom(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)

    @path("chuyen-muc/<slug:slug>/rss/")
    def category_rss(self, request, slug):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self, get_object_or_404(NewsCategory, slug=slug))(request)

    @path("chuyen-muc/<slug:slug>/atom/")
    def category_atom(self, request, slug):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self, get_object_or_404(NewsCategory, slug=slug))(request)


class NewsArticlePage(CommentablePageMixin, BasePage):
    lead = models.TextField(
        _("Sapo (tóm tắt)"),
        max_length=600,
        help_text=_("Một đoạn ngắn in đậm dưới tiêu đề, cũng dùng khi chia sẻ lên mạng xã hội."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Nội dung"))
    featured_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ảnh ngang, rộng ít nhất 1200 điểm ảnh; hiện trên danh sách tin và khi chia sẻ."),
    )
    categories = ParentalManyToManyField(
        NewsCategory, verbose_name=_("Chuyên mục"), related_name="articles", blank=False
    )
    tags = ClusterTaggableManager(through=NewsArticleTag, verbose_name=_("Thẻ"), blank=True)
    author = models.CharField(
        _("Tác giả"), max_length=200, blank=True, help_text=_("Tên tác giả hoặc nhóm tác giả, hiện cuối bài.")
    )
    featured = models.BooleanField(
        _("Tin nổi bật"), default=False, help_text=_("Tin nổi bật hiện lớn ở đầu trang chủ.")
    )

    objects = NewsArticleManager()

    template = "news/news_article_page.html"
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("first_published_at"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("lead"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("author"),
                FieldPanel("featured"),
            ],
            heading=_("Phân loại và tác giả"),
        ),  # fmt: skip
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("comments_open")]

    class Meta:
        verbose_name = _("Bài viết")
        verbose_name_plural = _("Bài viết")

    def clean(self):
        super().clean()
        if self.slug in RESERVED_SLUGS or (self.slug or "").isdigit():
            raise ValidationError(
                {"slug": _("Đường dẫn này dành cho trang chuyên mục, lưu trữ hoặc RSS; chọn tên khác.")}
            )

    def get_meta_description(self):
        return self.search_description or self.lead

    @property
    def updated_at(self):
        """The last publication, when it came (more than a minute) after the first one."""
        first, last = self.first_published_at, self.last_published_at
        if first and last and last - first > datetime.timedelta(minutes=1):
            return last
        return None

    @cached_property
    def _labels(self):
        """The article's categories and tags, read in one query (a UNION of the two)."""
        if not self.pk:
            return [], []
        categories = (
            NewsCategory.objects.filter(articles=self)
            .order_by()
            .values_list("pk", "name", "slug", "sort_order", models.Value("c"))
        )
        tags = (
            NewsTag.objects.filter(tagged_articles__content_object=self)
            .order_by()
            .values_list("pk", "name", "slug", models.Value(0), models.Value("t"))
        )
        rows = sorted(categories.union(tags, all=True), key=lambda row: (row[3], row[1]))
        return (
            [NewsCategory(pk=pk, name=name, slug=slug, sort_order=order) for pk, name, slug, order, kind in rows
             if kind == "c"],
            [NewsTag(pk=pk, name=name, slug=slug) for pk, name, slug, _order, kind in rows if kind == "t"],
        )  # fmt: skip

    @property
    def category_list(self):
        return self._labels[0]

    @property
    def tag_list(self):
        return self._labels[1]

    @cached_property
    def neighbours(self):
        """Related articles (sharing a category, newest first, this one excluded) and the previous and
        next article of the same news index, in one query."""
        if not self.pk:
            return {"related": [], "previous": None, "next": None}
        published = NewsArticlePage.objects.published()
        through = NewsArticlePage.categories.through
        my_categories = through.objects.filter(newsarticlepage_id=self.pk).values("newscategory_id")
        sharing = through.objects.filter(newscategory_id__in=my_categories).values("newsarticlepage_id")
        related_ids = published.filter(pk__in=sharing).exclude(pk=self.pk).newest_first().values("pk")[:RELATED_COUNT]
        siblings = published.sibling_of(self, inclusive=False)
        previous_id = (
            siblings.filter(
                models.Q(first_published_at__lt=self.first_published_at)
                | models.Q(first_published_at=self.first_published_at, pk__lt=self.pk)
            )
            .newest_first()
            .values("pk")[:1]
        )
        next_id = (
            siblings.filter(
                models.Q(first_published_at__gt=self.first_published_at)
                | models.Q(first_published_at=self.first_published_at, pk__gt=self.pk)
            )
            .order_by("first_published_at", "pk")
            .values("pk")[:1]
        )
        if not self.first_published_at:
            previous_id = next_id = NewsArticlePage.objects.none().values("pk")

        def member_of(ids):
            return models.Case(
                models.When(pk__in=ids, then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )

        rows = list(
            NewsArticlePage.objects.filter(
                models.Q(pk__in=related_ids) | models.Q(pk__in=previous_id) | models.Q(pk__in=next_id)
            )
            .annotate(is_related=member_of(related_ids), is_previous=member_of(previous_id), is_next=member_of(next_id))
            .select_related("featured_image")
            .newest_first()
        )
        return {
            "related": [row for row in rows if row.is_related],
            "previous": next((row for row in rows if row.is_previous), None),
            "next": next((row for row in rows if row.is_next), None),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the categories and tags being edited, not the saved ones.
            self._labels = (list(self.categories.all()), list(self.tags.all()))
        # Routed through the news index, the article knows it; in a preview it is looked up.
        index_page = getattr(self, "_news_index", None) or NewsIndexPage.objects.parent_of(self).first()
        neighbours = self.neighbours
        context.update(
            index_page=index_page,
            feeds=index_page.feeds(),
            related_articles=neighbours["related"],
            previous_article=neighbours["previous"],
            next_article=neighbours["next"],
            print_view=request.GET.get("in") == "1",
            **seo.article_meta(self, request, index_page),
        )
        return context
