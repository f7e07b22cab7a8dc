from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    demo_order = 60  # after feedback: the comments are feedback's comments
    verbose_name = _("Góp ý dự thảo, hỏi đáp")
    search_group = "consultations"

    def ready(self):
        from feedback.signals import follow

        from . import qa_views, services
        from .models import PublishedQuestion, Question
        from .models.handlers import HANDLERS

        # The page models call these without importing the modules above them.
        HANDLERS.update(
            index_context=services.index_context,
            page_context=services.page_context,
            listing=qa_views.listing,
            detail=qa_views.detail,
            ask=qa_views.ask,
        )
        follow(Question, PublishedQuestion, "consultations-question")  # the search index follows the questions
