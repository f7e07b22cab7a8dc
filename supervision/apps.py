from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "supervision"
    demo_order = 60  # after feedback: sessions and rounds link to its items and topics
    verbose_name = _("Giám sát, phản biện")

    def ready(self):
        from . import signals

        signals.connect()  # the public pages and the open data follow the rounds and recommendations
