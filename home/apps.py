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

        from . import fragments, signals  # noqa: F401 - signals: the page cache's purges
        from .models import StandardPage
        from .registry import standard_page_subpages
        from .text import slug_js_formatters

        # Other apps' pages that may sit below a standard page, declared on their AppConfig.
        StandardPage.subpage_types = [*StandardPage.subpage_types, *standard_page_subpages()]
        # Every slug field in the admin (pages, snippets) proposes "dao-tao" for "Đào tạo".
        register_form_field_override(models.SlugField, override={"widget": SlugInput(formatters=slug_js_formatters())})
        # Fragments (menus, settings, restricted paths) are rebuilt after any change to what they show.
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .models import SiteSettings

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(fragments.invalidate, dispatch_uid=f"portal-fragments-{id(signal)}")
        post_delete.connect(fragments.invalidate, sender=Page, dispatch_uid="portal-fragments-page-delete")

        def alias_saved(sender, instance, **kwargs):
            if isinstance(instance, Page) and instance.alias_of_id:
                fragments.invalidate()

        post_save.connect(alias_saved, dispatch_uid="portal-fragments-alias")
        post_save.connect(fragments.invalidate, sender=PageViewRestriction, dispatch_uid="portal-fragments-pvr-save")
        post_save.connect(fragments.invalidate, sender=Site, dispatch_uid="portal-fragments-site-save")
        post_save.connect(fragments.invalidate_on_change, sender=SiteSettings, dispatch_uid="portal-fragments-settings")
        from wagtail.models import Locale

        # A language added or removed changes which page answers in it (BasePage.localized).
        post_save.connect(fragments.invalidate, sender=Locale, dispatch_uid="portal-fragments-locale-save")
        for model in (PageViewRestriction, SiteSettings, Site, Locale):
            post_delete.connect(fragments.invalidate, sender=model, dispatch_uid=f"portal-fragments-{model.__name__}")
        # Pictures are kept as HTML (home.images): an image edited or deleted shows on the next request.
        from wagtail.images import get_image_model

        for signal in (post_save, post_delete):
            uid = f"portal-fragments-image-{id(signal)}"
            signal.connect(fragments.invalidate, sender=get_image_model(), dispatch_uid=uid)
