from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home import fragments, pagecache

from .models import NewsCategory


@receiver(post_save, sender=NewsCategory, dispatch_uid="pagecache-category-saved")
@receiver(post_delete, sender=NewsCategory, dispatch_uid="pagecache-category-deleted")
def category_changed(sender, instance, **kwargs):
    # Category names and order show on every article, listing and the home page. The fragments go at
    # once (the listings' list of categories is one), and again with the pages once the change commits.
    fragments.invalidate()
    pagecache.purge_all()
