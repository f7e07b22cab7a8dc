from wagtail import hooks

from .viewsets import OrganisationUnitViewSet


@hooks.register("register_admin_viewset")
def register_unit_viewset():
    return OrganisationUnitViewSet("units")
