"""RSS 2.0 of the documents most recently added to the register."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone

FEED_SIZE = 20


class DocumentsFeed(Feed):
    def __init__(self, register):
        super().__init__()
        self.register = register

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return self.register.title

    def link(self):
        return self.register.url

    def description(self):
        return self.register.intro or self.register.title

    def items(self):
        return self.register.documents().for_listing().order_by("-first_published_at", "-id")[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.document_type.name} {item.number}: {item.title}"

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        # The issue date, at the start of that day in the portal's time zone.
        return timezone.make_aware(datetime.datetime.combine(item.issue_date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [name for name in (item.document_type.name, item.area.name if item.area_id else None) if name]
