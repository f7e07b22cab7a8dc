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


def sitemap_paths():
    """The addresses of every sitemap file (``/sitemap-trang.xml``, ``...?p=2``...), for purging."""
    from django.urls import reverse

    paths = []
    for section, sitemap in SITEMAPS.items():
        path = reverse("sitemap_section", kwargs={"section": section})
        pages = sitemap(None).paginator.num_pages
        paths += [path, *(f"{path}?p={number}" for number in range(2, pages + 1))]
    return paths
