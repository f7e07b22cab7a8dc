from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An email waiting to go, sent, or failed: the outbox that makes sends retryable and visible.

    The message is rendered and stored when the item is saved; a task sends it after the commit.
    A failure is recorded here (attempts, last error, next attempt) and shown in the admin; the
    task re-enqueues itself when the backend can defer, and ``manage.py retry_failed_notifications``
    (run by cron) picks up whatever is due.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi, sẽ thử lại")
        GAVE_UP = "gave_up", _("Gửi lỗi, đã dừng thử")

    kind = models.CharField(_("Loại"), max_length=40)
    recipient = models.EmailField(_("Người nhận"))
    subject = models.CharField(_("Tiêu đề"), max_length=255)
    body_text = models.TextField(_("Nội dung"))
    body_html = models.TextField(_("Nội dung HTML"), blank=True)
    feedback = models.ForeignKey(
        "feedback.Feedback",
        verbose_name=_("Ý kiến"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    state = models.CharField(_("Tình trạng"), max_length=20, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("Số lần thử"), default=0)
    last_error = models.TextField(_("Lỗi gần nhất"), blank=True)
    next_attempt_at = models.DateTimeField(_("Thử lại lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("Thư thông báo")
        verbose_name_plural = _("Thư thông báo")
        ordering = ["-created_at"]
        default_permissions = ("view",)
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"
