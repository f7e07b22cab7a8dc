"""Supervision rounds in the admin: the list, the form (with the codes of the items that prompted the
round), and the round's page: its facts, sources, recommendations, a form to add one, and publishing."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, InspectView, SnippetViewSet

from feedback.models import Feedback
from feedback.workflow import history
from home.text import record_id

from .. import services
from ..admin_forms import RecommendationForm, RoundAdminForm
from ..models import SupervisionRound
from .visibility import linked_items


class RoundCreateView(CreateView):
    """``?y_kien=<id>`` opens a round from a feedback item: its code, unit and topic are filled in."""

    def get_initial(self):
        initial = super().get_initial()
        item_id = record_id(self.request.GET.get("y_kien"))
        item = Feedback.objects.filter(pk=item_id).first() if item_id is not None else None
        if item is not None:
            # Only the code of an item the cadre may not read (sensitive topic); its facts otherwise.
            initial["source_codes"] = item.code
            if Feedback.objects.visible_to(self.request.user).filter(pk=item.pk).exists():
                initial.update(lead_unit=item.unit_id, area=item.topic_id)
        return initial


class RoundInspectView(InspectView):
    template_name = "supervision/admin/round_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(SupervisionRound.objects.for_listing(), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        round, user = self.object, self.request.user
        recommendations = round.recommendations.select_related("previous").order_by("sent_on", "pk")
        context.update(
            round=round,
            sources=linked_items(round.source_items.select_related("topic"), user),
            sessions=round.source_sessions.select_related("unit"),
            recommendations=recommendations,
            recommendation_form=RecommendationForm() if user.has_perm(services.ADD) else None,
            can_publish=user.has_perm(services.PUBLISH),
            events=[(event, ROUND_ACTIONS.get(event.action, event.action)) for event in history(round)],
            action_url_name=SupervisionRound.snippet_viewset.get_url_name("action"),
        )
        return context


ROUND_ACTIONS = {"publish": _("Công khai kết quả"), "unpublish": _("Thôi công khai")}


class SupervisionRoundViewSet(SnippetViewSet):
    model = SupervisionRound
    icon = "view"
    menu_label = _("Đợt giám sát")
    menu_name = "supervision-rounds"
    menu_order = 10
    add_view_class = RoundCreateView
    inspect_view_class = RoundInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["topic", "supervised_body"]
    list_filter = ["kind", "area", "lead_unit"]
    list_display = [
        "topic",
        Column("kind", label=_("Hình thức"), accessor="kind_label"),
        "supervised_body",
        "lead_unit",
        Column("stage", label=_("Tiến độ"), accessor="stage_label"),
        Column("published_at", label=_("Công khai"), accessor="published_at"),
    ]
    ordering = ["-planned_start", "-pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("topic"),
            # A plain list: supervision staff need no permission on topics to pick one.
            FieldRowPanel([FieldPanel("kind"), FieldPanel("area", widget=forms.Select)]),
            FieldPanel("supervised_body"),
            FieldRowPanel([FieldPanel("lead_unit"), FieldPanel("lead")]),
            FieldPanel("members"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_end")]),
                    FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_end")]),
                ],
                heading=_("Thời gian"),
            ),
            MultiFieldPanel([FieldPanel("source_codes"), FieldPanel("source_sessions")], heading=_("Căn cứ giám sát")),
            FieldPanel("findings"),
            FieldPanel("public_summary"),
        ],
        base_form_class=RoundAdminForm,
    )

    def get_queryset(self, request):
        return SupervisionRound.objects.for_listing()

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("action/<int:pk>/<slug:name>/", self.action_view, name="action")]

    @method_decorator(require_POST)
    def action_view(self, request, pk, name):
        round = get_object_or_404(SupervisionRound, pk=pk)
        back = redirect(self.get_url_name("inspect"), round.pk)
        if name == "recommend":
            self._recommend(request, round)
        elif name in ("publish", "unpublish"):
            try:
                (services.publish_round if name == "publish" else services.unpublish_round)(round, request.user)
            except ValueError:
                messages.error(request, _("Chỉ công khai được đợt đã kết thúc và có tóm tắt kết quả công khai."))
                return back
            done = _("Đã công khai kết quả giám sát.") if name == "publish" else _("Đã thôi công khai.")
            messages.success(request, done)
        else:
            raise PermissionDenied
        return back

    def _recommend(self, request, round):
        if not request.user.has_perm(services.ADD):
            raise PermissionDenied
        form = RecommendationForm(request.POST)
        if not form.is_valid():
            errors = "; ".join(
                f"{form.fields[field].label}: {' '.join(errs)}" if field in form.fields else " ".join(errs)
                for field, errs in form.errors.items()
            )
            messages.error(request, _("Chưa thêm kiến nghị: %(errors)s") % {"errors": errors})
            return
        services.create_recommendation(round, request.user, **form.cleaned_data)
        messages.success(request, _("Đã thêm kiến nghị."))
