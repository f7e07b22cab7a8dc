"""The published, anonymised resolutions as the site search sees them.

``PublishedResolution`` is a proxy of :class:`~feedback.models.Feedback` whose ``search_fields`` name only
what the resolutions page (/ket-qua-giai-quyet/) shows: topic, locality, public summary and answer. The
sender's name, phone and email, the original message and the moderators' notes never reach any index.
It takes part in the search through the ``portal_search_models`` hook (feedback/wagtail_hooks.py), and
:mod:`feedback.signals` keeps its index entries in step with the items.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from home.indexing import VietnameseSearchMixin

from .items import Feedback, Status

RESOLUTIONS_PER_PAGE = 10  # the resolutions page lists them ten a page, newest first


class PublishedResolution(VietnameseSearchMixin, index.Indexed, Feedback):
    search_group = "feedback"
    search_date_field = "published_at"
    search_fields = [
        index.SearchField("title"),
        index.SearchField("public_summary"),
        index.SearchField("answer"),
        index.FilterField("status"),
        index.FilterField("published_at"),
    ]

    class Meta:
        proxy = True
        default_permissions = ()
        verbose_name = _("Kết quả giải quyết đã công khai")
        verbose_name_plural = _("Kết quả giải quyết đã công khai")

    @classmethod
    def search_public_queryset(cls):
        return cls.objects.filter(status=Status.PUBLISHED, published_at__isnull=False)

    @classmethod
    def get_indexed_objects(cls):
        return cls.search_public_queryset().select_related("topic", "unit")

    @property
    def title(self):
        """As the resolutions page heads it: the topic, and the locality when there is one."""
        if self.unit_id:
            return f"{self.topic.name} · {self.unit.name}"
        return self.topic.name

    def get_absolute_url(self):
        """Its place on the resolutions page (newest first, ``RESOLUTIONS_PER_PAGE`` a page)."""
        newer = type(self).search_public_queryset().filter(published_at__gt=self.published_at).count()
        page = newer // RESOLUTIONS_PER_PAGE + 1
        query = f"?page={page}" if page > 1 else ""
        return f"{reverse('feedback:resolutions')}{query}#res-{self.pk}"
