"""Supervision rounds (đợt giám sát): planned or unannounced, what prompted them, what was found."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RoundKind(models.TextChoices):
    THEMATIC = "thematic", _("Giám sát chuyên đề")
    UNANNOUNCED = "unannounced", _("Giám sát đột xuất")


class RoundStage(models.TextChoices):
    PLANNED = "planned", _("Đang chuẩn bị")
    IN_PROGRESS = "in_progress", _("Đang giám sát")
    FINISHED = "finished", _("Đã kết thúc")


class RoundQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, actual_end__isnull=False)

    def for_listing(self):
        return self.select_related("lead_unit", "area", "lead")


class SupervisionRound(models.Model):
    """A round and its findings; its recommendations follow it (:class:`Recommendation`).

    It reaches the public (/giam-sat/) once someone holding ``publish_supervisionround`` publishes it;
    the public page shows the topic, the body supervised, the dates, ``public_summary`` and every
    recommendation with its status, never the items that prompted it nor who sent them.
    """

    topic = models.CharField(_("Chủ đề giám sát"), max_length=255)
    area = models.ForeignKey(
        "feedback.Topic",
        verbose_name=_("Lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="supervision_rounds",
        help_text=_("Lĩnh vực ý kiến mà đợt giám sát thuộc về (dùng cho số liệu)."),
    )
    kind = models.CharField(_("Hình thức"), max_length=20, choices=RoundKind.choices, default=RoundKind.THEMATIC)
    supervised_body = models.CharField(_("Cơ quan, đơn vị được giám sát"), max_length=255)
    lead_unit = models.ForeignKey(
        "accounts.OrganisationUnit",
        verbose_name=_("Đơn vị chủ trì"),
        on_delete=models.PROTECT,
        related_name="supervision_rounds",
    )
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Trưởng đoàn (nhận thư nhắc)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_supervision_rounds",
    )
    members = models.TextField(_("Thành viên đoàn"), blank=True, help_text=_("Mỗi người một dòng: họ tên, chức vụ."))
    planned_start = models.DateField(_("Ngày bắt đầu dự kiến"))
    planned_end = models.DateField(_("Ngày kết thúc dự kiến"))
    actual_start = models.DateField(_("Ngày bắt đầu thực tế"), null=True, blank=True)
    actual_end = models.DateField(_("Ngày kết thúc thực tế"), null=True, blank=True)
    source_items = models.ManyToManyField(
        "feedback.Feedback",
        verbose_name=_("Ý kiến, phản ánh làm căn cứ"),
        blank=True,
        related_name="supervision_rounds",
    )
    source_sessions = models.ManyToManyField(
        "supervision.ForumSession",
        verbose_name=_("Phiên diễn đàn làm căn cứ"),
        blank=True,
        related_name="supervision_rounds",
    )
    findings = models.TextField(_("Kết quả giám sát (nội bộ)"), blank=True)
    public_summary = models.TextField(
        _("Tóm tắt kết quả công khai"),
        blank=True,
        help_text=_("Hiện trên trang công khai; không ghi họ tên, số điện thoại của người phản ánh."),
    )
    published_at = models.DateTimeField(_("Ngày công khai"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("Ngày tạo"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("Cập nhật"), auto_now=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("Đợt giám sát")
        verbose_name_plural = _("Đợt giám sát")
        ordering = ["-planned_start", "-pk"]
        default_permissions = ("add", "change", "view")
        permissions = [("publish_supervisionround", _("Có thể công khai kết quả giám sát"))]

    def __str__(self):
        return self.topic

    @property
    def stage(self):
        if self.actual_end:
            return RoundStage.FINISHED
        if self.actual_start:
            return RoundStage.IN_PROGRESS
        return RoundStage.PLANNED

    @property
    def stage_label(self):
        return RoundStage(self.stage).label

    @property
    def kind_label(self):
        return RoundKind(self.kind).label

    @property
    def is_published(self):
        return self.published_at is not None

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("supervision:round", args=[self.pk])
