from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from .forms import UserCreationForm, UserEditForm
from .models import OrganisationUnit


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user admin, with the profile fields (full name, phone, position, unit)."""

    template_prefix = "wagtailusers/users/"

    def get_form_class(self, for_update=False):
        return UserEditForm if for_update else UserCreationForm


class OrganisationUnitViewSet(ModelViewSet):
    model = OrganisationUnit
    icon = "group"
    menu_label = _("Đơn vị")
    menu_order = 650
    add_to_settings_menu = True
    list_display = ["name", "kind", "parent", "phone"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["sort_path"]
    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("address"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("chair"),
        FieldPanel("working_hours"),
    ]
