"""``/co-so-hoi/``: the directory of the commune and ward unions and their branches, one page per unit at
``/co-so-hoi/<number>-<name>/`` (the number keeps the address when the unit is renamed)."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Page
from wagtail.search import index

from accounts.models import OrganisationUnit
from home.models import BasePage
from home.text import visitor_line

from .. import directory


class UnitDirectoryPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)

    template = "organisation/directory_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Trang danh bạ cơ sở Hội")
        verbose_name_plural = _("Trang danh bạ cơ sở Hội")

    def get_meta_description(self):
        return self.search_description or self.intro

    def unit_url(self, unit):
        return (self.url or "") + self.reverse_subpage(
            "unit", kwargs={"pk": str(unit.pk), "slug": directory.unit_slug(unit)}
        )

    @path("")
    def listing(self, request):
        query = visitor_line(request.GET.get("q", "")).replace("\x00", "")[: directory.QUERY_MAX]
        all_units = directory.units()
        context = {"query": query}
        if query:
            context["results"] = directory.matching(all_units, query)
        else:
            context["tree"] = directory.tree(all_units)
        return self.render(request, context_overrides=context)

    @re_path(r"^(?P<pk>\d{1,9})-(?P<slug>[-a-z0-9]*)/$")
    def unit(self, request, pk, slug):
        unit = OrganisationUnit.objects.select_related("parent").filter(pk=int(pk)).first()
        if unit is None:
            raise Http404
        if slug != directory.unit_slug(unit):  # renamed since the link was made: the current address
            return redirect(self.unit_url(unit), permanent=True)
        context = {
            "unit": unit,
            "children": list(unit.children.order_by("sort_path")),
            "links": directory.unit_links(request, unit),
        }
        return self.render(request, template="organisation/unit_page.html", context_overrides=context)
