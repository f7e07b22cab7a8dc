"""The recommendations' queue and page: the shared moderation admin (feedback/moderation_admin.py)
configured with the recommendations' workflow (supervision/services.py)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column

import django_filters

from feedback.moderation_admin import DeadlineColumn, ModerationViewSet, OverdueFilterMixin, StatusColumn, excerpt

from .. import services
from ..admin_forms import RecommendationTransitionForm
from ..models import Recommendation, RecommendationStatus, SupervisionRound


class RecommendationFilterSet(OverdueFilterMixin, WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Trạng thái"), choices=RecommendationStatus.choices)
    round = django_filters.ModelChoiceFilter(label=_("Đợt giám sát"), queryset=SupervisionRound.objects.all())
    overdue = django_filters.BooleanFilter(label=_("Quá hạn trả lời"), method="filter_overdue")

    class Meta:
        model = Recommendation
        fields = ["status", "round"]


class RecommendationViewSet(ModerationViewSet):
    model = Recommendation
    icon = "clipboard-list"
    menu_label = _("Kiến nghị sau giám sát")
    menu_name = "supervision-recommendations"
    menu_order = 20
    moderation_workflow = services.WORKFLOW
    apply_transition = staticmethod(services.apply_transition)
    action_labels = services.ACTION_LABELS
    transition_form_class = RecommendationTransitionForm
    waiting_state = RecommendationStatus.SENT
    filterset_class = RecommendationFilterSet
    inspect_template_name = "supervision/admin/recommendation_inspect.html"
    ordering = ["deadline", "pk"]
    list_display = [
        Column("addressee", label=_("Cơ quan nhận kiến nghị")),
        Column("round", label=_("Đợt giám sát")),
        StatusColumn("status", label=_("Trạng thái"), accessor="status_label"),
        DeadlineColumn("deadline", label=_("Hạn trả lời"), sort_key="deadline"),
    ]
    search_fields = ["addressee", "text"]

    def describe(self, item):
        return f"{item.addressee}: {excerpt(item.text, 80)}"

    def get_inspect_context(self, item, user):
        return {"chain": services.chain(item), "round": item.round}
