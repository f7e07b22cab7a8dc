from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    demo_order = 60
    search_group = "documents"  # the register's documents form a type of their own in the site search
    verbose_name = _("Văn bản")
    default_auto_field = "django.db.models.BigAutoField"
