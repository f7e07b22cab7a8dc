"""A deleted package takes its unpacked files with it, once the deletion is committed."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Package
from .storage import remove_folder


@receiver(post_delete, sender=Package)
def package_deleted(sender, instance, **kwargs):
    folder = instance.folder
    if folder:
        transaction.on_commit(lambda: remove_folder(folder))
