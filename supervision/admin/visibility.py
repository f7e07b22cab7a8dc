"""Sensitive-topic items keep their restriction here too: counted and named by code, never shown."""

from feedback.models import Feedback


def linked_items(items, user):
    """``[(item, visible)]`` for items linked to a session or a round; ``visible`` when ``user`` may read it."""
    items = list(items)
    visible = set(
        Feedback.objects.visible_to(user).filter(pk__in=[item.pk for item in items]).values_list("pk", flat=True)
    )
    return [(item, item.pk in visible) for item in items]
