from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    demo_order = 50  # comments go on the news articles
    robots_disallow = ("/tra-cuu/",)
    verbose_name = _("Ý kiến, phản ánh")

    def ready(self):
        from . import signals

        signals.connect()  # the published resolutions' search index follows the items

        from . import views
        from .models import pages

        pages.PAGE_VIEWS["serve"] = views.serve_feedback_page  # the page shows its form without importing it
