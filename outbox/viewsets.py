"""The outbox in the admin, read-only: what went, what failed and why, for whoever keeps the mail server.

Each member of staff sees only the messages of their own work (``Message.audience``); nobody adds,
edits or deletes one here."""

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Message

CONFIDENTIAL_FIELDS = ("body_text", "body_html")


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Only "view" is ever granted: the outbox is written by the portal, never by hand."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_any_permission(user, ["view"])

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(["view"])


class MessageIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().visible_to(self.request.user)


class MessageInspectView(InspectView):
    def get_object(self, queryset=None):
        if getattr(self, "_message", None) is None:
            self._message = get_object_or_404(Message.objects.visible_to(self.request.user), pk=self.pk)
        return self._message

    def get_fields(self):
        fields = super().get_fields()
        if self.get_object().confidential:
            return [field for field in fields if field not in CONFIDENTIAL_FIELDS]
        return fields


def _short_datetime(message):
    return timezone.localtime(message.created_at).strftime("%d/%m/%Y %H:%M")


class MessageViewSet(ModelViewSet):
    model = Message
    icon = "warning"
    menu_label = _("Thư thông báo")
    menu_order = 900
    add_to_admin_menu = True
    index_view_class = MessageIndexView
    inspect_view_class = MessageInspectView
    inspect_view_enabled = True
    add_view_enabled = False
    copy_view_enabled = False
    form_fields = []  # nothing is ever edited here (``ReadOnlyPolicy``)
    list_display = [
        "subject",
        "recipient",
        "state",
        "attempts",
        "last_error",
        Column("created_at", label=_("Tạo lúc"), accessor=_short_datetime),
    ]
    list_filter = ["state", "kind"]
    search_fields = ["subject", "recipient"]
    search_backend_name = None
    inspect_view_fields = [
        "kind",
        "recipient",
        "subject",
        "body_text",
        "state",
        "attempts",
        "last_error",
        "next_attempt_at",
        "created_at",
        "sent_at",
    ]
