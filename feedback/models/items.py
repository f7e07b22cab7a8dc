import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage
from ..uploads import KINDS


class Status(models.TextChoices):
    NEW = "new", _("Mới tiếp nhận")
    SPAM = "spam", _("Tin rác")
    REJECTED = "rejected", _("Không tiếp nhận")
    NEEDS_INFO = "needs_info", _("Cần bổ sung thông tin")
    ACCEPTED = "accepted", _("Đã tiếp nhận")
    FORWARDED = "forwarded", _("Đã chuyển cơ quan giải quyết")
    RESOLVED = "resolved", _("Đã giải quyết")
    PUBLISHED = "published", _("Đã công khai kết quả")


class Channel(models.TextChoices):
    """How an item reached the union: the public web form, or recorded by a cadre (feedback/intake.py)."""

    WEB = "web", _("Biểu mẫu trên cổng")
    FORUM = "forum", _("Diễn đàn lắng nghe ý kiến")
    PHONE = "phone", _("Điện thoại")
    LETTER = "letter", _("Thư, đơn gửi Hội")
    IN_PERSON = "in_person", _("Trực tiếp tại trụ sở Hội")


# Statuses after which the case is closed (counted from closed_at for anonymisation).
CLOSED_STATUSES = (Status.SPAM, Status.REJECTED, Status.RESOLVED, Status.PUBLISHED)
# Statuses that still wait for a moderator.
OPEN_STATUSES = (Status.NEW, Status.NEEDS_INFO, Status.ACCEPTED, Status.FORWARDED)


class Topic(models.Model):
    name = models.CharField(_("Tên lĩnh vực"), max_length=120, unique=True)
    description = models.CharField(
        _("Mô tả ngắn"), max_length=255, blank=True, help_text=_("Hiện dưới ô chọn lĩnh vực để người gửi chọn đúng.")
    )
    sensitive = models.BooleanField(
        _("Nhạy cảm"),
        default=False,
        help_text=_(
            "Bạo lực, xâm hại, sức khỏe...: ý kiến thuộc lĩnh vực này chỉ nhóm “Cán bộ tiếp nhận (nhạy cảm)” được xem."
        ),
    )
    active = models.BooleanField(_("Đang dùng"), default=True, help_text=_("Bỏ chọn để ẩn khỏi biểu mẫu gửi ý kiến."))
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Lĩnh vực ý kiến")
        verbose_name_plural = _("Lĩnh vực ý kiến")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class FeedbackQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What ``user`` may see in the admin: sensitive topics only with the dedicated permission."""
        if not user.has_perm("feedback.view_feedback"):
            return self.none()
        if user.has_perm("feedback.view_sensitive_feedback"):
            return self
        return self.exclude(topic__sensitive=True)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=Status.FORWARDED, deadline__lt=today)

    def published(self):
        return self.filter(status=Status.PUBLISHED).order_by("-published_at")

    def for_listing(self):
        return self.select_related("topic", "unit", "assignee")


class Feedback(models.Model):
    """One message sent through the listening forum, from arrival to its published resolution.

    Status changes go through :mod:`feedback.services` only; every change is a
    :class:`~feedback.models.ModerationEvent`.
    """

    code = models.CharField(_("Mã tra cứu"), max_length=14, unique=True, editable=False)
    status = models.CharField(_("Trạng thái"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    topic = models.ForeignKey(Topic, verbose_name=_("Lĩnh vực"), on_delete=models.PROTECT, related_name="items")
    unit = models.ForeignKey(
        "accounts.OrganisationUnit",
        verbose_name=_("Địa bàn"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_items",
    )
    # Personal data: shown to moderators only, erased by anonymisation.
    name = models.CharField(_("Họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    wants_reply = models.BooleanField(_("Muốn nhận trả lời"), default=False)
    content = models.TextField(_("Nội dung"))
    consent_at = models.DateTimeField(_("Đồng ý xử lý dữ liệu lúc"), null=True, blank=True)
    ip_fingerprint = models.CharField(max_length=32, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    duplicate_count = models.PositiveIntegerField(_("Số lần gửi trùng"), default=0)
    # Exactly one item per submission, enforced by the database (feedback.services.submit_feedback):
    # the hash of the one-time form token, and the content fingerprint of the first item with that content
    # and contact (released when a repeat arrives after the duplicate window, or on anonymisation).
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    dedupe_key = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)

    # How it arrived: web items are sent by the visitor; the others are recorded by a cadre (recorded_by)
    # with the date the union received them (received_on), through feedback.intake.record_item.
    channel = models.CharField(_("Kênh tiếp nhận"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    received_on = models.DateField(_("Ngày tiếp nhận"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Cán bộ ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recorded_feedback",
        editable=False,
    )

    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_feedback",
    )
    forwarded_to = models.CharField(_("Chuyển đến cơ quan"), max_length=255, blank=True)
    deadline = models.DateField(_("Hạn trả lời"), null=True, blank=True)
    rejection_reason = models.TextField(_("Lý do không tiếp nhận"), blank=True)
    answer = models.TextField(_("Kết quả giải quyết, trả lời"), blank=True)
    public_summary = models.TextField(
        _("Tóm tắt công khai"), blank=True, help_text=_("Nội dung đã lược bỏ thông tin cá nhân, hiện công khai.")
    )
    sender_confirmed_at = models.DateTimeField(_("Người gửi xác nhận đã giải quyết lúc"), null=True, blank=True)
    reopen_count = models.PositiveSmallIntegerField(_("Số lần mở lại"), default=0)

    created_at = models.DateTimeField(_("Ngày gửi"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("Cập nhật"), auto_now=True)
    resolved_at = models.DateTimeField(_("Ngày giải quyết"), null=True, blank=True)
    published_at = models.DateTimeField(_("Ngày công khai"), null=True, blank=True)
    closed_at = models.DateTimeField(_("Ngày khép lại"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("Đã ẩn danh lúc"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)

    events = GenericRelation("feedback.ModerationEvent")
    # Its e-mails in the portal's outbox (anonymisation blanks them with the item).
    notifications = GenericRelation(
        "outbox.Message", content_type_field="about_type", object_id_field="about_id", related_query_name="feedback"
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ý kiến, phản ánh")
        verbose_name_plural = _("Ý kiến, phản ánh")
        ordering = ["-created_at"]
        default_permissions = ("view", "change")
        permissions = [
            ("publish_feedback", _("Có thể công khai kết quả giải quyết")),
            ("view_sensitive_feedback", _("Có thể xem ý kiến thuộc lĩnh vực nhạy cảm")),
            ("export_personal_data", _("Có thể xuất thông tin cá nhân của người gửi")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="forwarded") | Q(deadline__isnull=False), name="feedback_forwarded_has_deadline"
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def is_overdue(self):
        return self.status == Status.FORWARDED and self.deadline is not None and self.deadline < timezone.localdate()

    @property
    def is_anonymous(self):
        return not (self.name or self.phone or self.email)

    @property
    def public_answer(self):
        """The answer, once the case is resolved (a draft never shows)."""
        return self.answer if self.status in (Status.RESOLVED, Status.PUBLISHED) else ""

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def channel_label(self):
        return Channel(self.channel).label

    @property
    def received_date(self):
        """The day the union received it: the recorded date, or the day a web item was sent."""
        return self.received_on or timezone.localdate(self.created_at)


def attachment_path(instance, filename):
    """A name the server makes up: nothing the visitor typed reaches the storage (``x.php.jpg``,
    ``../``, names of other files). The extension follows the kind found in the content; the visitor's
    name stays in ``original_name`` for the download's Content-Disposition."""
    extension = KINDS[instance.kind][1] if instance.kind in KINDS else "bin"
    return f"feedback/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.{extension}"


class Attachment(models.Model):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("Tệp"), upload_to=attachment_path, storage=private_storage, max_length=255)
    original_name = models.CharField(_("Tên tệp"), max_length=120)
    kind = models.CharField(_("Loại"), max_length=10)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField(_("Dung lượng"))

    class Meta:
        verbose_name = _("Tệp đính kèm")
        verbose_name_plural = _("Tệp đính kèm")
        default_permissions = ()

    def __str__(self):
        return self.original_name

    @property
    def is_image(self):
        return self.kind != "pdf"
