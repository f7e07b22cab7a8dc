from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    demo_order = 30
    search_group = "news"  # its pages form a type of their own in the site search (home.indexing)
    verbose_name = _("Tin tức")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
