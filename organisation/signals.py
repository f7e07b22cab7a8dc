"""The unit tree is shown on many cached pages (the directory and its unit pages, the feedback form's
list of places): any change to it renews the whole page cache (``home.pagecache.purge_all``)."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from accounts.models import OrganisationUnit
from home import pagecache


@receiver(post_save, sender=OrganisationUnit, dispatch_uid="organisation-unit-saved")
@receiver(post_delete, sender=OrganisationUnit, dispatch_uid="organisation-unit-deleted")
def unit_changed(sender, instance, **kwargs):
    pagecache.purge_all()
