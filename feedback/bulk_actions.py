from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from . import services
from .models import Feedback, Status


class MarkSpamBulkAction(SnippetBulkAction):
    """Marks several new items as spam at once, each through the workflow (so each is logged)."""

    display_name = _("Đánh dấu tin rác")
    action_type = "mark_spam"
    aria_label = _("Đánh dấu các ý kiến đã chọn là tin rác")
    template_name = "feedback/admin/bulk_mark_spam.html"
    action_priority = 10
    classes = {"serious"}

    models = [Feedback]

    def check_perm(self, item):
        return (
            self.request.user.has_perm(services.CHANGE)
            and item.status in (Status.NEW, Status.NEEDS_INFO)
            and Feedback.objects.visible_to(self.request.user).filter(pk=item.pk).exists()
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        count = 0
        for item in objects:
            services.apply_transition(item, "mark_spam", user)
            count += 1
        return count, 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã đánh dấu %(count)d ý kiến là tin rác.", "Đã đánh dấu %(count)d ý kiến là tin rác.", num_parent_objects
        ) % {"count": num_parent_objects}
