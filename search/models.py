"""What the search adds to other apps' models without changing them.

``PublishedResolution``: the feedback app's published, anonymised resolutions, as the public reads them
at /ket-qua-giai-quyet/. A proxy of ``feedback.Feedback`` whose ``search_fields`` name only what that
page shows (topic, public summary, answer): the sender's name, phone and email, the original message
and the moderators' notes never reach any index.
"""

import math

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from feedback.models import Feedback
from feedback.models.items import Status
from home.search import VietnameseSearchMixin

RESOLUTIONS_PER_PAGE = 10  # as the resolutions page lists them


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
        """Its place on the resolutions page (newest first, ten a page)."""
        newer = type(self).search_public_queryset().filter(published_at__gt=self.published_at).count()
        page = math.floor(newer / RESOLUTIONS_PER_PAGE) + 1
        query = f"?page={page}" if page > 1 else ""
        return f"{reverse('feedback:resolutions')}{query}#res-{self.pk}"


class RankVector(models.Model):
    """On PostgreSQL, the folded words of one search index entry with their positions: what ranking reads.

    ``ts_rank`` of an ``&`` query depends only on the positions and weights of the query's words in the
    document, and a folded query has folded (ASCII) words only, so ranking on these small vectors (about
    a third of the entry's ``body``, stored inline) gives the same scores as the entry's large, TOASTed
    ``body`` without reading it. A trigger on Wagtail's index table keeps them (migration 0003); on
    SQLite the table stays empty and unused.
    """

    entry_id = models.IntegerField(primary_key=True)  # wagtailsearch_indexentry.id
    vector = SearchVectorField()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return f"RankVector {self.entry_id}"
