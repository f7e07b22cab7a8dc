from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    demo_order = 70  # below "Giới thiệu" (home) and from the unit tree (accounts)
    standard_page_subpages = ["organisation.OrganisationStructurePage", "organisation.LeadershipPage"]
    verbose_name = _("Tổ chức bộ máy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - a change to the unit tree purges the cached pages
