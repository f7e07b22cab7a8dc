from django.template.loader import render_to_string
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from outbox.models import Message

from .comment_viewsets import BULK_ACTIONS as COMMENT_BULK_ACTIONS
from .models import Comment, Feedback, Status
from .permissions import RestrictedActionsPolicy
from .viewsets import BULK_ACTIONS as FEEDBACK_BULK_ACTIONS
from .viewsets import URL_NAMESPACE, FeedbackViewSetGroup

register_permission_policy(
    Feedback, RestrictedActionsPolicy(Feedback, denied={"add", "delete", "copy"}), exact_class=True
)
register_permission_policy(
    Comment, RestrictedActionsPolicy(Comment, denied={"add", "delete", "copy"}), exact_class=True
)
register_snippet(FeedbackViewSetGroup)
for bulk_action in [*FEEDBACK_BULK_ACTIONS, *COMMENT_BULK_ACTIONS]:
    hooks.register("register_bulk_action", bulk_action)


class FeedbackPanel(Component):
    """Dashboard: what waits for the moderator who signs in."""

    name = "feedback_queue"
    order = 60

    def __init__(self, user):
        self.user = user

    def render_html(self, parent_context=None):
        items = Feedback.objects.visible_to(self.user)
        counts = {
            "new": items.filter(status=Status.NEW).count(),
            "needs_info": items.filter(status=Status.NEEDS_INFO).count(),
            "overdue": items.overdue().count(),
            "failed": Message.objects.visible_to(self.user).failed().count(),
        }
        latest = items.filter(status=Status.NEW).for_listing().order_by("-created_at")[:5]
        return render_to_string(
            "feedback/admin/panel.html",
            {"counts": counts, "latest": latest, "today": timezone.localdate(), "ns": URL_NAMESPACE},
        )


@hooks.register("construct_homepage_panels")
def add_feedback_panel(request, panels):
    if request.user.has_perm("feedback.view_feedback"):
        panels.append(FeedbackPanel(request.user))


@hooks.register("portal_search_models")
def published_resolutions():
    """Published, anonymised resolutions are searched, as their own type."""
    from .models import PublishedResolution

    return [PublishedResolution]


@hooks.register("portal_unit_links")
def unit_feedback_link(request, unit):
    """On a unit's page in the directory: the feedback form with that unit chosen."""
    from django.utils.http import urlencode
    from django.utils.translation import gettext as _

    from .models import FeedbackPage
    from .views import UNIT_PARAM

    page = FeedbackPage.objects.live().first()
    if page is None or not page.url:
        return None
    return _("Gửi ý kiến, phản ánh về địa bàn này"), f"{page.url}?{urlencode({UNIT_PARAM: unit.pk})}"
