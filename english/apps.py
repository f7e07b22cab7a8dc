from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnglishConfig(AppConfig):
    """The English essentials under /en/: the demo's English versions of the pages every official
    portal translates (the translations themselves are Wagtail pages, made with "Dịch trang")."""

    name = "english"
    verbose_name = _("Trang tiếng Anh")
    demo_order = 90  # after every app whose pages it translates
