"""Factories for news pages and categories (tests, and other apps' tests: search, comments)."""

import datetime

from django.utils import timezone

import factory

from home.factories import PageFactory

from .models import NewsArticlePage, NewsCategory, NewsIndexPage


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Chuyên mục {n}")
    description = "Tin hoạt động của các cấp Hội."
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = NewsCategory
        django_get_or_create = ("name",)


CategoryFactory = NewsCategoryFactory


class NewsIndexPageFactory(PageFactory):
    """``NewsIndexPageFactory(parent=home_page)``: the news index at ``/tin-tuc/``."""

    title = "Tin tức"
    slug = "tin-tuc"
    show_in_menus = True
    intro = "Tin hoạt động của Hội Liên hiệp Phụ nữ các cấp trong tỉnh."

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(PageFactory):
    """A published article. ``categories=[...]`` and ``tags=[...]`` are set after creation;
    ``first_published_at`` defaults to one hour earlier per article made."""

    title = factory.Sequence(lambda n: f"Hội phụ nữ xã tổ chức sinh hoạt chuyên đề số {n}")
    lead = "Hội viên phụ nữ cùng trao đổi kinh nghiệm giám sát và phản biện xã hội tại cơ sở."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Nội dung tin bài thử nghiệm.</p>")])
    author = "Phóng viên"
    live = True
    first_published_at = factory.Sequence(lambda n: timezone.now() - datetime.timedelta(hours=n + 1))
    last_published_at = factory.SelfAttribute("first_published_at")

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            # Written straight into the link table: saving the page again per article would be slow.
            through = NewsArticlePage.categories.through
            through.objects.bulk_create(
                [through(newsarticlepage_id=self.pk, newscategory_id=category.pk) for category in extracted]
            )

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)
            self.save()
