from django.contrib.auth.models import Group

import factory

from . import roles
from .models import OrganisationUnit, UnitKind, User

DEFAULT_PASSWORD = "mat-khau-thu-nghiem-2024"  # noqa: S105 - factories are for tests and demo only


class OrganisationUnitFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Hội LHPN xã số {n}")
    kind = UnitKind.PROVINCE

    class Meta:
        model = OrganisationUnit


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"nguoidung{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Thử {n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    class Meta:
        model = User
        skip_postgeneration_save = True

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        """``UserFactory(role=roles.EDITORS)`` puts the user in that group."""
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))
        if create:
            self.save()


def make_user(role=None, **kwargs):
    return UserFactory(role=role, **kwargs)


def editor(**kwargs):
    return make_user(roles.EDITORS, **kwargs)


def approver(**kwargs):
    return make_user(roles.APPROVERS, **kwargs)


def moderator(**kwargs):
    return make_user(roles.MODERATORS, **kwargs)


def training_manager(**kwargs):
    return make_user(roles.TRAINING_MANAGERS, **kwargs)


def learner(**kwargs):
    return make_user(roles.LEARNERS, **kwargs)


def supervisor(**kwargs):
    return make_user(roles.SUPERVISORS, **kwargs)
