"""Purge the anonymous page cache (home.pagecache) when what pages show changes.

A page published, unpublished or deleted purges itself and every page that lists it; a top-level
page (an entry of the main menu), a moved page or the site settings purge everything.
"""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from . import pagecache
from .models import SiteSettings

MENU_DEPTH = 3  # the root's children: the main menu lists them on every page


def _purge(page):
    pagecache.purge_page(page, everything=page.depth <= MENU_DEPTH)


@receiver(page_published, dispatch_uid="pagecache-published")
def page_published_purge(sender, instance, **kwargs):
    _purge(instance)


@receiver(page_unpublished, dispatch_uid="pagecache-unpublished")
def page_unpublished_purge(sender, instance, **kwargs):
    _purge(instance)


@receiver(pre_delete, dispatch_uid="pagecache-deleted")
def page_deleted_purge(sender, instance, **kwargs):
    # Before the delete: its categories, tags and neighbours are still there to say where it was listed.
    if isinstance(instance, Page) and type(instance) is not Page and instance.live:
        _purge(instance)


@receiver(pre_page_move, dispatch_uid="pagecache-before-move")
def page_moving_purge(sender, instance, **kwargs):
    pagecache.purge_page(instance, everything=True)


@receiver(post_page_move, dispatch_uid="pagecache-moved")
def page_moved_purge(sender, instance, **kwargs):
    # Every descendant has a new address too.
    pagecache.purge_page(Page.objects.get(pk=instance.pk), everything=True)


@receiver(post_save, sender=SiteSettings, dispatch_uid="pagecache-settings")
def settings_saved_purge(sender, instance, **kwargs):
    pagecache.purge_all()
