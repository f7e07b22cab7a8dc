from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from home.text import slugify_vi


class Programme(models.Model):
    """A training programme (đề án) with its period; courses and events may belong to one. Its public
    page (``/dao-tao/de-an/<slug>/``) lists them."""

    name = models.CharField(_("Tên đề án"), max_length=255)
    code = models.CharField(_("Số hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: Đề án 938."))
    slug = models.SlugField(
        _("Đường dẫn"), max_length=80, blank=True, help_text=_("Để trống để tạo từ tên đề án."), allow_unicode=False
    )
    start_date = models.DateField(_("Bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("Kết thúc"), null=True, blank=True)
    description = models.TextField(_("Mô tả"), blank=True, max_length=2000)
    objectives = models.TextField(
        _("Mục tiêu"), blank=True, max_length=4000, help_text=_("Mỗi mục tiêu một dòng; hiện trên trang công khai.")
    )

    class Meta:
        verbose_name = _("Đề án đào tạo")
        verbose_name_plural = _("Đề án đào tạo")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return f"{self.code} - {self.name}" if self.code else self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})

    def save(self, *args, **kwargs):
        if not self.slug:
            base = slugify_vi((self.code or self.name).replace("/", " "), max_length=70) or "de-an"
            slug, n = base, 1
            while Programme.objects.filter(slug=slug).exclude(pk=self.pk).exists():
                n += 1
                slug = f"{base}-{n}"
            self.slug = slug
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("training:programme", args=[self.slug])

    @property
    def objective_lines(self):
        return [line.strip(" -•\t") for line in self.objectives.splitlines() if line.strip(" -•\t")]
