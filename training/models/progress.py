import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_certificate_code():
    """16 random characters (about 79 bits) in groups of four: unguessable, easy to read."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


class EnrolmentSource(models.TextChoices):
    SELF = "self", _("Tự ghi danh")
    MANAGER = "manager", _("Quản lý ghi danh")
    IMPORT = "import", _("Nhập từ danh sách")


class Enrolment(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Học viên"), on_delete=models.CASCADE, related_name="enrolments"
    )
    course = models.ForeignKey(
        "training.CoursePage", verbose_name=_("Khóa học"), on_delete=models.CASCADE, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(_("Ngày ghi danh"), auto_now_add=True, db_index=True)
    source = models.CharField(_("Hình thức"), max_length=20, choices=EnrolmentSource.choices, default="self")
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi danh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    completed_at = models.DateTimeField(_("Hoàn thành"), null=True, blank=True)
    # When the learner last opened the course or one of its lessons (reminders read it; at most hourly).
    last_seen_at = models.DateTimeField(_("Lần học gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("Ghi danh")
        verbose_name_plural = _("Ghi danh")
        ordering = ["-enrolled_at"]
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="unique_enrolment")]
        permissions = [("view_training_report", "Xem báo cáo đào tạo")]

    def __str__(self):
        return f"{self.user} - {self.course}"


class LessonCompletion(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey("training.LessonPage", on_delete=models.CASCADE, related_name="completions")
    # Kept alongside the lesson so reports count per course without walking the page tree.
    course = models.ForeignKey("training.CoursePage", on_delete=models.CASCADE, related_name="lesson_completions")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Bài đã học")
        verbose_name_plural = _("Bài đã học")
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="unique_lesson_completion")]
        indexes = [models.Index(fields=["course", "user"])]

    def __str__(self):
        return f"{self.user_id} - {self.lesson_id}"


class Certificate(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Học viên"), on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        "training.CoursePage",
        verbose_name=_("Khóa học"),
        on_delete=models.PROTECT,
        related_name="certificates",
        null=True,
        blank=True,
    )
    # A certificate of attendance names an event instead of a course (the same code and verification).
    event = models.ForeignKey(
        "training.TrainingEventPage",
        verbose_name=_("Lớp tập huấn"),
        on_delete=models.PROTECT,
        related_name="certificates",
        null=True,
        blank=True,
    )
    code = models.CharField(
        _("Mã chứng nhận"), max_length=19, unique=True, default=new_certificate_code, editable=False
    )
    # Snapshots: the certificate says what was true on the day it was issued.
    holder_name = models.CharField(_("Người được cấp"), max_length=150)
    course_title = models.CharField(_("Tên khóa học"), max_length=255)
    score = models.DecimalField(_("Điểm bài cuối khóa (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    issued_at = models.DateTimeField(_("Ngày cấp"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("Ngày thu hồi"), null=True, blank=True)
    revoked_reason = models.CharField(_("Lý do thu hồi"), max_length=500, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thu hồi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Chứng nhận")
        verbose_name_plural = _("Chứng nhận")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="unique_certificate"),
            models.UniqueConstraint(fields=["user", "event"], name="unique_attendance_certificate"),
            models.CheckConstraint(
                condition=models.Q(course__isnull=False, event__isnull=True)
                | models.Q(course__isnull=True, event__isnull=False),
                name="certificate_for_a_course_or_an_event",
            ),
        ]

    def __str__(self):
        return f"{self.code} - {self.holder_name}"

    @property
    def is_valid(self):
        return self.revoked_at is None

    def get_absolute_url(self):
        return reverse("training:certificate_verify", args=[self.code])

    def get_print_url(self):
        return reverse("training:certificate_print", args=[self.code])
