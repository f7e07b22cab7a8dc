"""Admin views that are not plain model editing: the report (with XLSX export) and the import."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.admin_views import PermissionRequiredMixin, SingleViewSet, SpreadsheetImportView
from home.spreadsheets import xlsx_response

from .forms import ImportForm, ReportFilterForm
from .services import reports
from .services.enrolment_import import import_learners, read_rows

REPORT_PERMISSION = "training.view_training_report"
IMPORT_PERMISSION = "training.add_enrolment"


class ReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = REPORT_PERMISSION
    template_name = "training/admin/report.html"
    page_title = gettext_lazy("Báo cáo đào tạo")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = ReportFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        courses = reports.report_courses(filters.get("programme"))
        if filters.get("course"):
            courses = courses.filter(pk=filters["course"].pk)
        data = reports.build_report(courses, filters.get("date_from"), filters.get("date_to"))
        if request.GET.get("format") == "xlsx" and not form.errors:
            content = reports.export_xlsx(data, filters.get("date_from"), filters.get("date_to"))
            return xlsx_response(content, f"bao-cao-dao-tao-{timezone.localdate():%Y%m%d}.xlsx")
        query = request.GET.copy()
        query["format"] = "xlsx"
        context = self.get_context_data(
            form=form, reports=data, columns=reports.COLUMNS, export_query=query.urlencode()
        )
        return self.render_to_response(context)


class ImportView(SpreadsheetImportView):
    permission = IMPORT_PERMISSION
    template_name = "training/admin/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Nhập danh sách học viên")

    def get_success_url(self):
        return reverse("training_import:index")

    def read_rows(self, uploaded):
        return read_rows(uploaded)

    def run_import(self, form, rows):
        return import_learners(
            form.cleaned_data["course"],
            rows,
            by=self.request.user,
            send_invitations=form.cleaned_data["send_invitations"],
        )

    def success_message(self, result, rows):
        return _("Đã nhập %(rows)d dòng: %(created)d tài khoản mới, %(enrolled)d lượt ghi danh mới.") % {
            "rows": len(rows),
            "created": len(result.created),
            "enrolled": result.enrolled,
        }


class ReportViewSet(SingleViewSet):
    view_class = ReportView
    icon = "clipboard-list"
    menu_label = gettext_lazy("Báo cáo")
    name = "training_report"
    url_prefix = "dao-tao/bao-cao"


class ImportViewSet(SingleViewSet):
    view_class = ImportView
    icon = "upload"
    menu_label = gettext_lazy("Nhập danh sách học viên")
    name = "training_import"
    url_prefix = "dao-tao/nhap-danh-sach"
