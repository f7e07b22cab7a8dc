from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModerationEvent(models.Model):
    """One line of an item's history: who did what, when, with which note.

    Generic (a content type and an id) so that feedback and reader comments share one history
    table and one way of recording it (:func:`feedback.workflow.record`). Never edited, never deleted
    by moderators.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người thực hiện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Who acted when there is no user: the sender (by tracking code) or the system.
    actor_label = models.CharField(_("Người thực hiện (ghi chú)"), max_length=100, blank=True)
    action = models.CharField(_("Thao tác"), max_length=40)
    from_state = models.CharField(_("Trạng thái trước"), max_length=20, blank=True)
    to_state = models.CharField(_("Trạng thái sau"), max_length=20, blank=True)
    note = models.TextField(_("Ghi chú"), blank=True)
    data = models.JSONField(_("Dữ liệu"), default=dict, blank=True)
    created_at = models.DateTimeField(_("Thời điểm"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Lịch sử xử lý")
        verbose_name_plural = _("Lịch sử xử lý")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.action} {self.created_at:%d/%m/%Y %H:%M}"

    @property
    def who(self):
        if self.actor_id:
            return str(self.actor)
        return self.actor_label or _("Hệ thống")
