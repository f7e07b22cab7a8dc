"""Keep the index of published resolutions in step with the feedback items they are made from.

:func:`follow` is the same for any model whose public part is searched through a proxy (the
consultations app's published questions use it too).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task


def follow(source, indexed, uid):
    """After every save of a ``source`` row, ``indexed`` (its searchable proxy, with
    ``search_public_queryset()``) is indexed when the row is public, else removed from the index."""

    def saved(sender, instance, raw=False, **kwargs):
        if raw:
            return
        if indexed.search_public_queryset().filter(pk=instance.pk).exists():
            # Through django-tasks, like Wagtail's own indexing: an unreachable Elasticsearch is logged, not raised.
            meta = indexed._meta
            insert_or_update_object_task.enqueue(meta.app_label, meta.model_name, str(instance.pk))
        else:
            index.remove_object(indexed(pk=instance.pk))

    def deleted(sender, instance, **kwargs):
        index.remove_object(indexed(pk=instance.pk))

    post_save.connect(saved, sender=source, weak=False, dispatch_uid=f"{uid}-saved")
    post_delete.connect(deleted, sender=source, weak=False, dispatch_uid=f"{uid}-deleted")


def _comments_changed(sender, instance, raw=False, **kwargs):
    """Pages keep their comment threads in the fragment cache (``comments.thread``): a comment that is
    (or was) shown, or a reply, changed or deleted renews them once the change commits. A new comment
    waiting for moderation shows nowhere and changes nothing."""
    from home import fragments

    from .models import CommentStatus

    waiting = getattr(instance, "status", None) == CommentStatus.PENDING and kwargs.get("signal") is post_save
    if raw or waiting:
        return

    transaction.on_commit(fragments.invalidate)


def connect():
    from .models import Comment, CommentReply, Feedback, PublishedResolution

    follow(Feedback, PublishedResolution, "feedback-resolution")
    for model in (Comment, CommentReply):
        post_save.connect(_comments_changed, sender=model, dispatch_uid=f"comments-fragments-{model.__name__}-saved")
        post_delete.connect(_comments_changed, sender=model, dispatch_uid=f"comments-fragments-{model.__name__}-gone")
