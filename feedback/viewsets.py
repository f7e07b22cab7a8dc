"""The moderation admin: the queue, the item's page with one form per allowed action, topics, outbox."""

from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.sidebar import SubMenuItem as SubMenuItemComponent
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import HeaderButton
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet, SnippetViewSetGroup

import django_filters

from accounts.models import OrganisationUnit

from . import export, services
from .admin_forms import AssignForm, NoteForm, TransitionForm
from .comment_viewsets import CommentViewSet
from .models import Feedback, Status, Topic
from .workflow import IllegalTransition

URL_NAMESPACE = "wagtailsnippets_feedback_feedback"


def _short_datetime(item):
    return timezone.localtime(item.created_at).strftime("%d/%m/%Y %H:%M")


def new_count(user):
    return Feedback.objects.visible_to(user).filter(status=Status.NEW).count()


class FeedbackFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=Status.choices)
    topic = django_filters.ModelChoiceFilter(label=_("Lĩnh vực"), queryset=Topic.objects.all())
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
        fields = ["status", "topic", "unit", "assignee", "created_at"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class DeadlineColumn(Column):
    cell_template_name = "feedback/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.is_overdue
        return context


class StatusColumn(Column):
    cell_template_name = "feedback/admin/status_cell.html"


class FeedbackIndexView(IndexView):
    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)

    def get_list_more_buttons(self, instance):
        return [
            button for button in super().get_list_more_buttons(instance) if button.url != self.get_delete_url(instance)
        ][:1]

    @cached_property
    def header_buttons(self):
        query = self.request.GET.urlencode()
        url = reverse(f"{URL_NAMESPACE}:export") + (f"?{query}" if query else "")
        return [*super().header_buttons, HeaderButton(_("Xuất Excel"), url=url, icon_name="download")]


class FeedbackEditView(EditView):
    """Moderators never rewrite what a citizen sent: "edit" opens the item's moderation page."""

    def get(self, request, *args, **kwargs):
        return redirect(f"{URL_NAMESPACE}:inspect", quote(self.object.pk))

    post = get


def visible_item(request, pk):
    return get_object_or_404(
        Feedback.objects.visible_to(request.user).select_related("topic", "unit", "assignee"), pk=pk
    )


class FeedbackInspectView(InspectView):
    template_name = "feedback/admin/inspect.html"

    def get_object(self, queryset=None):
        return visible_item(self.request, self.pk)

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        item = self.object
        user = self.request.user
        bound = getattr(self, "bound_forms", {})
        actions = []
        for transition in services.WORKFLOW.available(item, user):
            form = bound.get(transition.name) or TransitionForm(transition)
            if transition.name == "publish" and not form.is_bound:
                form.initial["public_summary"] = services.suggest_public_summary(item)
            actions.append({"transition": transition, "form": form})
        context.update(
            {
                "item": item,
                "attachments": list(item.attachments.all()),
                "events": [
                    (event, services.ACTION_LABELS.get(event.action, event.action)) for event in services.history(item)
                ],
                "actions": actions,
                "can_change": user.has_perm(services.CHANGE),
                "assign_form": bound.get("assign") or AssignForm(initial={"assignee": item.assignee_id}),
                "note_form": bound.get("note") or NoteForm(),
                "action_url_name": f"{URL_NAMESPACE}:action",
            }
        )
        return context


class FeedbackMenuItem(MenuItem):
    """The menu entry shows how many new items wait: "Ý kiến, phản ánh (3)"."""

    def is_shown(self, request):
        return request.user.has_perm("feedback.view_feedback")

    def render_component(self, request):
        count = new_count(request.user)
        label = f"{self.label} ({count})" if count else self.label
        return LinkMenuItemComponent(
            self.name, label, self.url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


@require_POST
def action_view(request, pk, name):
    """Applies one moderation action posted from the item's page; errors go back as messages."""
    item = visible_item(request, pk)
    back = redirect(f"{URL_NAMESPACE}:inspect", item.pk)
    if name == "assign":
        form = AssignForm(request.POST)
        if form.is_valid():
            try:
                services.assign(item, form.cleaned_data["assignee"], request.user)
            except (PermissionError, ValueError):
                raise PermissionDenied from None
            messages.success(request, _("Đã phân công xử lý."))
        return back
    if name == "note":
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                services.add_note(item, request.user, form.cleaned_data["note"])
            except PermissionError:
                raise PermissionDenied from None
            messages.success(request, _("Đã lưu ghi chú nội bộ."))
        else:
            messages.error(request, _("Ghi chú không được để trống."))
        return back
    try:
        transition = services.WORKFLOW.get(name)
    except IllegalTransition:
        raise Http404 from None
    form = TransitionForm(transition, request.POST)
    if not form.is_valid():
        errors = "; ".join(
            f"{form.fields[field].label}: {' '.join(errs)}" if field in form.fields else " ".join(errs)
            for field, errs in form.errors.items()
        )
        messages.error(
            request, _("Chưa thực hiện “%(action)s”: %(errors)s") % {"action": transition.label, "errors": errors}
        )
        return back
    values = {key: form.cleaned_data[key] for key in transition.fields}
    try:
        services.apply_transition(item, name, request.user, note=form.note(), values=values)
    except IllegalTransition:
        messages.error(
            request,
            _("Thao tác “%(action)s” không áp dụng được cho ý kiến ở trạng thái hiện tại.")
            % {"action": transition.label},
        )
        return back
    except PermissionDenied:
        raise
    messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": transition.label})
    return back


def attachment_view(request, pk, attachment_pk):
    """Streams an attachment to a moderator allowed to see its item; never cached, never sniffed."""
    item = visible_item(request, pk)
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.original_name,
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    return response


def export_view(request):
    if not request.user.has_perm("feedback.view_feedback"):
        raise PermissionDenied
    queryset = Feedback.objects.visible_to(request.user).for_listing()
    filterset = FeedbackFilterSet(request.GET or None, queryset=queryset, request=request)
    if filterset.is_bound and filterset.is_valid():
        queryset = filterset.qs
    include_personal = request.user.has_perm("feedback.export_personal_data")
    content = export.workbook_bytes(queryset, include_personal=include_personal)
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="y-kien-phan-anh-{stamp}.xlsx"'
    return response


class FeedbackViewSet(SnippetViewSet):
    model = Feedback
    icon = "mail"
    menu_label = _("Ý kiến, phản ánh")
    menu_name = "feedback-items"
    menu_order = 100
    index_view_class = FeedbackIndexView
    edit_view_class = FeedbackEditView
    inspect_view_class = FeedbackInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = FeedbackFilterSet
    list_display = [
        "code",
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        "topic",
        "unit",
        Column("created_at", label=_("Ngày gửi"), sort_key="created_at", accessor=_short_datetime),
        DeadlineColumn("deadline", label=_("Hạn trả lời"), sort_key="deadline"),
        "assignee",
    ]
    search_fields = ["code", "content", "name", "phone", "email", "forwarded_to"]
    search_backend_name = None
    list_per_page = 30
    ordering = ["-created_at"]

    @cached_property
    def menu_item_class(self):
        return FeedbackMenuItem

    def get_queryset(self, request):
        return Feedback.objects.visible_to(request.user).for_listing()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("action/<int:pk>/<slug:name>/", action_view, name="action"),
            path("attachment/<int:pk>/<int:attachment_pk>/", attachment_view, name="attachment"),
            path("export/", export_view, name="export"),
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
        count = new_count(request.user) if request.user.has_perm("feedback.view_feedback") else 0
        label = f"{self.label} ({count})" if count else self.label
        return SubMenuItemComponent(
            self.name,
            label,
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
