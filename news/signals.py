from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home import pagecache

from .models import NewsCategory


@receiver(post_save, sender=NewsCategory, dispatch_uid="pagecache-category-saved")
@receiver(post_delete, sender=NewsCategory, dispatch_uid="pagecache-category-deleted")
def category_changed(sender, instance, **kwargs):
    # Category names and order show on every article, listing and the home page.
    pagecache.purge_all()
