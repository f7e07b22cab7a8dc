"""Training managers get page permissions on the catalogue as soon as it exists.

The data migration grants them on a catalogue that already exists; a catalogue created later (by
the demo or by an administrator) is covered here, so managers never need rights on the whole tree."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import GroupPagePermission

from .models import TrainingIndexPage

TRAINING_MANAGERS = "Quản lý đào tạo"
PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def grant_catalogue_permissions(page):
    group = Group.objects.filter(name=TRAINING_MANAGERS).first()
    if group is None:
        return
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


@receiver(post_save, sender=TrainingIndexPage)
def training_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_catalogue_permissions(instance)
