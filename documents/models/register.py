"""``/van-ban/``: the register, its filters and search, and its RSS feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from home.pagination import paginate
from home.ratelimit import client_ip, rate_limited, too_many_requests

from .document import OfficialDocumentPage

DOCUMENTS_PER_PAGE = 20
# Searches (``?q=``) per address and per minute: every one reads the folded text of every document, and the
# page cache keeps only the searches already made. Filters alone are indexed lookups and are not counted.
SEARCH_LIMIT = 30
SEARCH_WINDOW = 60


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
        limited = self.too_many_searches(request)
        # Over the limit the form keeps what was typed and says when to try again; nothing is searched.
        documents = self.documents().none() if limited else form.apply(self.documents()).for_listing()
        page_obj = paginate(request, documents, DOCUMENTS_PER_PAGE)
        context = {
            "form": form,
            "page_obj": page_obj,
            "documents": page_obj.object_list,
            "feeds": self.feeds(),
            "rate_limited": limited,
        }
        response = self.render(request, context_overrides=context)
        return too_many_requests(response, SEARCH_WINDOW) if limited else response

    @staticmethod
    def too_many_searches(request):
        """Counts a search (a request with ``?q=``) of this address; ``True`` past the limit."""
        if not request.GET.get("q", "").strip():
            return False
        return rate_limited("documents-search", client_ip(request), SEARCH_LIMIT, SEARCH_WINDOW)

    @path("rss/")
    def rss(self, request):
        from ..feeds import DocumentsFeed

        return DocumentsFeed(self)(request)
