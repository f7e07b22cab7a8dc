from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm
from wagtail.users.forms import UserCreationForm as WagtailUserCreationForm
from wagtail.users.forms import UserEditForm as WagtailUserEditForm

from home.forms import VisitorTextMixin
from home.phones import VietnamesePhoneField

from .models import OrganisationUnit
from .throttle import ThrottledSignInMixin

PROFILE_FIELDS = ["full_name", "phone", "position", "unit"]


class ProfileFieldsMixin(forms.Form):
    full_name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    phone = VietnamesePhoneField(label=_("Số điện thoại"))
    position = forms.CharField(label=_("Chức vụ"), max_length=150, required=False)
    unit = forms.ModelChoiceField(label=_("Đơn vị"), queryset=OrganisationUnit.objects.tree_order(), required=False)


class UserCreationForm(ProfileFieldsMixin, WagtailUserCreationForm):
    class Meta(WagtailUserCreationForm.Meta):
        fields = WagtailUserCreationForm.Meta.fields | set(PROFILE_FIELDS)


class UserEditForm(ProfileFieldsMixin, WagtailUserEditForm):
    class Meta(WagtailUserEditForm.Meta):
        fields = WagtailUserEditForm.Meta.fields | set(PROFILE_FIELDS)


class AdminLoginForm(VisitorTextMixin, ThrottledSignInMixin, WagtailLoginForm):
    """Wagtail's sign-in form, throttled like the public one; its password label is translated here
    (Wagtail leaves it to the field name, which is never translated)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
