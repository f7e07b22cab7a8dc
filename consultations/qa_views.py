"""The public side of questions and answers, served by :class:`~consultations.models.QuestionIndexPage`:
the listing (by field, newest first, searched with Vietnamese folding), a pair's own page, the form."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import Page

from feedback import tokens
from feedback.spam import TOKEN_FIELD
from home.pagination import paginate
from home.ratelimit import client_ip, rate_limited, too_many_requests
from home.text import fold_vi, visitor_line

from . import questions
from .forms import QuestionForm
from .models import Question, QuestionField, QuestionIndexPage
from .models.questions import QUESTIONS_PER_PAGE

FIELD_PARAM = "linh-vuc"
QUERY_MAX = 100
# Searches per address and per minute (as the documents register): each one reads the folded text of every
# published pair, and the page cache only keeps the searches already made.
SEARCH_LIMIT = 30
SEARCH_WINDOW = 60


def _render(page, request, template, context, status=200):
    return TemplateResponse(request, template, {**page.get_context(request), **context}, status=status)


def search(queryset, raw):
    """Every word of the query, folded ("vay von" finds "vay vốn"), in the folded pair."""
    for word in fold_vi(raw).split()[:8]:
        queryset = queryset.filter(search_folded__contains=word)
    return queryset


def listing(page, request):
    fields = list(QuestionField.objects.all())
    current = next((field for field in fields if field.slug == request.GET.get(FIELD_PARAM)), None)
    query = visitor_line(request.GET.get("q", ""))[:QUERY_MAX].replace("\x00", "")
    limited = bool(query) and rate_limited("questions-search", client_ip(request), SEARCH_LIMIT, SEARCH_WINDOW)
    items = Question.objects.published().for_listing().newest_first()
    if current is not None:
        items = items.filter(field=current)
    if limited:  # the form keeps what was typed and says when to try again; nothing is searched
        items = items.none()
    elif query:
        items = search(items, query)
    page_obj = paginate(request, items, QUESTIONS_PER_PAGE)
    context = {
        "fields": fields,
        "current_field": current,
        "query": query,
        "page_obj": page_obj,
        "rate_limited": limited,
    }
    response = _render(page, request, page.template, context)
    return too_many_requests(response, SEARCH_WINDOW) if limited else response


def detail(page, request, pk):
    item = Question.objects.published().for_listing().filter(pk=pk).first()
    if item is None:
        raise Http404
    return _render(page, request, "consultations/question_page.html", {"item": item})


def _form(page, request, data=None, initial=None, issue_token=True):
    return QuestionForm(data, initial=initial, request=request, lookup_url=page.lookup_url(), issue_token=issue_token)


def ask(page, request):
    """GET: the short form, cacheable (no token in it: :mod:`feedback.tokens` hands them out)."""
    if request.method != "GET":
        raise Http404
    return _render(page, request, "consultations/question_ask.html", {"form": _form(page, request, issue_token=False)})


@csrf_exempt  # checked below: the cached form carries no token without JavaScript
@never_cache
@require_POST
def ask_submit(request, page_id):
    page = QuestionIndexPage.objects.live().filter(pk=page_id).first()
    if page is None or not Page.objects.filter(pk=page_id).public().exists():
        raise Http404
    if not tokens.csrf_passes(request):
        form = _form(page, request, initial=tokens.resend_initial(request))
        return _uncached(_render(page, request, "consultations/question_ask.html", {"form": form, "resend": True}))
    form = _form(page, request, request.POST)
    valid = form.is_valid()
    repeat = questions.submitted_with_token(request.POST.get(TOKEN_FIELD))
    if repeat is None and valid:
        repeat = questions.submit_question(form)
    if repeat is not None:
        return _uncached(_render(page, request, "consultations/question_thanks.html", {"item": repeat}))
    response = _render(page, request, "consultations/question_ask.html", {"form": form}, status=400)
    if form.refused_by_rate_limit:
        too_many_requests(response, form.spam_policy.window)
    return _uncached(response)


def _uncached(response):
    add_never_cache_headers(response)
    return response
