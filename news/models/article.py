"""The news article page and the queries that list articles."""

import datetime

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager, PageQuerySet
from wagtail.search import index

from feedback.models import CommentablePageMixin
from home import fragments
from home.blocks import BaseStreamBlock
from home.models import BasePage
from home.queries import exclude_private

from .. import seo
from .taxonomy import NewsArticleTag, NewsCategory, NewsTag

RELATED_COUNT = 4

# Sub-paths the news index answers itself; an article may not take one of them as its slug.
RESERVED_SLUGS = {"chuyen-muc", "the", "luu-tru", "rss", "atom"}


class NewsArticleQuerySet(PageQuerySet):
    def published(self):
        """Live and not at or below a restricted page (see home.queries)."""
        # (A published article always has a date; saying so lets SQLite read listings in date-index order.)
        return exclude_private(self.live().filter(first_published_at__isnull=False))

    def newest_first(self):
        # Ties broken by the page table's own id (the same number as pk), which the date index holds.
        return self.order_by("-first_published_at", "-id")

    def in_category(self, category):
        """EXISTS rather than a join, so the newest are found walking the date index."""
        through = NewsArticlePage.categories.through
        return self.filter(
            models.Exists(through.objects.filter(newsarticlepage_id=models.OuterRef("pk"), newscategory=category))
        )

    def tagged(self, tag):
        # The tag's article ids, read once (not per row): SQLite may look a correlated probe up by tag.
        return self.filter(pk__in=NewsArticleTag.objects.filter(tag=tag).values("content_object_id"))

    def for_listing(self):
        """What a card shows, in one query: the article without its body, and its image. The image's
        renditions are not read here: a card's picture is kept as HTML in the fragment cache
        (``home.images``), so they are looked up only when the card is rendered afresh."""
        return self.defer_streamfields().select_related("featured_image")

    def in_month(self, year, month):
        tz = timezone.get_current_timezone()
        start = datetime.datetime(year, month, 1, tzinfo=tz)
        end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
        return self.filter(first_published_at__gte=start, first_published_at__lt=end)


NewsArticleManager = PageManager.from_queryset(NewsArticleQuerySet)


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
        _("Tin nổi bật"), default=False, db_index=True, help_text=_("Tin nổi bật hiện lớn ở đầu trang chủ.")
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
        """The article's categories and tags, kept in the fragment cache until the next publish."""
        if not self.pk:
            return [], []
        return fragments.cached(f"article-labels:{self.pk}", self._read_labels)

    def _read_labels(self):
        """The article's categories and tags, read in one query (a UNION of the two)."""
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
        """``_read_neighbours``, kept in the fragment cache: they change only when an article is
        published, unpublished, moved or deleted, which replaces the cache's content version."""
        if not self.pk:
            return {"related": [], "previous": None, "next": None}
        return fragments.cached(f"article-neighbours:{self.pk}", self._read_neighbours)

    def _read_neighbours(self):
        """Related articles (sharing a category, newest first, this one excluded) and the previous and
        next article of the same news index: two plain queries read in date-index order (plus the
        related cards' renditions), so they cost the same with 100,000 articles as with ten."""
        if not self.pk:
            return {"related": [], "previous": None, "next": None}
        published = NewsArticlePage.objects.published()
        through = NewsArticlePage.categories.through
        category_ids = [category.pk for category in self.category_list]
        related = []
        if category_ids:
            shares_a_category = through.objects.filter(
                newsarticlepage_id=models.OuterRef("pk"), newscategory_id__in=category_ids
            )
            related = list(
                published.filter(models.Exists(shares_a_category))
                .exclude(pk=self.pk)
                .for_listing()
                .newest_first()[:RELATED_COUNT]
            )
        previous = following = None
        if self.first_published_at:
            # Strictly earlier and later (two articles published in the same microsecond do not happen
            # through the admin): each subquery walks the date index from this article and stops at one.
            siblings = published.sibling_of(self, inclusive=False)
            mine = self.first_published_at
            earlier = siblings.filter(first_published_at__lt=mine).order_by("-first_published_at")
            later = siblings.filter(first_published_at__gt=mine).order_by("first_published_at")
            ends = NewsArticlePage.objects.filter(
                models.Q(pk__in=earlier.values("pk")[:1]) | models.Q(pk__in=later.values("pk")[:1])
            ).only("id", "title", "url_path", "path", "depth", "first_published_at", "locale_id")
            for row in ends:
                if row.first_published_at < mine:
                    previous = row
                else:
                    following = row
        return {"related": related, "previous": previous, "next": following}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A preview shows the categories and tags being edited, not the saved ones.
            self._labels = (list(self.categories.all()), list(self.tags.all()))
            self.neighbours = self._read_neighbours()
        # Routed through the news index, the article knows it; in a preview it is looked up.
        # (The index model is looked up by name: news.models.index imports this module.)
        index_model = apps.get_model("news", "NewsIndexPage")
        index_page = getattr(self, "_news_index", None) or index_model.objects.parent_of(self).first()
        # Read only when the template draws them: most requests take the article's HTML from its
        # fragments (templates/news/news_article_page.html) and need none of these.
        meta = SimpleLazyObject(lambda: seo.article_meta(self, request, index_page))
        context.update(
            index_page=index_page,
            feeds=lambda: index_page.feeds(request=request),
            related_articles=lambda: self.neighbours["related"],
            previous_article=lambda: self.neighbours["previous"],
            next_article=lambda: self.neighbours["next"],
            print_view=request.GET.get("in") == "1",
            **{name: (lambda name=name: meta[name]) for name in seo.ARTICLE_META},
        )
        return context
