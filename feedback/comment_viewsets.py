"""The admin of reader comments, beside feedback: the shared moderation admin with the comment workflow.

What only comments have: the article column and filter, and the editorial team's public reply.
"""

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Page

import django_filters

from . import comments
from .models import Comment, CommentStatus
from .moderation_admin import ModerationViewSet, StatusColumn, excerpt, short_datetime


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


def isolated_excerpt(comment):
    """In an isolating element: a reader's right-to-left text never reorders the columns beside it."""
    return format_html("<bdi>{}</bdi>", excerpt(comment.text))


class ArticleColumn(Column):
    cell_template_name = "feedback/comments/admin_article_cell.html"


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


class CommentViewSet(ModerationViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Ý kiến bạn đọc")
    menu_name = "reader-comments"
    menu_order = 150
    moderation_workflow = comments.WORKFLOW
    apply_transition = staticmethod(comments.apply_transition)
    action_labels = comments.ACTION_LABELS
    waiting_state = CommentStatus.PENDING
    menu_opens_waiting = True
    extra_actions = ("reply",)
    inspect_template_name = "feedback/comments/admin_inspect.html"
    filterset_class = CommentFilterSet
    list_display = [
        "name",
        # In an isolating element: a reader's right-to-left text never reorders the columns beside it.
        Column(
            "text", label=_("Nội dung"), accessor=lambda comment: format_html("<bdi>{}</bdi>", excerpt(comment.text))
        ),
        ArticleColumn("page", label=_("Bài viết")),
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        Column("created_at", label=_("Ngày gửi"), sort_key="created_at", accessor=short_datetime),
    ]
    search_fields = ["name", "email", "text"]

    def describe(self, comment):
        return f"{comment.name}: {excerpt(comment.text, 80)}"

    def get_inspect_context(self, comment, user):
        return {
            "comment": comment,
            "article_url": comment.page.url,
            "replies": list(comment.replies.select_related("author")),
            "can_reply": user.has_perm(comments.MODERATE),
            "reply_form": ReplyForm(),
        }

    def reply_action(self, request, comment):
        def reply(data):
            comments.add_reply(comment, request.user, data["text"])

        error = _("Trả lời không được để trống và không quá 2.000 ký tự.")
        self.form_action(request, ReplyForm, reply, _("Đã đăng trả lời của ban biên tập."), error)


# (transition, bulk action type, button label, label for screen readers, order)
BULK_ACTIONS = [
    CommentViewSet.bulk_action(name, action_type=action_type, label=label, aria_label=aria_label, priority=priority)
    for name, action_type, label, aria_label, priority in [
        ("approve", "approve_comments", _("Duyệt"), _("Duyệt các ý kiến đã chọn"), 10),
        ("reject", "reject_comments", None, _("Không duyệt các ý kiến đã chọn"), 20),
        ("mark_spam", "spam_comments", _("Tin rác"), _("Đánh dấu các ý kiến đã chọn là tin rác"), 30),
    ]
]
