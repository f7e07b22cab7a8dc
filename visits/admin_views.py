"""The admin's "Lượt truy cập" report (Báo cáo menu): per page for a chosen month, per month for the site."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import reports

PER_PAGE = 50
FIRST_YEAR, LAST_YEAR = 2000, 2100


class ReportFilterForm(forms.Form):
    month = forms.CharField(label=_("Tháng"), required=False, max_length=7, help_text=_("Dạng MM/YYYY, ví dụ 11/2026."))
    title = forms.CharField(label=_("Tên trang có chứa"), required=False, max_length=100)

    def clean_month(self):
        value = self.cleaned_data["month"].strip()
        if not value:
            return None
        try:
            month = datetime.datetime.strptime(value, "%m/%Y").date()
        except ValueError:
            raise forms.ValidationError(_("Xin nhập tháng dạng MM/YYYY, ví dụ 11/2026.")) from None
        # 12/9999 would end past the last date Python knows (the report reads up to the next month's start).
        if not FIRST_YEAR <= month.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Xin chọn một tháng từ năm %(first)s đến năm %(last)s.") % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return month

    def clean_title(self):
        return " ".join(self.cleaned_data["title"].split())


class VisitReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "visits/admin/report.html"
    page_title = _("Lượt truy cập")
    header_icon = "view"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("visits.view_visit_report"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = ReportFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        month = filters.get("month") or timezone.localdate().replace(day=1)
        rows = reports.pages_in_month(month, filters.get("title", ""))
        per_month = reports.months()
        if request.GET.get("format") == "xlsx" and not form.errors:
            workbook = reports.export_xlsx(month, list(rows), per_month)
            return workbook.response(f"luot-truy-cap-{month:%Y-%m}.xlsx")
        query = request.GET.copy()
        query.pop("p", None)
        page_query = query.urlencode()
        query["format"] = "xlsx"
        page_obj = Paginator(rows, PER_PAGE).get_page(request.GET.get("p"))
        context = self.get_context_data(
            form=form,
            month=month,
            page_obj=page_obj,
            page_query=page_query,
            per_month=per_month[:24],
            export_query=query.urlencode(),
        )
        return self.render_to_response(context)


urlpatterns = [path("", VisitReportView.as_view(), name="index")]
