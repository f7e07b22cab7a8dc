from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SyncedAction(models.Model):
    """One action a learner did offline (a lesson completed, a quiz answered), applied once.

    ``key`` is the idempotency key the phone drew when the action was queued; a replay of the same key
    gets the stored ``result`` and changes nothing. ``fingerprint`` is a hash of what was sent, so a
    replay with different content is refused as tampered."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="synced_actions")
    key = models.CharField(max_length=64)
    kind = models.CharField(max_length=20)
    fingerprint = models.CharField(max_length=64)
    result = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Thao tác đồng bộ")
        verbose_name_plural = _("Thao tác đồng bộ")
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="unique_synced_action_key")]

    def __str__(self):
        return f"{self.user_id} {self.kind} {self.key}"
