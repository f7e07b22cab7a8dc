"""The feedback admin: the queue, the item's page with one form per allowed action, topics, outbox.

The queue and the item's page are the shared moderation admin (feedback/moderation_admin.py)
configured with the feedback workflow; this module adds what only feedback has: filters, the
deadline column, attachments, assignment, internal notes and the spreadsheet export.
"""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import SubmenuMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.sidebar import SubMenuItem as SubMenuItemComponent
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from accounts.models import OrganisationUnit

from . import export, services
from .admin_forms import AssignForm, NoteForm
from .comment_viewsets import CommentViewSet
from .models import Channel, Feedback, Status, Topic
from .moderation_admin import (
    DeadlineColumn,
    ModerationIndexView,
    ModerationViewSet,
    OverdueFilterMixin,
    StatusColumn,
    excerpt,
    short_datetime,
    with_count,
)

URL_NAMESPACE = "wagtailsnippets_feedback_feedback"


class FeedbackFilterSet(OverdueFilterMixin, WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=Status.choices)
    topic = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=Topic.objects.all())
    channel = django_filters.ChoiceFilter(label=_("Kênh tiếp nhận"), choices=Channel.choices)
    unit = django_filters.ModelChoiceFilter(label=_("Địa bàn"), queryset=OrganisationUnit.objects.tree_order())
    assignee = django_filters.ModelChoiceFilter(
        label=_("Người xử lý"),
        queryset=lambda request: Feedback._meta.get_field("assignee").related_model.objects.with_perm(
            "feedback.change_feedback"
        ),
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Ngày gửi"), widget=DateRangePickerWidget)
    overdue = django_filters.BooleanFilter(label=_("Quá hạn trả lời"), method="filter_overdue")

    class Meta:
        model = Feedback
        fields = ["status", "topic", "channel", "unit", "assignee", "created_at"]


class FeedbackIndexView(ModerationIndexView):
    @cached_property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        url = reverse(f"{URL_NAMESPACE}:export") + (f"?{query}" if query else "")
        return [*super().header_buttons, HeaderButton(_("Xuất Excel"), url=url, icon_name="download")]


class FeedbackViewSet(ModerationViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("Ý kiến, phản ánh")
    menu_name = "feedback-items"
    menu_order = 100
    moderation_workflow = services.WORKFLOW
    apply_transition = staticmethod(services.apply_transition)
    action_labels = services.ACTION_LABELS
    waiting_state = Status.NEW
    extra_actions = ("assign", "note")
    index_view_class = FeedbackIndexView
    inspect_template_name = "feedback/admin/inspect.html"
    filterset_class = FeedbackFilterSet
    list_display = [
        "code",
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        "topic",
        "unit",
        Column("created_at", label=_("Ngày gửi"), sort_key="created_at", accessor=short_datetime),
        DeadlineColumn("deadline", label=_("Hạn trả lời"), sort_key="deadline"),
        "assignee",
    ]
    search_fields = ["code", "content", "name", "phone", "email", "forwarded_to"]

    def visible_to(self, user):
        return Feedback.objects.visible_to(user)

    def describe(self, item):
        return f"{item.code}: {excerpt(item.content, 80)}"

    def get_inspect_context(self, item, user):
        return {
            "attachments": list(item.attachments.all()),
            "can_change": user.has_perm(services.CHANGE),
            "assign_form": AssignForm(initial={"assignee": item.assignee_id}),
            "note_form": NoteForm(),
        }

    def assign_action(self, request, item):
        def assign(data):
            services.assign(item, data["assignee"], request.user)

        self.form_action(request, AssignForm, assign, _("Đã phân công xử lý."))

    def note_action(self, request, item):
        def note(data):
            services.add_note(item, request.user, data["note"])

        self.form_action(request, NoteForm, note, _("Đã lưu ghi chú nội bộ."), _("Ghi chú không được để trống."))

    def attachment_view(self, request, pk, attachment_pk):
        """Streams an attachment to a moderator allowed to see its item; never cached, never sniffed."""
        attachment = get_object_or_404(self.get_item(request, pk).attachments, pk=attachment_pk)
        response = FileResponse(
            attachment.file.open("rb"),
            content_type=attachment.content_type,
            as_attachment=not attachment.is_image,
            filename=attachment.original_name,
        )
        response["Cache-Control"] = "private, no-store"
        response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
        return response

    def export_view(self, request):
        if not request.user.has_perm(self.view_permission):
            raise PermissionDenied
        filterset = FeedbackFilterSet(request.GET or None, queryset=self.get_queryset(request), request=request)
        queryset = filterset.qs if filterset.is_bound and filterset.is_valid() else filterset.queryset
        include_personal = request.user.has_perm("feedback.export_personal_data")
        content = export.workbook_bytes(queryset, include_personal=include_personal)
        response = HttpResponse(
            content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="y-kien-phan-anh-{stamp}.xlsx"'
        return response

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("attachment/<int:pk>/<int:attachment_pk>/", self.attachment_view, name="attachment"),
            path("export/", self.export_view, name="export"),
        ]


BULK_ACTIONS = [
    FeedbackViewSet.bulk_action(
        "mark_spam", action_type="mark_spam", aria_label=_("Đánh dấu các ý kiến đã chọn là tin rác"), priority=10
    ),
]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Lĩnh vực")
    menu_order = 200
    list_display = ["name", "sensitive", "active", "sort_order"]
    list_filter = ["sensitive", "active"]
    search_fields = ["name"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("sensitive"),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]


class FeedbackSubmenuItem(SubmenuMenuItem):
    """The group's entry carries the count too, so it is seen with the menu folded."""

    def render_component(self, request):
        feedback = Feedback.snippet_viewset
        count = feedback.waiting_count(request.user) if request.user.has_perm(feedback.view_permission) else 0
        return SubMenuItemComponent(
            self.name,
            with_count(self.label, count),
            self.menu.render_component(request),
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class FeedbackViewSetGroup(SnippetViewSetGroup):
    items = (FeedbackViewSet, CommentViewSet, TopicViewSet)
    menu_label = _("Tiếp nhận ý kiến")
    menu_icon = "mail"
    menu_name = "feedback"
    menu_order = 250

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        item.__class__ = FeedbackSubmenuItem
        return item
