from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .comment_viewsets import BULK_ACTIONS as COMMENT_BULK_ACTIONS
from .models import Comment, Feedback
from .permissions import RestrictedActionsPolicy
from .viewsets import BULK_ACTIONS as FEEDBACK_BULK_ACTIONS
from .viewsets import FeedbackViewSetGroup

register_permission_policy(
    Feedback, RestrictedActionsPolicy(Feedback, denied={"add", "delete", "copy"}), exact_class=True
)
register_permission_policy(
    Comment, RestrictedActionsPolicy(Comment, denied={"add", "delete", "copy"}), exact_class=True
)
register_snippet(FeedbackViewSetGroup)
for bulk_action in [*FEEDBACK_BULK_ACTIONS, *COMMENT_BULK_ACTIONS]:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("portal_dashboard_panels")
def feedback_dashboard_panels():
    from .dashboard import ModerationPanel

    return [ModerationPanel]


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
