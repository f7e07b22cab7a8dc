"""The admin dashboard: what each role has to do today, in panels the apps contribute.

An app registers a Wagtail hook ``portal_dashboard_panels`` returning :class:`DashboardPanel`
subclasses; the dashboard shows, in ``order``, those whose ``roles`` include one of the user's groups
(``ADMINISTRATORS`` stands for superusers). A panel reads its figures and entries in a bounded number
of queries, whatever the number of rows behind them (tests pin it with 1,000)::

    @hooks.register("portal_dashboard_panels")
    def consultation_panels():
        return [OpenConsultationsPanel]

    class OpenConsultationsPanel(DashboardPanel):
        roles = (roles.MODERATORS,)
        title = _("Góp ý dự thảo")
        order = 300

        def get_figures(self):
            return [Figure(_("Đang mở"), Consultation.objects.open().count(), url=...)]

``home`` knows no app and no role by name: each panel says whom it is for.
"""

from dataclasses import dataclass, field

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component

ADMINISTRATORS = "__superuser__"  # in ``roles``: the panel is for superusers (site administrators)
HOOK = "portal_dashboard_panels"


@dataclass
class Figure:
    """One count, linked to the full list when ``url`` is given; ``alert`` marks one that needs action."""

    label: str
    count: int | str
    url: str = ""
    alert: bool = False


@dataclass
class Entry:
    """One row of a panel's list: a linked title, short details and an optional quoted note."""

    title: str
    url: str = ""
    details: list = field(default_factory=list)
    note: str = ""
    alert: bool = False


class DashboardPanel(Component):
    """A dashboard panel. Subclasses set ``roles``, ``title``, ``order`` and override
    :meth:`get_figures` and/or :meth:`get_entries` (and ``more_url``/``more_label`` for a link to
    the whole list)."""

    template_name = "home/admin/dashboard_panel.html"
    roles = ()
    title = ""
    order = 100
    empty_text = _("Không có mục nào.")
    more_label = _("Xem tất cả")

    def __init__(self, request):
        self.request = request
        self.user = request.user

    @classmethod
    def is_for(cls, user, groups):
        return bool(set(cls.roles) & groups) or (ADMINISTRATORS in cls.roles and user.is_superuser)

    @property
    def name(self):
        return f"portal-{type(self).__name__.lower()}"

    @property
    def more_url(self):
        return ""

    def get_figures(self):
        return []

    def get_entries(self):
        return []

    @cached_property
    def figures(self):
        return list(self.get_figures())

    @cached_property
    def entries(self):
        return list(self.get_entries())

    def get_context_data(self, parent_context=None):
        return {"panel": self, "figures": self.figures, "entries": self.entries}


def panel_classes():
    return [panel for fn in hooks.get_hooks(HOOK) for panel in fn()]


def panels_for(request):
    """The panels of ``request.user``'s roles, in order (one query for the user's groups)."""
    user = request.user
    groups = set(user.groups.values_list("name", flat=True))
    chosen = [panel(request) for panel in panel_classes() if panel.is_for(user, groups)]
    return sorted(chosen, key=lambda panel: panel.order)
