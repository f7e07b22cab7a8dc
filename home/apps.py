from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    demo_order = 20  # the home page, which the others hang below
    verbose_name = _("Trang chủ và cấu hình chung")

    def ready(self):
        from django.db import models

        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import SlugInput

        from .text import slug_js_formatters

        # Every slug field in the admin (pages, snippets) proposes "dao-tao" for "Đào tạo".
        register_form_field_override(models.SlugField, override={"widget": SlugInput(formatters=slug_js_formatters())})
