from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect

from .forms_public import PasswordResetForm, SignInForm
from .throttle import password_reset_refused


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = SignInForm
    redirect_authenticated_user = True


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset view, limited per address and per e-mail (see ``accounts.throttle``)."""

    template_name = "accounts/password_reset_form.html"
    form_class = PasswordResetForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"

    def form_valid(self, form):
        refused, message = password_reset_refused(self.request, form.cleaned_data.get("email"))
        if refused and message:
            form.add_error(None, message)
            return self.form_invalid(form)
        if refused:
            return HttpResponseRedirect(self.get_success_url())  # the same page as a sent request
        return super().form_valid(form)
