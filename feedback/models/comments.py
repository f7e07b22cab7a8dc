from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TEXT_MAX = 2000


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Không duyệt")
    SPAM = "spam", _("Tin rác")


class CommentablePageMixin(models.Model):
    """Mix into a page model whose readers may comment (news articles do).

    Feedback knows pages only through this mixin: a page without it never takes comments. The
    comment form on the page carries no token, so the page is cached like any other (feedback.tokens).
    """

    comments_open = models.BooleanField(
        _("Cho phép bạn đọc gửi ý kiến"),
        default=True,
        help_text=_("Bỏ chọn để đóng ý kiến: các ý kiến đã duyệt vẫn hiện, biểu mẫu gửi ý kiến được ẩn."),
    )

    class Meta:
        abstract = True


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def on_page(self, page):
        return self.filter(page_id=getattr(page, "pk", page))

    def for_listing(self):
        return self.select_related("page")


class Comment(models.Model):
    """A reader's comment on a page, held until a moderator approves it.

    Status changes go through :mod:`feedback.comments` (its :data:`~feedback.comments.WORKFLOW`); each is
    a :class:`~feedback.models.ModerationEvent`. Not indexed for search: the name and email are
    personal data, and the text is public only once approved, on its page.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("Bài viết"), on_delete=models.CASCADE, related_name="reader_comments"
    )
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING
    )
    name = models.CharField(_("Tên người gửi"), max_length=100)
    # Personal data: never shown publicly.
    email = models.EmailField(_("Thư điện tử"), blank=True)
    text = models.TextField(_("Nội dung"), max_length=TEXT_MAX)
    ip_fingerprint = models.CharField(max_length=32, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    # One comment per one-time form token, however many requests carry it (feedback.comments.submit_comment).
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("Ngày gửi"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("Ngày xử lý"), null=True, blank=True)

    events = GenericRelation("feedback.ModerationEvent")

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("Ý kiến bạn đọc")
        verbose_name_plural = _("Ý kiến bạn đọc")
        ordering = ["-created_at"]
        default_permissions = ("view", "change")
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.text[:40]}"

    @property
    def status_label(self):
        return CommentStatus(self.status).label


class CommentReply(models.Model):
    """The editorial team's answer to a comment, shown under it once the comment is approved."""

    comment = models.ForeignKey(Comment, verbose_name=_("Ý kiến"), on_delete=models.CASCADE, related_name="replies")
    text = models.TextField(_("Nội dung trả lời"), max_length=TEXT_MAX)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("Ngày trả lời"), default=timezone.now)

    class Meta:
        verbose_name = _("Trả lời của ban biên tập")
        verbose_name_plural = _("Trả lời của ban biên tập")
        ordering = ["created_at", "pk"]
        default_permissions = ()

    def __str__(self):
        return self.text[:40]
