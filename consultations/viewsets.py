"""The staff side: the queues of consultation comments and of questions (feedback's moderation admin),
the fields of questions, and the downloads of a consultation (comments as XLSX, synthesis as DOCX)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

import django_filters

from feedback.admin_forms import TransitionForm
from feedback.comment_viewsets import CommentViewSet
from feedback.models import CommentStatus
from feedback.moderation_admin import ModerationViewSet, StatusColumn, excerpt, short_datetime

from . import export, questions
from .forms import has_contact
from .models import ConsultationComment, ConsultationPage, Question, QuestionField, QuestionStatus
from .models.questions import ANSWER_MAX, QUESTION_MAX

COMMENTS_NAMESPACE = "wagtailsnippets_consultations_consultationcomment"


class ConsultationCommentFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=CommentStatus.choices)
    page = django_filters.ModelChoiceFilter(
        label=_("Dự thảo"), queryset=lambda request: ConsultationPage.objects.order_by("-closes_at")
    )
    created_at = django_filters.DateFromToRangeFilter(label=_("Ngày gửi"), widget=DateRangePickerWidget)

    class Meta:
        model = ConsultationComment
        fields = ["status", "page", "created_at"]


class ConsultationCommentViewSet(CommentViewSet):
    """Feedback's comment admin (workflow, reply, history) for the comments on drafts, with their details."""

    model = ConsultationComment
    icon = "doc-full"
    menu_label = _("Góp ý dự thảo")
    menu_name = "consultation-comments"
    menu_order = 100
    inspect_template_name = "consultations/admin/comment_inspect.html"
    filterset_class = ConsultationCommentFilterSet
    list_display = [
        "name",
        Column("text", label=_("Nội dung"), accessor=lambda item: format_html("<bdi>{}</bdi>", excerpt(item.text))),
        Column("page", label=_("Dự thảo"), accessor=lambda item: item.page.title),
        Column("where", label=_("Góp ý vào")),
        Column("unit", label=_("Đơn vị"), accessor=lambda item: item.details.unit or "—"),
        BooleanColumn("is_member", label=_("Hội viên"), accessor=lambda item: item.details.is_member),
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        Column("created_at", label=_("Ngày gửi"), sort_key="created_at", accessor=short_datetime),
    ]

    def visible_to(self, user):
        return ConsultationComment.objects.on_consultations()

    def get_inspect_context(self, comment, user):
        return {**super().get_inspect_context(comment, user), "details": comment.details}

    def export_view(self, request, page_id):
        """The comments of one consultation as XLSX; names and contacts only with the permission."""
        if not request.user.has_perm(self.view_permission):
            raise PermissionDenied
        page = get_object_or_404(ConsultationPage, pk=page_id)
        personal = request.GET.get("ca-nhan") == "1"
        if personal and not request.user.has_perm(export.PERSONAL_PERMISSION):
            raise PermissionDenied
        suffix = "-ca-nhan" if personal else ""
        return export.comments_workbook(page, include_personal=personal).response(f"gop-y-{page.slug}{suffix}.xlsx")

    def synthesis_view(self, request, page_id):
        """The synthesis as DOCX, for whoever may edit the consultation or moderate its comments."""
        page = get_object_or_404(ConsultationPage, pk=page_id)
        if not (page.permissions_for_user(request.user).can_edit() or request.user.has_perm(self.view_permission)):
            raise PermissionDenied
        response = HttpResponse(export.synthesis_docx(page), content_type=export.DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="bao-cao-tong-hop-{page.slug}.docx"'
        return response

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("export/<int:page_id>/", self.export_view, name="export"),
            path("synthesis/<int:page_id>/", self.synthesis_view, name="synthesis"),
        ]


def consultation_download_urls(page_id):
    return {
        "xlsx": reverse(f"{COMMENTS_NAMESPACE}:export", args=[page_id]),
        "xlsx_personal": reverse(f"{COMMENTS_NAMESPACE}:export", args=[page_id]) + "?ca-nhan=1",
        "docx": reverse(f"{COMMENTS_NAMESPACE}:synthesis", args=[page_id]),
    }


class QuestionTransitionForm(TransitionForm):
    """Publishing asks for the public question (personal details removed), the field and the answer."""

    FIELD_FACTORIES = {
        **TransitionForm.FIELD_FACTORIES,
        "question": lambda: forms.CharField(
            label=_("Câu hỏi công khai (đã lược bỏ thông tin cá nhân)"),
            max_length=QUESTION_MAX,
            widget=forms.Textarea(attrs={"rows": 5}),
        ),
        "field": lambda: forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=QuestionField.objects.all()),
        "answer": lambda: forms.CharField(
            label=_("Câu trả lời"), max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 8})
        ),
    }

    def clean_question(self):
        question = self.cleaned_data["question"].strip()
        if has_contact(question):
            raise forms.ValidationError(
                _("Câu hỏi công khai còn số điện thoại hoặc thư điện tử. Xin lược bỏ trước khi công khai.")
            )
        return question


class QuestionFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=QuestionStatus.choices)
    field = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=QuestionField.objects.all())
    has_contact_in_text = django_filters.BooleanFilter(label=_("Có thông tin liên hệ trong câu hỏi"))

    class Meta:
        model = Question
        fields = ["status", "field", "has_contact_in_text"]


class FlagColumn(Column):
    cell_template_name = "consultations/admin/flag_cell.html"


class QuestionViewSet(ModerationViewSet):
    model = Question
    icon = "help"
    menu_label = _("Câu hỏi")
    menu_name = "questions"
    menu_order = 110
    moderation_workflow = questions.WORKFLOW
    apply_transition = staticmethod(questions.apply_transition)
    action_labels = questions.ACTION_LABELS
    waiting_state = QuestionStatus.NEW
    menu_opens_waiting = True
    transition_form_class = QuestionTransitionForm
    inspect_template_name = "consultations/admin/question_inspect.html"
    # Wagtail looks up get_<name>_display_value for each field shown: "field" would hit its own method.
    inspect_view_fields = ["code", "status", "created_at"]
    filterset_class = QuestionFilterSet
    list_display = [
        "code",
        Column("text", label=_("Câu hỏi"), accessor=lambda item: format_html("<bdi>{}</bdi>", excerpt(item.text))),
        FlagColumn("has_contact_in_text", label=_("Cần lược bỏ")),
        "field",
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        Column("created_at", label=_("Ngày gửi"), sort_key="created_at", accessor=short_datetime),
    ]
    search_fields = ["code", "text", "public_question", "answer", "name", "email", "phone"]

    def get_queryset(self, request):
        return Question.objects.for_listing()

    def describe(self, item):
        return f"{item.code}: {excerpt(item.text, 80)}"

    def get_inspect_context(self, item, user):
        return {"question": item, "public_url": item.get_absolute_url()}


class QuestionFieldViewSet(SnippetViewSet):
    model = QuestionField
    icon = "tag"
    menu_label = _("Lĩnh vực hỏi đáp")
    menu_order = 120
    list_display = ["name", "slug", "sort_order"]
    search_backend_name = None
    copy_view_enabled = False
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]


class ConsultationsViewSetGroup(SnippetViewSetGroup):
    items = (ConsultationCommentViewSet, QuestionViewSet, QuestionFieldViewSet)
    menu_label = _("Góp ý dự thảo, hỏi đáp")
    menu_icon = "doc-full"
    menu_name = "consultations"
    menu_order = 260


# (viewset, transition, bulk action type, button label, label for screen readers, order)
BULK_ACTIONS = [
    viewset.bulk_action(name, action_type=action_type, label=label, aria_label=aria_label, priority=priority)
    for viewset, name, action_type, label, aria_label, priority in [
        (
            ConsultationCommentViewSet,
            "approve",
            "approve_consultation_comments",
            _("Duyệt"),
            _("Duyệt các góp ý đã chọn"),
            10,
        ),
        (
            ConsultationCommentViewSet,
            "reject",
            "reject_consultation_comments",
            None,
            _("Không duyệt các góp ý đã chọn"),
            20,
        ),
        (
            ConsultationCommentViewSet,
            "mark_spam",
            "spam_consultation_comments",
            _("Tin rác"),
            _("Đánh dấu các góp ý đã chọn là tin rác"),
            30,
        ),
        (QuestionViewSet, "reject", "reject_questions", None, _("Không công khai các câu hỏi đã chọn"), 20),
        (
            QuestionViewSet,
            "mark_spam",
            "spam_questions",
            _("Tin rác"),
            _("Đánh dấu các câu hỏi đã chọn là tin rác"),
            30,
        ),
    ]
]
