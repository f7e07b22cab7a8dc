from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Programme(models.Model):
    """A training programme (đề án) with its period; courses and events may belong to one."""

    name = models.CharField(_("Tên đề án"), max_length=255)
    code = models.CharField(_("Số hiệu"), max_length=60, blank=True, help_text=_("Ví dụ: Đề án 938."))
    start_date = models.DateField(_("Bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("Kết thúc"), null=True, blank=True)
    description = models.TextField(_("Mô tả"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("Đề án đào tạo")
        verbose_name_plural = _("Đề án đào tạo")
        ordering = ["-start_date", "name"]

    def __str__(self):
        return f"{self.code} - {self.name}" if self.code else self.name

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Ngày kết thúc phải sau ngày bắt đầu.")})
