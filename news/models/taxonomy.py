"""Categories (chuyên mục) and tags of the news."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase
from wagtail.admin.panels import FieldPanel

from home.text import slugify_vi


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
