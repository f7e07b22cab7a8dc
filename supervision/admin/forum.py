"""Listening-forum sessions in the admin, listed per unit; a session's page shows the items entered from it."""

from django import forms
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, InspectView, SnippetViewSet

import django_filters

from accounts.models import OrganisationUnit
from feedback.intake import can_record

from ..models import ForumSession
from .visibility import linked_items


class YearFilter(django_filters.NumberFilter):
    """A whole year in a range dates can hold: ``?year=0`` or ``?year=99999`` would make the database
    lookup fail (no such date), ``2024.5`` is not a year."""

    field_class = forms.IntegerField


class ForumSessionFilterSet(WagtailFilterSet):
    unit = django_filters.ModelChoiceFilter(label=_("Đơn vị"), queryset=OrganisationUnit.objects.tree_order())
    year = YearFilter(label=_("Năm"), field_name="held_on", lookup_expr="year", min_value=1900, max_value=2100)

    class Meta:
        model = ForumSession
        fields = ["unit"]


class ForumSessionCreateView(CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class ForumSessionInspectView(InspectView):
    template_name = "supervision/admin/session_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(ForumSession.objects.select_related("unit"), pk=self.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        session, user = self.object, self.request.user
        items = [entry.feedback for entry in session.entries.select_related("feedback__topic").order_by("pk")]
        context.update(session=session, items=linked_items(items, user), can_record=can_record(user))
        return context


class ForumSessionViewSet(SnippetViewSet):
    model = ForumSession
    icon = "group"
    menu_label = _("Diễn đàn lắng nghe")
    menu_name = "supervision-forum"
    menu_order = 30
    add_view_class = ForumSessionCreateView
    inspect_view_class = ForumSessionInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    search_fields = ["place", "chair", "topics_raised"]
    filterset_class = ForumSessionFilterSet
    ordering = ["unit__sort_path", "-held_on"]
    list_display = [
        "unit",
        Column("held_on", label=_("Ngày tổ chức"), sort_key="held_on"),
        "place",
        Column("participants", label=_("Số người tham dự")),
        Column("item_count", label=_("Số ý kiến ghi nhận")),
    ]
    panels = [
        FieldRowPanel([FieldPanel("unit"), FieldPanel("held_on")]),
        FieldPanel("place"),
        FieldRowPanel([FieldPanel("chair"), FieldPanel("participants")]),
        FieldPanel("topics_raised"),
    ]

    def get_queryset(self, request):
        return ForumSession.objects.for_listing()
