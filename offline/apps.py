from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfflineConfig(AppConfig):
    """Installable and offline: the web app manifest, the service worker, the offline page, saved
    courses and the sync of what a learner did offline (it uses training's rules, never its own)."""

    name = "offline"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Học ngoại tuyến")
