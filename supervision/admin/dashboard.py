"""The figures of the cycle in the admin ("Số liệu giám sát"), each table downloadable as XLSX."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.spreadsheets import Spreadsheet
from home.text import record_id

from .. import figures

PERMISSIONS = ("supervision.view_supervisionround", "feedback.view_feedback")


def can_view(user):
    return any(user.has_perm(permission) for permission in PERMISSIONS)


def _year(request):
    year = record_id(str(request.GET.get("nam", ""))[:4], digits=4)
    return year if year is not None and 2000 <= year <= 2100 else None


@never_cache
def dashboard_view(request):
    if not can_view(request.user):
        raise PermissionDenied
    year = _year(request)
    this_year = timezone.localdate().year
    context = {
        "tables": figures.all_tables(year),
        "year": year,
        "years": list(range(this_year, this_year - 6, -1)),
        "page_title": _("Số liệu giám sát"),
        "header_title": _("Số liệu công tác tiếp nhận, giám sát"),
    }
    return TemplateResponse(request, "supervision/admin/dashboard.html", context)


def write_table(spreadsheet, table):
    sheet = spreadsheet.sheet(table.title)
    sheet.append(table.columns, bold=True)
    for row, depth in table.lines():
        sheet.append(row, indent=depth)
    if table.note:
        sheet.append([])
        sheet.append([table.note])
    sheet.widths(48, *([18] * (len(table.columns) - 1)))


@never_cache
def export_view(request, slug):
    """One table (``slug``), or every table on its own sheet (``tat-ca``)."""
    if not can_view(request.user):
        raise PermissionDenied
    year = _year(request)
    if slug == "tat-ca":
        tables = figures.all_tables(year)
    elif slug in figures.TABLES:
        tables = [figures.TABLES[slug](year)]
    else:
        raise Http404
    spreadsheet = Spreadsheet()
    for table in tables:
        write_table(spreadsheet, table)
    suffix = f"-{year}" if year else ""
    return spreadsheet.response(f"so-lieu-giam-sat-{slug}{suffix}.xlsx")
