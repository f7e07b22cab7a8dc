from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    robots_disallow = ("/tim-kiem/",)
    verbose_name = _("Tìm kiếm")

    def ready(self):
        from . import results_cache

        results_cache.connect()
