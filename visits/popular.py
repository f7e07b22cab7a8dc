"""The "Đọc nhiều" lists: the news articles most read in the last days, in the language being read."""

import datetime

from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone

from home import fragments
from news.models import NewsArticlePage

from .models import PageVisitDay

DAYS = 30
COUNT = 5


def most_read(days=DAYS, count=COUNT):
    """``[(article, visits)]``: published, public articles of the language being read, most read first
    over the last ``days`` days (today included), in three queries whatever the number of pages."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    articles = NewsArticlePage.objects.published()
    totals = list(
        PageVisitDay.objects.filter(date__gte=since, page__in=articles.values("pk"))
        .values("page")
        .annotate(total=Sum("count"))
        .order_by("-total", "-page")[:count]
    )
    found = articles.for_listing().in_bulk([row["page"] for row in totals])
    return [(found[row["page"]], row["total"]) for row in totals if row["page"] in found]


def render_most_read(request, heading_level="h2"):
    """The list's HTML (the same for every reader), kept in the fragment cache: recounted at most every
    ``FRAGMENT_SECONDS`` and after each publish. ``""`` when nothing has been read yet, or on an error."""

    def build():
        return render_to_string(
            "visits/most_read.html", {"items": most_read(), "heading_level": heading_level}, request=request
        )

    try:
        return fragments.cached(f"visits-most-read:{heading_level}", build)
    except Exception:  # a count must never take a page down
        return ""
