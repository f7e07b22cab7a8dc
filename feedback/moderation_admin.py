"""One admin machinery for every model moderated through a :class:`~feedback.workflow.Workflow`.

A :class:`ModerationViewSet` gives its model: the queue (where "edit" opens the item's moderation page
and nothing is deleted), that page with one form per transition the user may apply now and the
history, the endpoint those forms post to, and a menu entry counting the items waiting in the
workflow's first state. :meth:`ModerationViewSet.bulk_action` turns any of the workflow's transitions
into a bulk action of the queue. Which states allow what is read from the workflow, never re-listed.

Feedback (feedback/viewsets.py) and reader comments (feedback/comment_viewsets.py) are two
configurations of it; another app (consultations, supervision) declares its own workflow and viewset.
"""

import functools

from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import EditView, IndexView, InspectView, SnippetViewSet

from .admin_forms import TransitionForm
from .workflow import IllegalTransition, history


def short_datetime(item):
    return timezone.localtime(item.created_at).strftime("%d/%m/%Y %H:%M")


def with_count(label, count):
    """A menu label with the number of waiting items: "Ý kiến bạn đọc (3)"."""
    return f"{label} ({count})" if count else label


def excerpt(text, length=90):
    return Truncator(" ".join(text.split())).chars(length)


class StatusColumn(Column):
    cell_template_name = "feedback/admin/status_cell.html"


class DeadlineColumn(Column):
    """A response deadline, marked when the item is past it (the model's ``is_overdue``)."""

    cell_template_name = "feedback/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["overdue"] = instance.is_overdue
        return context


class OverdueFilterMixin:
    """For a filter set whose ``overdue`` filter names this method: the queryset's ``overdue()`` items, or
    the others."""

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class ModerationIndexView(IndexView):
    def get_edit_url(self, instance):
        return self.get_inspect_url(instance)

    def get_list_more_buttons(self, instance):
        delete_url = self.get_delete_url(instance)
        return [button for button in super().get_list_more_buttons(instance) if button.url != delete_url][:1]


class ModerationEditView(EditView):
    """Moderators never rewrite what a citizen or a reader wrote: "edit" opens the moderation page."""

    def get(self, request, *args, **kwargs):
        return redirect(self.model.snippet_viewset.get_url_name("inspect"), quote(self.object.pk))

    post = get


class ModerationInspectView(InspectView):
    """The item, one form per transition the user may apply now, and its history."""

    def get_object(self, queryset=None):
        return self.model.snippet_viewset.get_item(self.request, self.pk)

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        viewset = self.model.snippet_viewset
        item, user = self.object, self.request.user
        context.update(
            item=item,
            actions=[
                {
                    "transition": transition,
                    "form": viewset.transition_form_class(transition, initial=transition.initial_values(item)),
                }
                for transition in viewset.moderation_workflow.available(item, user)
            ],
            events=[(event, viewset.action_labels.get(event.action, event.action)) for event in history(item)],
            action_url_name=viewset.get_url_name("action"),
            **viewset.get_inspect_context(item, user),
        )
        return context


class CountedMenuItem(MenuItem):
    """The viewset's menu entry, with the number of items waiting in the workflow's first state."""

    def __init__(self, viewset, **kwargs):
        super().__init__(**kwargs)
        self.viewset = viewset

    def is_shown(self, request):
        return request.user.has_perm(self.viewset.view_permission)

    def render_component(self, request):
        label = with_count(self.label, self.viewset.waiting_count(request.user))
        url = self.url
        if self.viewset.menu_opens_waiting:
            url = f"{url}?{self.viewset.moderation_workflow.state_field}={self.viewset.waiting_state}"
        return LinkMenuItemComponent(
            self.name, label, url, icon_name=self.icon_name, classname=self.classname, attrs=self.attrs
        )


class ModerationViewSet(SnippetViewSet):
    """The admin of a moderated model. Subclasses set the model and the attributes below."""

    moderation_workflow = None  # the model's Workflow
    apply_transition = None  # staticmethod(apply(item, name, user, *, note, values)): the app's service
    action_labels = {}  # history labels, transitions and other actions
    waiting_state = None  # the state the menu counts
    menu_opens_waiting = False  # the menu entry opens the queue filtered on that state
    extra_actions = ()  # other actions posted from the item's page, handled by ``<name>_action(request, item)``
    transition_form_class = TransitionForm  # a subclass adds the fields of the model's own transitions

    index_view_class = ModerationIndexView
    index_template_name = "feedback/admin/moderation_index.html"
    edit_view_class = ModerationEditView
    inspect_view_class = ModerationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    list_per_page = 30
    ordering = ["-created_at"]

    @cached_property
    def view_permission(self):
        return f"{self.model._meta.app_label}.{get_permission_codename('view', self.model._meta)}"

    def get_queryset(self, request):
        return self.visible_to(request.user).for_listing()

    def visible_to(self, user):
        """The items ``user`` may see; the queue, the item's page and the bulk actions keep to them."""
        return self.model.objects.all()

    def get_item(self, request, pk):
        return get_object_or_404(self.get_queryset(request), pk=pk)

    def waiting_count(self, user):
        state = {self.moderation_workflow.state_field: self.waiting_state}
        return self.visible_to(user).filter(**state).count()

    def get_inspect_context(self, item, user):
        """What the item's own template shows besides the shared actions and history."""
        return {}

    def get_menu_item(self, order=None):
        return CountedMenuItem(
            self,
            label=self.menu_label,
            url=self.menu_url,
            name=self.menu_name,
            icon_name=self.menu_icon,
            order=self.get_menu_item_order(order),
        )

    def get_urlpatterns(self):
        patterns = [*super().get_urlpatterns(), path("action/<int:pk>/<slug:name>/", self.action_view, name="action")]
        for pattern in patterns:
            pattern.callback = self.hide_invisible_items(pattern.callback)
        return patterns

    def hide_invisible_items(self, view):
        """Every view of one item (inspect, history, usage, edit, delete, any action, any view Wagtail
        adds later) answers 404 for an item the user may not see (:meth:`visible_to`): the rule lives
        here once, not in each view."""

        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            pk = kwargs.get("pk")
            if pk is not None and not self.visible_to(request.user).filter(pk=unquote(str(pk))).exists():
                raise Http404
            return view(request, *args, **kwargs)

        return guarded

    def register_chooser_viewset(self):
        """Moderated items are never picked in a chooser: no chooser, so no listing outside the rule."""

    @method_decorator(require_POST)
    def action_view(self, request, pk, name):
        """Applies one action posted from the item's page; errors go back to it as messages."""
        if not request.user.has_perm(self.view_permission):
            raise PermissionDenied
        item = self.get_item(request, pk)
        back = redirect(self.get_url_name("inspect"), item.pk)
        if name in self.extra_actions:
            try:
                getattr(self, f"{name}_action")(request, item)
            except (PermissionError, ValueError):
                raise PermissionDenied from None
            return back
        try:
            transition = self.moderation_workflow.get(name)
        except IllegalTransition:
            raise Http404 from None
        form = self.transition_form_class(transition, request.POST)
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
            self.apply_transition(item, name, request.user, note=form.note(), values=values)
        except IllegalTransition:
            messages.error(
                request,
                _("Thao tác “%(action)s” không áp dụng được cho ý kiến ở trạng thái hiện tại.")
                % {"action": transition.label},
            )
            return back
        messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": transition.label})
        return back

    def form_action(self, request, form_class, apply, success, error=""):
        """An extra action: validates ``form_class`` on the POST, passes its data to ``apply``, says so."""
        form = form_class(request.POST)
        if form.is_valid():
            apply(form.cleaned_data)
            messages.success(request, success)
        elif error:
            messages.error(request, error)

    def describe(self, item):
        """One line naming ``item`` in a bulk action's confirmation."""
        return str(item)

    @classmethod
    def bulk_action(cls, name, *, action_type, aria_label, priority, label=None):
        """A bulk action of the queue applying transition ``name`` to each selected item."""
        transition = cls.moderation_workflow.get(name)
        return type(
            f"{cls.model.__name__}{name.title().replace('_', '')}BulkAction",
            (TransitionBulkAction,),
            {
                "models": [cls.model],
                "transition_name": name,
                "display_name": label or transition.label,
                "action_type": action_type,
                "aria_label": aria_label,
                "action_priority": priority,
                "classes": {"serious"} if transition.style == "serious" else set(),
            },
        )


class TransitionBulkAction(SnippetBulkAction):
    """Applies one workflow transition to several items, each through the workflow (so each is logged).

    Made by :meth:`ModerationViewSet.bulk_action`; an item is actionable when the transition starts
    from its state, the user holds the transition's permission and may see the item.
    """

    transition_name = None
    template_name = "feedback/admin/bulk_transition.html"

    @cached_property
    def viewset(self):
        return self.model.snippet_viewset

    @cached_property
    def transition(self):
        return self.viewset.moderation_workflow.get(self.transition_name)

    def check_perm(self, item):
        workflow, user = self.viewset.moderation_workflow, self.request.user
        return (
            workflow.can(user, self.transition)
            and workflow.allows(self.transition_name, workflow.state_of(item))
            and self.viewset.visible_to(user).filter(pk=item.pk).exists()
        )

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        apply = cls.models[0].snippet_viewset.apply_transition
        for item in objects:
            apply(item, cls.transition_name, user)
        return len(objects), 0

    def get_execution_context(self):
        return {"user": self.request.user}

    def object_context(self, item):
        return {**super().object_context(item), "summary": self.viewset.describe(item)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        context["action_button_class"] = "serious" if self.transition.style == "serious" else ""
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Đã thực hiện “%(action)s” cho %(count)d ý kiến.",
            "Đã thực hiện “%(action)s” cho %(count)d ý kiến.",
            num_parent_objects,
        ) % {"action": self.display_name, "count": num_parent_objects}
