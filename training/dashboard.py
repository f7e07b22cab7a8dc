"""The training manager's dashboard panels: enrolments this month, the courses with the lowest
completion (a link to the report), the next training events. A fixed number of queries each."""

from django.db.models import Count, F, IntegerField, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import roles
from home.dashboard import DashboardPanel, Entry, Figure

from .models import CoursePage, Enrolment, TrainingEventPage

SHOWN = 5


def local_time(moment):
    return timezone.localtime(moment).strftime("%d/%m/%Y %H:%M")


def start_of_month():
    today = timezone.localdate()
    return timezone.make_aware(timezone.datetime(today.year, today.month, 1))


class TrainingPanel(DashboardPanel):
    roles = (roles.TRAINING_MANAGERS,)
    title = _("Đào tạo: khóa học hoàn thành thấp nhất")
    order = 50
    empty_text = _("Chưa có học viên ghi danh.")
    more_label = _("Xem báo cáo đào tạo")

    @property
    def more_url(self):
        return reverse("training_report:index")

    def get_figures(self):
        now = timezone.now()
        enrolments = Enrolment.objects.filter(enrolled_at__gte=start_of_month()).count()
        events = TrainingEventPage.objects.live().upcoming(now).count()
        return [
            Figure(_("lượt ghi danh trong tháng này"), enrolments, reverse("training_enrolments:index")),
            Figure(_("lớp tập huấn sắp diễn ra"), events),
        ]

    def get_entries(self):
        courses = (
            CoursePage.objects.live()
            .annotate(
                enrolled=Count("enrolments"),
                completed=Count("enrolments", filter=Q(enrolments__completed_at__isnull=False)),
            )
            .filter(enrolled__gt=0)
            .annotate(rate=Cast(F("completed") * 100 / F("enrolled"), IntegerField()))
            .only("pk", "title")
            .order_by("rate", "title")[:SHOWN]
        )
        return [
            Entry(
                course.title,
                reverse("wagtailadmin_pages:edit", args=(course.pk,)),
                [
                    _("%(rate)d%% hoàn thành") % {"rate": course.rate},
                    _("%(completed)d/%(enrolled)d học viên")
                    % {"completed": course.completed, "enrolled": course.enrolled},
                ],
                alert=course.rate < 50,
            )
            for course in courses
        ]


class UpcomingEventsPanel(DashboardPanel):
    roles = (roles.TRAINING_MANAGERS,)
    title = _("Lớp tập huấn sắp tới")
    order = 55
    empty_text = _("Không có lớp tập huấn nào sắp diễn ra.")

    def get_entries(self):
        from .admin_events import events_with_counts

        events = events_with_counts().upcoming(timezone.now())[:SHOWN]
        return [
            Entry(
                event.title,
                reverse("training_events:attendance", args=(event.pk,)),
                [
                    timezone.localtime(event.starts_at).strftime("%d/%m/%Y %H:%M"),
                    event.place or event.get_mode_display(),
                    _("%(registered)d đăng ký, %(pending)d chờ duyệt")
                    % {"registered": event.registered, "pending": event.pending},
                ],
            )
            for event in events
        ]
