"""Visit counts for the last 30 days on every live page (the English ones too), more for the news
articles and the home page, so that the "Đọc nhiều" lists, the footer's total and the report show
something. Deterministic (the same numbers on every machine) and idempotent: days already counted
are left alone."""

import datetime
import random

from django.utils import timezone

from wagtail.models import Page

from .models import PageVisitDay, SiteVisitDay

DAYS = 30


def weight(page):
    if page.depth == 2:
        return 120
    if page.specific_class.__name__ == "NewsArticlePage":
        return 15 + (page.pk * 37) % 60
    return 8


def load(command):
    today = timezone.localdate()
    pages = list(Page.objects.live().filter(depth__gt=1).order_by("path"))
    rows, per_day = [], {}
    for page in pages:
        counted = set(PageVisitDay.objects.filter(page=page).values_list("date", flat=True))
        generator = random.Random(f"visits:{page.url_path}")
        for back in range(DAYS):
            day = today - datetime.timedelta(days=back)
            if day in counted:
                continue
            count = max(0, int(weight(page) * generator.uniform(0.4, 1.3)))
            if count:
                rows.append(PageVisitDay(page=page, date=day, count=count))
                per_day[day] = per_day.get(day, 0) + count
    PageVisitDay.objects.bulk_create(rows, batch_size=500)
    for day, count in per_day.items():
        site_day, _created = SiteVisitDay.objects.get_or_create(date=day)
        SiteVisitDay.objects.filter(pk=site_day.pk).update(count=site_day.count + count)
    if rows:
        command.log(f"visits: {sum(per_day.values())} visits on {len(pages)} pages over {DAYS} days")
