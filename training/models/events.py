"""Registration for a training event and attendance at it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã xác nhận")
    REJECTED = "rejected", _("Không được duyệt")
    CANCELLED = "cancelled", _("Đã hủy")


ACTIVE_STATUSES = (RegistrationStatus.PENDING, RegistrationStatus.APPROVED)


class Registration(models.Model):
    event = models.ForeignKey(
        "training.TrainingEventPage",
        verbose_name=_("Lớp tập huấn"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Học viên"), on_delete=models.CASCADE, related_name="registrations"
    )
    status = models.CharField(_("Trạng thái"), max_length=20, choices=RegistrationStatus.choices)
    registered_at = models.DateTimeField(_("Ngày đăng ký"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Ngày duyệt"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Đăng ký lớp tập huấn")
        verbose_name_plural = _("Đăng ký lớp tập huấn")
        ordering = ["registered_at"]
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="unique_event_registration")]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.user} - {self.event}"

    @property
    def is_active(self):
        return self.status in ACTIVE_STATUSES


class AttendanceSource(models.TextChoices):
    LIST = "list", _("Điểm danh trên danh sách")
    IMPORT = "import", _("Nhập từ danh sách ký")


class Attendance(models.Model):
    """A learner was at the event (recorded by a manager on the list, or from the signed sign-in sheet)."""

    event = models.ForeignKey(
        "training.TrainingEventPage",
        verbose_name=_("Lớp tập huấn"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Học viên"), on_delete=models.CASCADE, related_name="attendances"
    )
    source = models.CharField(_("Cách ghi nhận"), max_length=20, choices=AttendanceSource.choices)
    recorded_at = models.DateTimeField(_("Ghi nhận lúc"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("Điểm danh")
        verbose_name_plural = _("Điểm danh")
        constraints = [models.UniqueConstraint(fields=["event", "user"], name="unique_event_attendance")]

    def __str__(self):
        return f"{self.user} - {self.event}"
