from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ElearningConfig(AppConfig):
    """E-learning packages (SCORM 1.2, SCORM 2004, H5P): reading, checking, storing and serving them,
    and each learner's run-time data. It knows nothing of courses; ``training`` uses it."""

    name = "elearning"
    verbose_name = _("Gói bài giảng điện tử")

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
