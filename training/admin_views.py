"""Admin views that are not plain model editing: the report (with XLSX export) and the import."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from home.spreadsheets import xlsx_response

from .forms import ImportForm, ReportFilterForm
from .models import Programme
from .services import reports
from .services.enrolment_import import ImportFileError, import_learners, read_rows

REPORT_PERMISSION = "training.view_training_report"
IMPORT_PERMISSION = "training.add_enrolment"


class PermissionRequiredMixin:
    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


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
        # Attendance counts beside completions; a report of one course leaves the events out.
        event_data = (
            []
            if filters.get("course")
            else reports.build_event_report(reports.report_events(filters.get("programme"))[:200])
        )
        if request.GET.get("format") == "xlsx" and not form.errors:
            content = reports.export_xlsx(
                data, filters.get("date_from"), filters.get("date_to"), event_reports=event_data
            )
            return xlsx_response(content, f"bao-cao-dao-tao-{timezone.localdate():%Y%m%d}.xlsx")
        query = request.GET.copy()
        query["format"] = "xlsx"
        context = self.get_context_data(
            form=form,
            reports=data,
            columns=reports.COLUMNS,
            event_reports=event_data,
            event_columns=reports.EVENT_COLUMNS,
            export_query=query.urlencode(),
        )
        return self.render_to_response(context)


class ProgrammeReportForm(forms.Form):
    programme = forms.ModelChoiceField(label=gettext_lazy("Đề án"), queryset=Programme.objects.all())


class ProgrammeReportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    """Cadres trained per unit by a programme: course completions and attendance, and either."""

    permission = REPORT_PERMISSION
    template_name = "training/admin/programme_report.html"
    page_title = gettext_lazy("Báo cáo đề án")
    header_icon = "clipboard-list"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        form = ProgrammeReportForm(request.GET or None)
        report = reports.build_programme_report(form.cleaned_data["programme"]) if form.is_valid() else None
        if report is not None and request.GET.get("format") == "xlsx":
            content = reports.export_programme_xlsx(report)
            return xlsx_response(content, f"bao-cao-de-an-{report.programme.slug}-{timezone.localdate():%Y%m%d}.xlsx")
        query = request.GET.copy()
        query["format"] = "xlsx"
        context = self.get_context_data(
            form=form, report=report, columns=reports.PROGRAMME_COLUMNS, export_query=query.urlencode()
        )
        return self.render_to_response(context)


class ImportView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    permission = IMPORT_PERMISSION
    template_name = "training/admin/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Nhập danh sách học viên")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        try:
            rows = read_rows(form.cleaned_data["file"])
        except ImportFileError as error:
            form.add_error("file", error.message)
            return self.form_invalid(form)
        result = import_learners(
            form.cleaned_data["course"],
            rows,
            by=self.request.user,
            send_invitations=form.cleaned_data["send_invitations"],
        )
        if not result.ok:
            form.add_error(None, _("Chưa nhập dòng nào: xin sửa các dòng dưới đây rồi gửi lại tệp."))
            return self.render_to_response(self.get_context_data(form=form, row_errors=result.errors), status=400)
        messages.success(
            self.request,
            _("Đã nhập %(rows)d dòng: %(created)d tài khoản mới, %(enrolled)d lượt ghi danh mới.")
            % {"rows": len(rows), "created": len(result.created), "enrolled": result.enrolled},
        )
        return redirect(reverse("training_import:index"))


class PermissionMenuItem(MenuItem):
    permission = None

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class _SingleViewSet(ViewSet):
    """A menu entry and URL for one custom admin view, shown only with the view's permission."""

    view_class = None
    url_name = None

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(), name="index")]

    @property
    def menu_item_class(self):
        return type("TrainingMenuItem", (PermissionMenuItem,), {"permission": self.view_class.permission})


class ReportViewSet(_SingleViewSet):
    view_class = ReportView
    icon = "clipboard-list"
    menu_label = gettext_lazy("Báo cáo")
    name = "training_report"
    url_prefix = "dao-tao/bao-cao"


class ProgrammeReportViewSet(_SingleViewSet):
    view_class = ProgrammeReportView
    icon = "clipboard-list"
    menu_label = gettext_lazy("Báo cáo đề án")
    name = "training_programme_report"
    url_prefix = "dao-tao/bao-cao-de-an"


class ImportViewSet(_SingleViewSet):
    view_class = ImportView
    icon = "upload"
    menu_label = gettext_lazy("Nhập danh sách học viên")
    name = "training_import"
    url_prefix = "dao-tao/nhap-danh-sach"
