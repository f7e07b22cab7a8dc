"""The admin report: visits per page for a month, and the site's visits per month; its XLSX export."""

import datetime

from django.db.models import Sum
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from home.spreadsheets import Spreadsheet

from .models import PageVisitDay, SiteVisitDay


def month_bounds(month):
    """``(first day, first day of the next month)`` of the month that contains ``month``."""
    start = month.replace(day=1)
    return start, (start + datetime.timedelta(days=32)).replace(day=1)


def months():
    """Every month with counts, newest first: ``[(first day, visits)]``."""
    rows = (
        SiteVisitDay.objects.annotate(month=TruncMonth("date"))
        .values("month")
        .annotate(total=Sum("count"))
        .order_by("-month")
    )
    return [(row["month"], row["total"]) for row in rows]


def pages_in_month(month, title=""):
    """``[{"page", "title", "url_path", "total"}]`` for the month, most visited first."""
    start, end = month_bounds(month)
    rows = PageVisitDay.objects.filter(date__gte=start, date__lt=end)
    if title:
        rows = rows.filter(page__title__icontains=title)
    return (
        rows.values("page", "page__title", "page__url_path", "page__locale__language_code")
        .annotate(total=Sum("count"))
        .order_by("-total", "page__title")
    )


def export_xlsx(month, rows, per_month):
    workbook = Spreadsheet()
    sheet = workbook.sheet(_("Theo trang %(month)s") % {"month": f"{month:%m-%Y}"})
    sheet.append([_("Trang"), _("Ngôn ngữ"), _("Đường dẫn nội bộ"), _("Lượt xem")], bold=True)
    for row in rows:
        sheet.append([row["page__title"], row["page__locale__language_code"], row["page__url_path"], row["total"]])
    sheet.widths(60, 10, 60, 12)
    summary = workbook.sheet(_("Theo tháng"))
    summary.append([_("Tháng"), _("Lượt truy cập")], bold=True)
    for first_day, total in per_month:
        summary.append([f"{first_day:%m/%Y}", total])
    summary.widths(12, 16)
    return workbook
