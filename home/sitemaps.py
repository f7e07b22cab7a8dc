"""The sitemap: an index at ``/sitemap.xml`` pointing at pages of at most ``SITEMAP_PAGE_SIZE`` addresses
(50,000, the protocol's limit), so the site can grow past it. Django's sitemap index view with
Wagtail's page sitemap (every live, public page of the site, with its last change), in every language:
the English pages under /en/ live in a tree beside the Vietnamese one, which Wagtail's own sitemap
(the site's root page and below) would leave out."""

from django.conf import settings
from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap


class PageSitemap(Sitemap):
    @property
    def limit(self):
        return getattr(settings, "SITEMAP_PAGE_SIZE", 50_000)

    def items(self):
        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        trees = Q()
        for path in Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True):
            trees |= Q(path__startswith=path)
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()


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
