"""The moderation queue's bulk action buttons: Wagtail's, without those no one may ever apply."""

from django import template
from django.urls import reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import policy_registry

from ..permissions import RestrictedActionsPolicy

register = template.Library()


def offered_bulk_actions(model):
    """The bulk actions registered for ``model`` minus those its policy refuses to everyone (Wagtail's
    "delete" on feedback and comments): a button that always refuses is not offered."""
    policy = policy_registry.get_by_type(model)
    denied = policy.denied if isinstance(policy, RestrictedActionsPolicy) else frozenset()
    actions = bulk_action_registry.get_bulk_actions_for_model(model._meta.app_label, model._meta.model_name)
    return sorted((action for action in actions if action.action_type not in denied), key=lambda a: a.action_priority)


@register.inclusion_tag("wagtailadmin/shared/buttons.html")
def moderation_bulk_action_choices(model_opts):
    return {
        "buttons": [
            ListingButton(
                action.display_name,
                reverse("wagtail_bulk_action", args=[model_opts.app_label, model_opts.model_name, action.action_type]),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join(action.classes | {"bulk-action-btn"}),
            )
            for action in offered_bulk_actions(model_opts.model)
        ]
    }
