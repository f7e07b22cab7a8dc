from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    """Cookie-less visit counts per page per day, the "Đọc nhiều" lists, the footer's total and the
    admin report (see ``visits.counter`` for the rules)."""

    name = "visits"
    verbose_name = _("Lượt truy cập")
    demo_order = 95  # counts for every demo page, the English ones included
    robots_disallow = ["/api/luot-xem/"]

    def ready(self):
        import atexit

        from . import counter

        # What the process counted since its last write is written when it stops (a gunicorn worker
        # recycled, a restart); a crash loses at most VISITS_FLUSH_SECONDS of counts.
        atexit.register(counter.flush_quietly)
