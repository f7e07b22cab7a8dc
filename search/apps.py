from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        from feedback.models import Feedback

        from .signals import feedback_deleted, feedback_saved

        post_save.connect(feedback_saved, sender=Feedback, dispatch_uid="search-feedback-saved")
        post_delete.connect(feedback_deleted, sender=Feedback, dispatch_uid="search-feedback-deleted")
