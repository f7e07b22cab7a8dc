"""How a visitor of a cached page gets the per-visitor secrets of a public form.

The cached HTML of an article (comment form) or of the feedback page carries no CSRF token, no
signed form token and so no proof-of-work challenge (home.pagecache). With JavaScript, a small
script asks :func:`form_token` (``/api/form-token/?form=comments``, never cached) and fills the
hidden fields. Without JavaScript, the first press of "send" reaches the form's view without
tokens: the view (exempt from Django's CSRF middleware, checking CSRF itself) then shows the form
again, uncached, with fresh tokens and everything typed kept, and asks to press send once more.
"""

from django.http import Http404, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .forms import CommentForm, FeedbackForm
from .spam import POW_FIELD, TOKEN_FIELD, SpamPolicy, make_token

FORMS = {form.spam_scope: form for form in (CommentForm, FeedbackForm)}


def _protected_view(request):  # the stand-in view Django's CSRF check is run for
    return None


def csrf_passes(request):
    """Django's own CSRF check (token, origin, referer), for a view exempt from the middleware."""
    return CsrfViewMiddleware(_protected_view).process_view(request, _protected_view, (), {}) is None


def resend_initial(request):
    """What the visitor typed, to show again in a form with fresh tokens (files cannot be kept)."""
    skipped = {"csrfmiddlewaretoken", TOKEN_FIELD, POW_FIELD}
    return {name: request.POST.get(name) for name in request.POST if name not in skipped}


@never_cache
@require_GET
def form_token(request):
    form = FORMS.get(request.GET.get("form", ""))
    if form is None:
        raise Http404
    policy = SpamPolicy.from_settings(form.spam_scope, form.spam_settings_prefix)
    return JsonResponse({"csrf": get_token(request), "token": make_token(policy.scope), "bits": policy.pow_bits})
