"""RSS 2.0 and Atom feeds of the latest news, for the whole index or one category."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

FEED_SIZE = 20


class NewsRssFeed(Feed):
    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        if self.category:
            return f"{self.index_page.title}: {self.category.name}"
        return self.index_page.title

    def link(self):
        if self.category:
            return self.index_page.category_url(self.category)
        return self.index_page.url

    def description(self):
        if self.category and self.category.description:
            return self.category.description
        return self.index_page.intro or _("Tin mới nhất")

    def items(self):
        articles = self.index_page.articles()
        if self.category:
            articles = articles.filter(categories=self.category)
        return articles.prefetch_related("categories")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        # A path: the feed framework makes it absolute with the host the reader asked for.
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
