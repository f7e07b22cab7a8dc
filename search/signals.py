"""Keep the index of published resolutions in step with the feedback items they are made from."""

from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task


def feedback_saved(sender, instance, raw=False, **kwargs):
    from .models import PublishedResolution

    if raw:
        return
    resolution = PublishedResolution(pk=instance.pk)
    if PublishedResolution.search_public_queryset().filter(pk=instance.pk).exists():
        # Through django-tasks, like Wagtail's own indexing: an unreachable Elasticsearch is logged, not raised.
        insert_or_update_object_task.enqueue("search", "publishedresolution", str(instance.pk))
    else:
        index.remove_object(resolution)


def feedback_deleted(sender, instance, **kwargs):
    from .models import PublishedResolution

    index.remove_object(PublishedResolution(pk=instance.pk))
