"""Keep the index of published resolutions in step with the feedback items they are made from."""

from django.db.models.signals import post_delete, post_save

from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task


def feedback_saved(sender, instance, raw=False, **kwargs):
    from .models import PublishedResolution

    if raw:
        return
    if PublishedResolution.search_public_queryset().filter(pk=instance.pk).exists():
        # Through django-tasks, like Wagtail's own indexing: an unreachable Elasticsearch is logged, not raised.
        meta = PublishedResolution._meta
        insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(instance.pk))
    else:
        index.remove_object(PublishedResolution(pk=instance.pk))


def feedback_deleted(sender, instance, **kwargs):
    from .models import PublishedResolution

    index.remove_object(PublishedResolution(pk=instance.pk))


def connect():
    from .models import Feedback

    post_save.connect(feedback_saved, sender=Feedback, dispatch_uid="feedback-resolution-saved")
    post_delete.connect(feedback_deleted, sender=Feedback, dispatch_uid="feedback-resolution-deleted")
