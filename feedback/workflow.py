"""A small, generic moderation state machine with an audit trail.

An app declares its transitions once (name, label, from which states, to which state, which
permission, which extra fields it needs) in a :class:`Workflow`; :meth:`Workflow.apply` is then
the only way a status changes: it checks the source state and the permission, runs the
transition's effect, saves, and records a :class:`~feedback.models.ModerationEvent`, all in one
transaction. Feedback uses it (feedback/services.py); reader comments declare their own
transitions (pending -> approved | rejected | spam) on the same machinery.
"""

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _


class IllegalTransition(Exception):
    """The transition does not start from the item's current state."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple
    target: str
    permission: str | None  # None: not a staff action (e.g. the sender acting with the code)
    fields: tuple = ()  # names of the values the action requires (a reason, an answer...)
    effect: Callable | None = None  # effect(item, values) sets the fields the transition changes
    style: str = ""  # "warning", "serious": how the admin button looks
    help_text: str = ""
    initial: Callable | None = None  # initial(item) -> {field: value}: what the admin form starts with

    def initial_values(self, item):
        return self.initial(item) if self.initial else {}


class Workflow:
    """The transitions of one model's state field, declared once and looked up by name.

    Everything that needs to know which states allow what (the admin's bulk actions, the sender's
    page, the demo content) reads it from here rather than listing states again.
    """

    def __init__(self, state_field, transitions):
        self.state_field = state_field
        self.transitions = {transition.name: transition for transition in transitions}

    def __repr__(self):
        return f"<Workflow {self.state_field}: {', '.join(self.transitions)}>"

    def get(self, name):
        try:
            return self.transitions[name]
        except KeyError:
            raise IllegalTransition(name) from None

    def state_of(self, item):
        return getattr(item, self.state_field)

    def can(self, user, transition):
        return transition.permission is not None and user is not None and user.has_perm(transition.permission)

    def available(self, item, user):
        """Transitions ``user`` may apply to ``item`` now, in declaration order."""
        state = self.state_of(item)
        return [t for t in self.transitions.values() if state in t.sources and self.can(user, t)]

    def allows(self, name, state):
        """Whether transition ``name`` may start from ``state``."""
        return state in self.get(name).sources

    def path(self, source, target):
        """The names of the fewest staff transitions leading from ``source`` to ``target`` (demo content)."""
        routes = {source: []}
        queue = deque([source])
        while queue:
            state = queue.popleft()
            if state == target:
                return routes[state]
            for transition in self.transitions.values():
                staff = transition.permission is not None
                if staff and state in transition.sources and transition.target not in routes:
                    routes[transition.target] = [*routes[state], transition.name]
                    queue.append(transition.target)
        raise IllegalTransition(f"{source} -> {target}")

    def apply(self, item, name, *, user=None, actor_label="", note="", values=None, as_sender=False):
        """Moves ``item`` along transition ``name``; raises ``IllegalTransition`` or ``PermissionDenied``.

        ``as_sender=True`` is for transitions without a permission, which the sender performs by
        proving they hold the item's tracking code (checked by the caller).
        """
        transition = self.get(name)
        values = values or {}
        with transaction.atomic():
            locked = type(item).objects.select_for_update().get(pk=item.pk)
            if self.state_of(locked) not in transition.sources:
                raise IllegalTransition(name)
            if transition.permission is None:
                if not as_sender:
                    raise PermissionDenied(name)
            elif not self.can(user, transition):
                raise PermissionDenied(name)
            missing = [key for key in transition.fields if not str(values.get(key) or "").strip()]
            if missing:
                raise ValueError(f"missing values: {', '.join(missing)}")
            before = self.state_of(locked)
            setattr(locked, self.state_field, transition.target)
            if transition.effect:
                transition.effect(locked, values)
            locked.save()
            record(
                locked,
                transition.name,
                user=user,
                actor_label=actor_label,
                note=note,
                from_state=before,
                to_state=transition.target,
                data={key: str(values[key]) for key in transition.fields if key in values},
            )
        # The caller's object reflects the new state too.
        item.refresh_from_db()
        return item


def history(item):
    """The history lines of ``item`` (any model), oldest first."""
    from .models import ModerationEvent

    return (
        ModerationEvent.objects.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)
        .select_related("actor")
        .order_by("created_at", "pk")
    )


def record(item, action, *, user=None, actor_label="", note="", from_state="", to_state="", data=None):
    """Writes one history line for ``item`` (any model)."""
    from .models import ModerationEvent

    return ModerationEvent.objects.create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        actor=user if user is not None and user.is_authenticated else None,
        actor_label=actor_label or ("" if user is not None else str(_("Hệ thống"))),
        action=action,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data or {},
    )
