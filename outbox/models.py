import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# A pending message older than this was never handed to the queue (or the queue lost it).
STALE_PENDING = datetime.timedelta(minutes=10)


class MessageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What ``user`` may read: the messages whose ``audience`` permission they hold."""
        if not user.is_active:
            return self.none()
        if user.is_superuser:
            return self
        if not user.has_perm("outbox.view_message"):
            return self.none()
        return self.filter(audience__in=user.get_all_permissions())

    def failed(self):
        return self.filter(state__in=[Message.State.FAILED, Message.State.GAVE_UP])

    def due(self, now):
        """Failed messages whose next attempt has come, pending ones the queue never sent, and sends
        whose claim lapsed (the process died while sending)."""
        return self.filter(
            Q(state__in=[Message.State.FAILED, Message.State.SENDING], next_attempt_at__lte=now)
            | Q(state=Message.State.PENDING, created_at__lte=now - STALE_PENDING)
        )


class Message(models.Model):
    """One e-mail waiting to go, sent, or failed.

    It is rendered and stored by the sender inside its transaction and sent by a task after the
    commit. ``audience`` is the permission (``app_label.codename``) staff need to read it in the
    admin; a ``confidential`` message (one carrying a password link) never shows its text there
    and forgets it once sent."""

    class State(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENDING = "sending", _("Đang gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi, sẽ thử lại")
        GAVE_UP = "gave_up", _("Gửi lỗi, đã dừng thử")

    kind = models.CharField(_("Loại"), max_length=40)
    recipient = models.EmailField(_("Người nhận"))
    subject = models.CharField(_("Tiêu đề"), max_length=255)
    body_text = models.TextField(_("Nội dung"))
    body_html = models.TextField(_("Nội dung HTML"), blank=True)
    audience = models.CharField(_("Quyền cần có để xem"), max_length=100)
    confidential = models.BooleanField(_("Chứa liên kết bí mật"), default=False)
    about_type = models.ForeignKey(
        ContentType, verbose_name=_("Về loại"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_id = models.BigIntegerField(_("Về mục số"), null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")
    state = models.CharField(_("Tình trạng"), max_length=20, choices=State.choices, default=State.PENDING)
    attempts = models.PositiveSmallIntegerField(_("Số lần thử"), default=0)
    last_error = models.TextField(_("Lỗi gần nhất"), blank=True)
    next_attempt_at = models.DateTimeField(_("Thử lại lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("Tạo lúc"), auto_now_add=True)
    sent_at = models.DateTimeField(_("Gửi lúc"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("Thư thông báo")
        verbose_name_plural = _("Thư thông báo")
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["state", "next_attempt_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipient}"
