"""The editable lists a document is filed under: its type, its field (lĩnh vực) and who issued it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from home.spreadsheet_import import header_key
from home.text import slugify_vi


class TaxonomyQuerySet(models.QuerySet):
    def by_folded_name(self):
        """``{folded name: item}``, to match what a spreadsheet says ("ke hoach", "Kế hoạch")."""
        return {header_key(item.name): item for item in self}


class DocumentTaxonomy(models.Model):
    """A name editors manage, with the ASCII slug the register's filters use in their addresses."""

    name = models.CharField(_("Tên"), max_length=150, unique=True)
    slug = models.SlugField(
        _("Đường dẫn"),
        max_length=150,
        unique=True,
        blank=True,
        help_text=_("Chữ không dấu, dùng trong địa chỉ bộ lọc. Để trống sẽ tự tạo từ tên."),
    )
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=10, help_text=_("Số nhỏ đứng trước."))

    objects = TaxonomyQuerySet.as_manager()
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.slug = self.slug or slugify_vi(self.name, max_length=150)
        if not self.slug:
            raise ValidationError({"name": _("Tên cần có chữ hoặc số.")})
        if type(self).objects.filter(slug=self.slug).exclude(pk=self.pk).exists():
            raise ValidationError({"slug": _("Đường dẫn này đã có mục khác dùng.")})

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify_vi(self.name, max_length=150)
        super().save(*args, **kwargs)


class DocumentType(DocumentTaxonomy):
    """Nghị quyết, chương trình, kế hoạch, hướng dẫn, công văn, thông báo, quyết định, báo cáo..."""

    class Meta(DocumentTaxonomy.Meta):
        verbose_name = _("Loại văn bản")
        verbose_name_plural = _("Loại văn bản")


class DocumentArea(DocumentTaxonomy):
    """The field (lĩnh vực) a document belongs to."""

    class Meta(DocumentTaxonomy.Meta):
        verbose_name = _("Lĩnh vực văn bản")
        verbose_name_plural = _("Lĩnh vực văn bản")


class IssuingBody(DocumentTaxonomy):
    """Who issued it: the union's own bodies, and the higher ones whose documents it republishes."""

    class Meta(DocumentTaxonomy.Meta):
        verbose_name = _("Cơ quan ban hành")
        verbose_name_plural = _("Cơ quan ban hành")
