from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from feedback.intake import can_record
from feedback.permissions import RestrictedActionsPolicy

from .admin import dashboard, intake
from .admin.forum import ForumSessionViewSet
from .admin.recommendations import RecommendationViewSet
from .admin.rounds import SupervisionRoundViewSet
from .models import ForumSession, Recommendation, RecommendationStatus, SupervisionRound

# Nothing of the cycle is ever deleted; recommendations are added from their round's page only.
register_permission_policy(
    Recommendation, RestrictedActionsPolicy(Recommendation, denied={"add", "delete", "copy"}), exact_class=True
)
register_permission_policy(
    SupervisionRound, RestrictedActionsPolicy(SupervisionRound, denied={"delete", "copy"}), exact_class=True
)
register_permission_policy(
    ForumSession, RestrictedActionsPolicy(ForumSession, denied={"delete", "copy"}), exact_class=True
)


class SupervisionViewSetGroup(SnippetViewSetGroup):
    items = (SupervisionRoundViewSet, RecommendationViewSet, ForumSessionViewSet)
    menu_label = _("Giám sát, phản biện")
    menu_icon = "view"
    menu_name = "supervision"
    menu_order = 260


register_snippet(SupervisionViewSetGroup)


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.allowed = allowed

    def is_shown(self, request):
        return self.allowed(request.user)


@hooks.register("register_admin_urls")
def supervision_admin_urls():
    return [
        path("tiep-nhan/ghi-nhan/", intake.record_view, name="supervision_intake"),
        path("tiep-nhan/phieu/<int:pk>/", intake.slip_view, name="supervision_slip"),
        path("giam-sat/so-lieu/", dashboard.dashboard_view, name="supervision_figures"),
        path("giam-sat/so-lieu/<slug:slug>.xlsx", dashboard.export_view, name="supervision_figures_export"),
    ]


@hooks.register("register_admin_menu_item")
def intake_menu_item():
    return PermittedMenuItem(
        _("Ghi nhận ý kiến (điện thoại, thư, trực tiếp)"),
        reverse("supervision_intake"),
        name="supervision-intake",
        icon_name="edit",
        order=255,
        allowed=can_record,
    )


@hooks.register("register_admin_menu_item")
def figures_menu_item():
    return PermittedMenuItem(
        _("Số liệu giám sát"),
        reverse("supervision_figures"),
        name="supervision-figures",
        icon_name="table",
        order=265,
        allowed=dashboard.can_view,
    )


class SupervisionPanel(Component):
    """Dashboard: the recommendations waiting for an answer, and those past their deadline."""

    name = "supervision_recommendations"
    order = 70

    def render_html(self, parent_context=None):
        counts = Recommendation.objects.aggregate(
            sent=Count("pk", filter=Q(status=RecommendationStatus.SENT)),
            overdue=Count("pk", filter=Q(status=RecommendationStatus.SENT, deadline__lt=timezone.localdate())),
            answered=Count("pk", filter=Q(status=RecommendationStatus.ANSWERED)),
        )
        return render_to_string("supervision/admin/panel.html", {"counts": counts})


@hooks.register("construct_homepage_panels")
def add_supervision_panel(request, panels):
    if request.user.has_perm("supervision.view_recommendation"):
        panels.append(SupervisionPanel())
