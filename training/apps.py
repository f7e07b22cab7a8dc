from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "training"
    demo_order = 40
    robots_disallow = ("/khoa-hoc-cua-toi/",)
    search_group = "training"  # its pages form a type of their own in the site search (home.indexing)
    verbose_name = _("Đào tạo")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
        from .models import pages
        from .services import page_context

        # The page models show what the layer above them assembles, without importing it.
        pages.PAGE_CONTEXT.update(
            course=page_context.course_context,
            lesson=page_context.lesson_context,
            course_of=page_context.course_of,
            event=page_context.event_context,
        )
