from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    default = True  # this module holds a second AppConfig (Wagtail's users app, below)
    name = "accounts"
    demo_order = 10  # units and users first
    robots_disallow = ("/tai-khoan/",)
    verbose_name = _("Tài khoản và đơn vị")


from wagtail.users.apps import WagtailUsersAppConfig  # noqa: E402


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
