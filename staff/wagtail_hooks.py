from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import UserObjectsInWorkflowModerationPanel, WorkflowObjectsToModeratePanel

from .avatars import initials_avatar_url
from .content_checks import use_portal_checker
from .dashboard import AwaitingMyApprovalPanel, MyDraftsPanel, ReturnedToMePanel, ScheduledPanel
from .system_panel import SystemPanel
from .views import EditorGuideView

GUIDE_URL_NAME = "staff_editor_guide"
# Wagtail's help entries that open its English documentation on wagtail.org.
WAGTAIL_HELP_ITEMS = {"editor-guide"}


@hooks.register("portal_dashboard_panels")
def page_panels():
    return [ReturnedToMePanel, MyDraftsPanel, ScheduledPanel, AwaitingMyApprovalPanel, SystemPanel]


@hooks.register("construct_homepage_panels", order=-10)
def drop_wagtail_workflow_panels(request, panels):
    """The approver's and the editor's panels above replace Wagtail's two workflow panels."""
    replaced = (WorkflowObjectsToModeratePanel, UserObjectsInWorkflowModerationPanel)
    panels[:] = [panel for panel in panels if not isinstance(panel, replaced)]


@hooks.register("insert_global_admin_css")
def staff_admin_css():
    from django.templatetags.static import static
    from django.utils.html import format_html

    return format_html('<link rel="stylesheet" href="{}">', static("staff/admin.css"))


@hooks.register("register_admin_urls")
def guide_urls():
    return [path("huong-dan/", EditorGuideView.as_view(), name=GUIDE_URL_NAME)]


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem(_("Hướng dẫn biên tập"), reverse(GUIDE_URL_NAME), name="portal-guide", icon_name="help", order=100)


@hooks.register("construct_help_menu")
def drop_wagtail_documentation(request, menu_items):
    """The help menu points at the portal's own guide, not Wagtail's English documentation."""
    menu_items[:] = [
        item for item in menu_items if item.name not in WAGTAIL_HELP_ITEMS and not item.name.startswith("whats-new")
    ]


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    return initials_avatar_url(user, size)


hooks.register("construct_wagtail_userbar", use_portal_checker)
