"""Reminder mails to learners: what was sent to whom (at most one a week each), and who opted out."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """One reminder mail sent to a learner; the message itself is in the outbox."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("Học viên"), on_delete=models.CASCADE, related_name="reminders"
    )
    sent_at = models.DateTimeField(_("Gửi lúc"), auto_now_add=True, db_index=True)
    courses = models.ManyToManyField("training.CoursePage", verbose_name=_("Khóa học nhắc"), blank=True)
    events = models.ManyToManyField("training.TrainingEventPage", verbose_name=_("Lớp tập huấn nhắc"), blank=True)
    message = models.ForeignKey(
        "outbox.Message", verbose_name=_("Thư"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("Thư nhắc học")
        verbose_name_plural = _("Thư nhắc học")
        ordering = ["-sent_at"]
        indexes = [models.Index(fields=["user", "sent_at"])]

    def __str__(self):
        return f"{self.user} - {self.sent_at:%d/%m/%Y}"


class ReminderOptOut(models.Model):
    """A learner who asked for no more reminder mails (one click on the link in any of them)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("Học viên"), on_delete=models.CASCADE, related_name="reminder_opt_out"
    )
    created_at = models.DateTimeField(_("Từ chối lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Từ chối thư nhắc")
        verbose_name_plural = _("Từ chối thư nhắc")

    def __str__(self):
        return str(self.user)
