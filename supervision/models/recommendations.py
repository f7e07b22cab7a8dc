"""Recommendations (kiến nghị) sent after a round, and their follow-up.

Their status changes only through :data:`supervision.services.WORKFLOW` (the portal's one moderation
machinery, :class:`feedback.workflow.Workflow`), which records who, when and a note for each change.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RecommendationStatus(models.TextChoices):
    SENT = "sent", _("Đã gửi")
    ANSWERED = "answered", _("Đã có trả lời")
    RESOLVED = "resolved", _("Đã giải quyết")
    PARTLY_RESOLVED = "partly_resolved", _("Giải quyết một phần")
    NOT_RESOLVED = "not_resolved", _("Chưa giải quyết")
    RE_RECOMMENDED = "re_recommended", _("Đã kiến nghị lại")


class RecommendationQuerySet(models.QuerySet):
    def overdue(self, today=None):
        """Sent and not answered by their response deadline."""
        return self.filter(status=RecommendationStatus.SENT, deadline__lt=today or timezone.localdate())

    def for_listing(self):
        return self.select_related("round", "round__lead_unit")


class Recommendation(models.Model):
    round = models.ForeignKey(
        "supervision.SupervisionRound",
        verbose_name=_("Đợt giám sát"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    addressee = models.CharField(_("Cơ quan nhận kiến nghị"), max_length=255)
    text = models.TextField(_("Nội dung kiến nghị"))
    sent_on = models.DateField(_("Ngày gửi"), default=timezone.localdate)
    deadline = models.DateField(_("Hạn trả lời"))
    status = models.CharField(
        _("Trạng thái"),
        max_length=20,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.SENT,
        db_index=True,
        editable=False,
    )
    response = models.TextField(_("Nội dung trả lời"), blank=True, editable=False)
    response_date = models.DateField(_("Ngày nhận trả lời"), null=True, blank=True, editable=False)
    # Re-recommending makes a new recommendation pointing at the one it follows up.
    previous = models.OneToOneField(
        "self",
        verbose_name=_("Kiến nghị lại từ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="follow_up",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("Ngày tạo"), default=timezone.now, editable=False)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    events = GenericRelation("feedback.ModerationEvent")

    objects = RecommendationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kiến nghị sau giám sát")
        verbose_name_plural = _("Kiến nghị sau giám sát")
        ordering = ["deadline", "pk"]
        default_permissions = ("add", "change", "view")

    def __str__(self):
        return f"{self.addressee}: {self.text[:60]}"

    @property
    def status_label(self):
        return RecommendationStatus(self.status).label

    @property
    def is_overdue(self):
        return self.status == RecommendationStatus.SENT and self.deadline < timezone.localdate()

    @property
    def resolved_on_time(self):
        return (
            self.status == RecommendationStatus.RESOLVED
            and self.response_date is not None
            and self.response_date <= self.deadline
        )
