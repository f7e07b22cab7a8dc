"""What a consultation asks of a comment besides feedback's :class:`~feedback.models.Comment`."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from feedback.models import Comment, CommentQuerySet

WHOLE_DRAFT = _("Toàn văn dự thảo")


def where_of(comment):
    """The section a comment is on, or the whole draft (what its lists and reports say)."""
    details = getattr(comment, "consultation_details", None)
    if details is not None and details.section_id:
        return details.section.short_label
    return WHOLE_DRAFT


class ConsultationCommentDetails(models.Model):
    """The section, unit, contact and member choice of a comment on a consultation (one per comment).

    The comment itself (name, text, status, history) is feedback's; moderators see these details on
    the consultation queue. The contact is personal data: never public, exported only with the
    dedicated permission, erased with the comment's e-mail by feedback's anonymisation rules.
    """

    comment = models.OneToOneField(
        Comment, on_delete=models.CASCADE, primary_key=True, related_name="consultation_details"
    )
    section = models.ForeignKey(
        "consultations.ConsultationSection",
        verbose_name=_("Góp ý vào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comment_details",
    )
    unit = models.ForeignKey(
        "accounts.OrganisationUnit",
        verbose_name=_("Đơn vị"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True)
    is_member = models.BooleanField(_("Là hội viên"), default=False)

    class Meta:
        verbose_name = _("Thông tin góp ý dự thảo")
        verbose_name_plural = _("Thông tin góp ý dự thảo")
        default_permissions = ()

    def __str__(self):
        return str(self.comment_id)


class ConsultationCommentQuerySet(CommentQuerySet):
    def on_consultations(self):
        return self.filter(consultation_details__isnull=False)

    def for_listing(self):
        return self.select_related(
            "page", "consultation_details__section", "consultation_details__unit"
        ).on_consultations()


class ConsultationComment(Comment):
    """Comments on consultations, as the consultation queue of the admin shows them (a proxy: same rows)."""

    objects = ConsultationCommentQuerySet.as_manager()

    class Meta:
        proxy = True
        verbose_name = _("Góp ý dự thảo")
        verbose_name_plural = _("Góp ý dự thảo")
        default_permissions = ("view", "change")
        permissions = [("export_personal_comments", _("Có thể xuất thông tin cá nhân của người góp ý"))]

    @property
    def details(self):
        return getattr(self, "consultation_details", None)

    @property
    def where(self):
        return where_of(self)
