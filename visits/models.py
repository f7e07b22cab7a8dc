"""Visit counts: how many readers opened each page each day, and the whole site each day.

Nothing about a reader is stored: no address, no cookie, no identifier; only numbers per page per day
(``visits.counter`` decides what counts).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PageVisitDay(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Trang"), on_delete=models.CASCADE, related_name="visit_days"
    )
    date = models.DateField(_("Ngày"))
    count = models.PositiveIntegerField(_("Lượt xem"), default=0)

    class Meta:
        verbose_name = _("Lượt xem trang theo ngày")
        verbose_name_plural = _("Lượt xem trang theo ngày")
        constraints = [models.UniqueConstraint(fields=["page", "date"], name="visits_one_row_per_page_and_day")]
        indexes = [models.Index(fields=["date", "page"], name="visits_page_day_date")]
        permissions = [("view_visit_report", _("Xem báo cáo lượt truy cập"))]

    def __str__(self):
        return f"{self.page_id} {self.date}: {self.count}"


class SiteVisitDay(models.Model):
    """The whole site's count per day: the footer's total reads a few hundred rows, not every page's."""

    date = models.DateField(_("Ngày"), unique=True)
    count = models.PositiveBigIntegerField(_("Lượt xem"), default=0)

    class Meta:
        verbose_name = _("Lượt truy cập theo ngày")
        verbose_name_plural = _("Lượt truy cập theo ngày")

    def __str__(self):
        return f"{self.date}: {self.count}"
