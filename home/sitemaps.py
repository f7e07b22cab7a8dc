"""The sitemap: an index at ``/sitemap.xml`` pointing at pages of at most ``SITEMAP_PAGE_SIZE`` addresses
(50,000, the protocol's limit), so the site can grow past it. Django's sitemap index view with
Wagtail's page sitemap (every live, public page of the site, with its last change)."""

from django.conf import settings

from wagtail.contrib.sitemaps import Sitemap


class PageSitemap(Sitemap):
    @property
    def limit(self):
        return getattr(settings, "SITEMAP_PAGE_SIZE", 50_000)


SITEMAPS = {"trang": PageSitemap}
