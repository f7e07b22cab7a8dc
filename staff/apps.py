from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = _("Khu vực cán bộ")
    demo_order = 60  # after the users (accounts) and the home page
