"""The training manager's events: the list of events with their registrations and attendance, and
per event the registrations to approve, the attendance list and the sign-in sheet's import."""

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from home.admin_views import PermissionRequiredMixin, SingleViewSet
from home.spreadsheet_import import SpreadsheetError
from home.text import record_id

from .models import ACTIVE_STATUSES, Registration, TrainingEventPage
from .services import TrainingError, events
from .services.enrolment_import import import_attendance, read_sign_in_sheet

ATTENDANCE_PERMISSION = "training.change_registration"


class SignInSheetForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Danh sách ký tên (.xlsx hoặc .csv)"),
        help_text=gettext_lazy("Dòng đầu là tiêu đề: Họ và tên, Email. Tối đa 2 MB."),
    )


def events_with_counts():
    return (
        TrainingEventPage.objects.live()
        .annotate(
            registered=Count("registrations", filter=Q(registrations__status__in=ACTIVE_STATUSES), distinct=True),
            pending=Count("registrations", filter=Q(registrations__status="pending"), distinct=True),
            attended=Count("attendances", distinct=True),
        )
        .only("id", "title", "starts_at", "ends_at", "mode", "capacity", "place", "url_path", "path", "depth")
    )


class EventListView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = ATTENDANCE_PERMISSION
    template_name = "training/admin/events.html"
    page_title = gettext_lazy("Lớp tập huấn: đăng ký và điểm danh")
    header_icon = "calendar"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        now = timezone.now()
        listed = events_with_counts()
        return super().get_context_data(upcoming=listed.upcoming(now)[:100], past=listed.past(now)[:100], **kwargs)


class AttendanceView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    permission = ATTENDANCE_PERMISSION
    template_name = "training/admin/attendance.html"
    header_icon = "calendar"

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(TrainingEventPage, pk=kwargs["event_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.event.title

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("training_events:index"), "label": EventListView.page_title},
            {"url": "", "label": self.event.title},
        ]

    def get_context_data(self, **kwargs):
        kwargs.setdefault("sheet_form", SignInSheetForm())
        return super().get_context_data(event=self.event, rows=events.attendance_list(self.event), **kwargs)

    def here(self):
        return redirect(reverse("training_events:attendance", args=[self.event.pk]))

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        if action in ("approve", "reject"):
            registration = get_object_or_404(Registration, pk=request.POST.get("registration"), event=self.event)
            try:
                events.decide(registration, approve=action == "approve", by=request.user)
            except TrainingError as error:
                messages.error(request, error.message)
            return self.here()
        if action == "attendance":
            ids = {record_id(value) for value in request.POST.getlist("present")} - {None}
            count = events.set_attendance(self.event, ids, by=request.user)
            messages.success(request, _("Đã lưu điểm danh: %(count)d người có mặt.") % {"count": count})
            return self.here()
        return self.import_sheet(request)

    def import_sheet(self, request):
        form = SignInSheetForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(sheet_form=form), status=400)
        try:
            rows = read_sign_in_sheet(form.cleaned_data["file"])
        except SpreadsheetError as error:
            form.add_error("file", error.message)
            return self.render_to_response(self.get_context_data(sheet_form=form), status=400)
        result = import_attendance(self.event, rows, by=request.user)
        if not result.ok:
            form.add_error(None, _("Chưa ghi nhận dòng nào: xin sửa các dòng dưới đây rồi gửi lại tệp."))
            context = self.get_context_data(sheet_form=form, row_errors=result.errors)
            return self.render_to_response(context, status=400)
        messages.success(
            request,
            _("Đã nhập %(rows)d dòng; %(new)d người mới được ghi nhận có mặt.")
            % {"rows": len(rows), "new": result.enrolled},
        )
        return self.here()


class EventsViewSet(SingleViewSet):
    view_class = EventListView
    icon = "calendar"
    menu_label = gettext_lazy("Đăng ký, điểm danh")
    name = "training_events"
    url_prefix = "dao-tao/lop-tap-huan"

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:event_id>/", AttendanceView.as_view(), name="attendance"),
        ]
