from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from elearning.viewsets import PackageViewSet

from .admin_events import EventsViewSet
from .admin_views import ImportViewSet, ProgrammeReportViewSet, ReportViewSet
from .forms import CertificateAdminForm, EnrolmentAdminForm, QuizAdminForm
from .models import Certificate, Enrolment, Programme, Quiz, Reminder


class ProgrammeViewSet(ModelViewSet):
    model = Programme
    icon = "folder-open-inverse"
    menu_label = _("Đề án")
    list_display = ["name", "code", "start_date", "end_date"]
    search_fields = ["name", "code"]
    form_fields = ["name", "code", "slug", "start_date", "end_date", "description", "objectives"]


class QuizViewSet(ModelViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Bài kiểm tra")
    list_display = ["title", "course", "lesson", "pass_mark", "max_attempts"]
    list_filter = ["course"]
    search_fields = ["title"]

    def get_edit_handler(self):
        return ObjectList(Quiz.panels, base_form_class=QuizAdminForm).bind_to_model(Quiz)


class EnrolmentViewSet(ModelViewSet):
    model = Enrolment
    icon = "user"
    menu_label = _("Ghi danh")
    list_display = ["user", "course", "source", "enrolled_at", "completed_at"]
    list_filter = ["course", "source"]
    search_fields = ["user__full_name", "user__username", "user__email"]
    inspect_view_enabled = False

    def get_edit_handler(self):
        return ObjectList([FieldPanel("user"), FieldPanel("course")], base_form_class=EnrolmentAdminForm).bind_to_model(
            Enrolment
        )


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "success"
    menu_label = _("Chứng nhận")
    list_display = ["code", "holder_name", "course_title", "issued_at", "revoked_at"]
    list_filter = ["course"]
    search_fields = ["code", "holder_name", "user__username"]
    add_view_enabled = False
    copy_view_enabled = False

    def get_edit_handler(self):
        return ObjectList(
            [FieldPanel("revoked"), FieldPanel("revoked_reason")], base_form_class=CertificateAdminForm
        ).bind_to_model(Certificate)


class ReminderViewSet(ModelViewSet):
    """What reminder mails went to whom (the mails themselves are in "Thư thông báo")."""

    model = Reminder
    icon = "mail"
    menu_label = _("Thư nhắc học")
    list_display = ["user", "sent_at"]
    search_fields = ["user__full_name", "user__username", "user__email"]
    form_fields = ["user"]  # never edited: managers hold only the view permission
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = ["user", "sent_at", "courses", "events", "message"]


class TrainingViewSetGroup(ViewSetGroup):
    menu_label = _("Đào tạo")
    menu_icon = "calendar-check"
    menu_order = 250
    items = (
        QuizViewSet("training_quizzes", url_prefix="dao-tao/bai-kiem-tra"),
        PackageViewSet("training_packages", url_prefix="dao-tao/goi-bai-giang"),
        EnrolmentViewSet("training_enrolments", url_prefix="dao-tao/ghi-danh"),
        ImportViewSet(),
        EventsViewSet(),
        CertificateViewSet("training_certificates", url_prefix="dao-tao/chung-nhan"),
        ProgrammeViewSet("training_programmes", url_prefix="dao-tao/de-an"),
        ReportViewSet(),
        ProgrammeReportViewSet(),
        ReminderViewSet("training_reminders", url_prefix="dao-tao/thu-nhac-hoc"),
    )
