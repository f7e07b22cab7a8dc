"""Permission policies: nobody, not even a superuser, deletes feedback or forges it in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class RestrictedActionsPolicy(ModelPermissionPolicy):
    """A model policy that refuses ``denied`` actions to everyone."""

    def __init__(self, model, denied, **kwargs):
        super().__init__(model, **kwargs)
        self.denied = frozenset(denied)

    def user_has_permission(self, user, action):
        if action in self.denied:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return (
            super().user_has_any_permission(user, set(actions) - self.denied) if set(actions) - self.denied else False
        )

    def users_with_any_permission(self, actions):
        allowed = set(actions) - self.denied
        if not allowed:
            return self.auth_model.objects.none()
        return super().users_with_any_permission(allowed)
