"""The one-click opt-out from reminder mails (the link in every reminder), and opting back in."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from .services import reminders


@never_cache
def opt_out(request, token):
    """Opening the link is the opt-out (no sign-in: the link names its learner); the page offers to undo it."""
    user_id = reminders.user_of_token(token)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    if user is None:
        raise Http404
    if request.method == "POST" and request.POST.get("action") == "opt_in":
        reminders.opt_in(user)
        opted_out = False
    else:
        reminders.opt_out(user)
        opted_out = True
    return render(request, "training/reminder_opt_out.html", {"opted_out": opted_out, "token": token})
