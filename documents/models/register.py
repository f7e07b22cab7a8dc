"""``/van-ban/``: the register, its filters and search, and its RSS feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from home.pagination import paginate

from .document import OfficialDocumentPage

DOCUMENTS_PER_PAGE = 20


class DocumentRegisterPage(RoutablePageMixin, BasePage):
    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=500)

    template = "documents/register_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["documents.OfficialDocumentPage"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Trang văn bản")
        verbose_name_plural = _("Trang văn bản")

    def get_meta_description(self):
        return self.search_description or self.intro

    def documents(self):
        return OfficialDocumentPage.objects.child_of(self).published()

    def feeds(self):
        return [(f"{self.title} (RSS)", "application/rss+xml", (self.url or "") + self.reverse_subpage("rss"))]

    @path("")
    def listing(self, request):
        from ..forms import RegisterFilterForm

        form = RegisterFilterForm(request.GET, register=self)
        documents = form.apply(self.documents()).for_listing()
        page_obj = paginate(request, documents, DOCUMENTS_PER_PAGE)
        context = {
            "form": form,
            "page_obj": page_obj,
            "documents": page_obj.object_list,
            "feeds": self.feeds(),
        }
        return self.render(request, context_overrides=context)

    @path("rss/")
    def rss(self, request):
        from ..feeds import DocumentsFeed

        return DocumentsFeed(self)(request)
