"""The admin of reader comments, beside feedback: the queue, one page per comment, bulk actions."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column
from wagtail.models import Page
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

import django_filters

from . import comments
from .models import Comment, CommentStatus
from .workflow import IllegalTransition

URL_NAMESPACE = "wagtailsnippets_feedback_comment"


def pending_count():
    return Comment.objects.filter(status=CommentStatus.PENDING).count()


class CommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=CommentStatus.choices)
    page = django_filters.ModelChoiceFilter(
        label=_("Bài viết"),
        queryset=lambda request: Page.objects.filter(reader_comments__isnull=False).distinct().order_by("title"),
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Ngày gửi"), widget=DateRangePickerWidget)

    class Meta:
        model = Comment
        fields = ["status", "page", "created_at"]


class ArticleColumn(Column):
    cell_template_name = "feedback/comments/admin_article_cell.html"


class StatusColumn(Column):
    cell_template_name = "feedback/admin/status_cell.html"


def _excerpt(comment):
    text = " ".join(comment.text.split())
    return text if len(text) <= 90 else text[:89] + "…"


def _short_datetime(comment):
    return timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M")


class CommentIndexView(IndexView):
    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)

    def get_list_more_buttons(self, instance):
        return [
            button for button in super().get_list_more_buttons(instance) if button.url != self.get_delete_url(instance)
        ][:1]


class CommentEditView(EditView):
    """Moderators never rewrite what a reader wrote: "edit" opens the comment's moderation page."""

    def get(self, request, *args, **kwargs):
        return redirect(f"{URL_NAMESPACE}:inspect", quote(self.object.pk))

    post = get


class ModerationNoteForm(forms.Form):
    comment = forms.CharField(
        label=_("Ghi chú nội bộ"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Trả lời của ban biên tập"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hiện công khai dưới ý kiến (khi ý kiến đã được duyệt), ký tên “Ban biên tập”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefix = "reply"


class CommentInspectView(InspectView):
    template_name = "feedback/comments/admin_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(Comment.objects.select_related("page"), pk=self.pk)

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        comment = self.object
        user = self.request.user
        context.update(
            {
                "comment": comment,
                "article_url": comment.page.url,
                "replies": list(comment.replies.select_related("author")),
                "actions": [
                    {"transition": transition, "form": ModerationNoteForm(prefix=transition.name)}
                    for transition in comments.WORKFLOW.available(comment, user)
                ],
                "can_reply": user.has_perm(comments.MODERATE),
                "reply_form": ReplyForm(),
                "events": [
                    (event, comments.ACTION_LABELS.get(event.action, event.action))
                    for event in comments.history(comment)
                ],
                "action_url_name": f"{URL_NAMESPACE}:action",
            }
        )
        return context


@require_POST
def action_view(request, pk, name):
    """Applies one action posted from the comment's page; errors go back as messages."""
    if not request.user.has_perm(comments.MODERATE):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    back = redirect(f"{URL_NAMESPACE}:inspect", comment.pk)
    if name == "reply":
        form = ReplyForm(request.POST)
        if form.is_valid():
            comments.add_reply(comment, request.user, form.cleaned_data["text"])
            messages.success(request, _("Đã đăng trả lời của ban biên tập."))
        else:
            messages.error(request, _("Trả lời không được để trống và không quá 2.000 ký tự."))
        return back
    try:
        transition = comments.WORKFLOW.get(name)
    except IllegalTransition:
        raise Http404 from None
    form = ModerationNoteForm(request.POST, prefix=name)
    note = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        comments.apply_transition(comment, name, request.user, note=note)
    except IllegalTransition:
        messages.error(
            request,
            _("Thao tác “%(action)s” không áp dụng được cho ý kiến ở trạng thái hiện tại.")
            % {"action": transition.label},
        )
        return back
    messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": transition.label})
    return back


class CommentMenuItem(MenuItem):
    """Opens the queue of pending comments and shows how many wait: "Ý kiến bạn đọc (3)"."""

    def is_shown(self, request):
        return request.user.has_perm("feedback.view_comment")

    def render_component(self, request):
        count = pending_count()
        label = f"{self.label} ({count})" if count else self.label
        url = f"{self.url}?status={CommentStatus.PENDING}"
        return LinkMenuItemComponent(
            self.name, label, url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Ý kiến bạn đọc")
    menu_name = "reader-comments"
    menu_order = 150
    index_view_class = CommentIndexView
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = CommentFilterSet
    list_display = [
        "name",
        Column("text", label=_("Nội dung"), accessor=_excerpt),
        ArticleColumn("page", label=_("Bài viết")),
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        Column("created_at", label=_("Ngày gửi"), sort_key="created_at", accessor=_short_datetime),
    ]
    search_fields = ["name", "email", "text"]
    search_backend_name = None
    list_per_page = 30
    ordering = ["-created_at"]
    menu_item_class = CommentMenuItem

    def get_queryset(self, request):
        return Comment.objects.for_listing()

    def get_urlpatterns(self):
        from django.urls import path

        return [*super().get_urlpatterns(), path("action/<int:pk>/<slug:name>/", action_view, name="action")]


class CommentBulkAction(SnippetBulkAction):
    """Applies one workflow transition to several comments, each logged in its history."""

    models = [Comment]
    transition_name = None
    template_name = "feedback/comments/admin_bulk.html"

    def check_perm(self, item):
        transition = comments.WORKFLOW.get(self.transition_name)
        return self.request.user.has_perm(comments.MODERATE) and item.status in transition.sources

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        count = 0
        for item in objects:
            comments.apply_transition(item, cls.transition_name, user)
            count += 1
        return count, 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("Đã xử lý %(count)d ý kiến.", "Đã xử lý %(count)d ý kiến.", num_parent_objects) % {
            "count": num_parent_objects
        }


class ApproveCommentsBulkAction(CommentBulkAction):
    display_name = _("Duyệt")
    action_type = "approve_comments"
    aria_label = _("Duyệt các ý kiến đã chọn")
    transition_name = "approve"
    action_priority = 10


class RejectCommentsBulkAction(CommentBulkAction):
    display_name = _("Không duyệt")
    action_type = "reject_comments"
    aria_label = _("Không duyệt các ý kiến đã chọn")
    transition_name = "reject"
    action_priority = 20


class SpamCommentsBulkAction(CommentBulkAction):
    display_name = _("Tin rác")
    action_type = "spam_comments"
    aria_label = _("Đánh dấu các ý kiến đã chọn là tin rác")
    transition_name = "mark_spam"
    action_priority = 30
    classes = {"serious"}


BULK_ACTIONS = [ApproveCommentsBulkAction, RejectCommentsBulkAction, SpamCommentsBulkAction]


def admin_url(comment):
    return reverse(f"{URL_NAMESPACE}:inspect", args=[comment.pk])
