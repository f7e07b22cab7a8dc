"""Training managers get page permissions on the catalogue as soon as it exists.

The data migration grants them on a catalogue that already exists; a catalogue created later (by
the demo or by an administrator) is covered here, so managers never need rights on the whole tree."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import GroupPagePermission
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CoursePage, LessonPage, ModulePage, Programme, Quiz, TrainingIndexPage
from .services.structure import bump_version

OUTLINE_PAGES = (TrainingIndexPage, CoursePage, ModulePage, LessonPage)

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


def _outline_changed(sender, **kwargs):
    bump_version()


# Course outlines are cached (training.services.structure); any change to their pages or quizzes
# makes a new version.
for model in OUTLINE_PAGES:
    page_published.connect(_outline_changed, sender=model, dispatch_uid=f"training-outline-pub-{model.__name__}")
    page_unpublished.connect(_outline_changed, sender=model, dispatch_uid=f"training-outline-unpub-{model.__name__}")
    post_delete.connect(_outline_changed, sender=model, dispatch_uid=f"training-outline-del-{model.__name__}")
    post_save.connect(_outline_changed, sender=model, dispatch_uid=f"training-outline-save-{model.__name__}")
post_page_move.connect(_outline_changed, dispatch_uid="training-outline-move")
post_save.connect(_outline_changed, sender=Quiz, dispatch_uid="training-outline-quiz-save")
post_delete.connect(_outline_changed, sender=Quiz, dispatch_uid="training-outline-quiz-del")


@receiver(post_save, sender=Programme)
@receiver(post_delete, sender=Programme)
def programme_changed(sender, instance, **kwargs):
    """Its public page and the catalogue that names it."""
    from home.pagecache import purge_paths

    paths = [instance.get_absolute_url()]
    index = TrainingIndexPage.objects.live().first()
    if index is not None and index.url:
        paths.append(index.url)
    purge_paths(paths)
