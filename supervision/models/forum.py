"""Listening-forum sessions (Diễn đàn lắng nghe ý kiến hội viên phụ nữ) and the items entered from them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ForumSessionQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("unit").annotate(item_count=models.Count("entries"))

    def in_year(self, year=None):
        return self.filter(held_on__year=year or timezone.localdate().year)

    def count_by_unit(self, year=None):
        """``{unit id: sessions held in year}`` (this year by default) in one query, for a unit directory."""
        return dict(self.in_year(year).values_list("unit_id").annotate(n=models.Count("pk")).order_by())


class ForumSession(models.Model):
    """One session held by a union unit: where, when, who chaired, how many came, what was raised."""

    unit = models.ForeignKey(
        "accounts.OrganisationUnit",
        verbose_name=_("Đơn vị tổ chức"),
        on_delete=models.PROTECT,
        related_name="forum_sessions",
    )
    held_on = models.DateField(_("Ngày tổ chức"), db_index=True)
    place = models.CharField(_("Địa điểm"), max_length=255)
    chair = models.CharField(_("Người chủ trì"), max_length=150)
    participants = models.PositiveIntegerField(_("Số người tham dự"), default=0)
    topics_raised = models.TextField(
        _("Các vấn đề được nêu"),
        help_text=_("Mỗi vấn đề một dòng; không ghi họ tên, số điện thoại của người phát biểu."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("Ngày ghi nhận"), default=timezone.now, editable=False)

    objects = ForumSessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Phiên diễn đàn lắng nghe")
        verbose_name_plural = _("Phiên diễn đàn lắng nghe")
        ordering = ["-held_on", "-pk"]
        default_permissions = ("add", "change", "view")

    def __str__(self):
        return f"{self.unit} · {self.held_on:%d/%m/%Y}"

    def topic_lines(self):
        return [line.strip() for line in self.topics_raised.splitlines() if line.strip()]


class ForumSessionItem(models.Model):
    """A feedback item entered from a session (an item comes from one session at most)."""

    session = models.ForeignKey(ForumSession, on_delete=models.PROTECT, related_name="entries")
    feedback = models.OneToOneField(
        "feedback.Feedback", on_delete=models.PROTECT, related_name="forum_entry", verbose_name=_("Ý kiến")
    )

    class Meta:
        verbose_name = _("Ý kiến ghi nhận tại diễn đàn")
        verbose_name_plural = _("Ý kiến ghi nhận tại diễn đàn")
        default_permissions = ()

    def __str__(self):
        return f"{self.session} · {self.feedback_id}"
