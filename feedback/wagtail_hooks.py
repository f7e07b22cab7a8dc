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
