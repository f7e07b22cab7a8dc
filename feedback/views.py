"""Public pages: look up an item by its code (and, as its sender, confirm or ask to reopen it);
the list of published, anonymised resolutions."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django.views.generic import View

from wagtail import hooks

from home.pagination import paginate
from home.ratelimit import too_many_requests
from home.text import record_id

from . import services, tokens
from .forms import ConfirmForm, FeedbackForm, LookupForm, ReopenForm
from .models import RESOLUTIONS_PER_PAGE, Feedback, ModerationEvent
from .spam import TOKEN_FIELD, client_ip, rate_limited
from .storage import AttachmentStorageError
from .workflow import IllegalTransition

PUBLIC_ACTIONS = (
    "submit",
    "record",
    "accept",
    "request_info",
    "forward",
    "resolve",
    "publish",
    "reject",
    "reopen",
    "confirm",
)


def _lookup_window():
    return getattr(settings, "FEEDBACK_LOOKUP_RATE_WINDOW", 3600)


def _lookup_limited(request, scope="feedback-lookup"):
    limit = getattr(settings, "FEEDBACK_LOOKUP_RATE_LIMIT", 20)
    if scope != "feedback-lookup":
        limit = getattr(settings, "FEEDBACK_SENDER_ACTION_RATE_LIMIT", 5)
    return rate_limited(scope, client_ip(request), limit, _lookup_window())


def public_timeline(item):
    """Dates and steps only: never notes, names or the moderators' identities."""
    return [
        (event.created_at, services.ACTION_LABELS[event.action])
        for event in ModerationEvent.objects.filter(
            content_type__app_label="feedback",
            content_type__model="feedback",
            object_id=item.pk,
            action__in=PUBLIC_ACTIONS,
        ).order_by("created_at", "pk")
    ]


@never_cache
@require_http_methods(["GET", "POST"])
def lookup(request):
    context = {"form": LookupForm(), "item": None, "message": None}
    status = 200
    if request.method == "POST":
        return _sender_action(request)
    if "ma" in request.GET:
        form = LookupForm({"code": request.GET.get("ma", "")})
        context["form"] = form
        if _lookup_limited(request):
            context["message"] = _("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Xin thử lại sau ít phút.")
            return too_many_requests(render(request, "feedback/lookup.html", context), _lookup_window())
        elif (found := _other_codes(request, form)) is not None:
            return found
        elif form.is_valid():
            item = services.find_by_code(form.cleaned_data["code"])
            if item is None:
                from .codes import normalise

                if normalise(form.cleaned_data["code"]) is None:
                    context["message"] = _(
                        "Mã tra cứu chưa đúng dạng. Mã gồm chữ PA và 8 ký tự chữ, số, ví dụ PA-7K3M-9QXD."
                    )
                else:
                    context["message"] = _(
                        "Không tìm thấy ý kiến nào có mã này. Xin kiểm tra lại mã trong thư hoặc tin nhắn bạn đã lưu."
                    )
                status = 404
            else:
                context.update(_item_context(item))
    return render(request, "feedback/lookup.html", context, status=status)


def _other_codes(request, form):
    """The answer of another app for a code of its own (``feedback_lookup_code`` hook: ``(request, code)``
    returns a response or ``None``): one look-up page for every tracking code the portal gives out."""
    if not form.is_valid():
        return None
    for hook in hooks.get_hooks("feedback_lookup_code"):
        response = hook(request, form.cleaned_data["code"])
        if response is not None:
            return response
    return None


def _item_context(item, reopen_form=None):
    return {
        "item": item,
        "timeline": public_timeline(item),
        "can_respond": services.sender_can_respond(item),
        "reopen_form": reopen_form or ReopenForm(initial={"code": item.code}, auto_id="reopen_%s"),
        "confirm_form": ConfirmForm(initial={"code": item.code}, auto_id="confirm_%s"),
    }


def _sender_action(request):
    action = request.POST.get("action")
    form_class = ReopenForm if action == "reopen" else ConfirmForm
    form = form_class(request.POST, auto_id=f"{action}_%s" if action == "reopen" else "confirm_%s")
    context = {"form": LookupForm(initial={"code": request.POST.get("code", "")}), "item": None, "message": None}
    if _lookup_limited(request, scope="feedback-sender-action"):
        context["message"] = _("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Xin thử lại sau một giờ.")
        return too_many_requests(render(request, "feedback/lookup.html", context), _lookup_window())
    item = services.find_by_code(request.POST.get("code"))
    if item is None:
        context["message"] = _("Không tìm thấy ý kiến nào có mã này.")
        return render(request, "feedback/lookup.html", context, status=404)
    if not form.is_valid():
        context.update(_item_context(item, reopen_form=form if action == "reopen" else None))
        return render(request, "feedback/lookup.html", context, status=400)
    try:
        if action == "reopen":
            item = services.sender_reopen(item, form.cleaned_data["reason"])
            context["done"] = _("Đã gửi đề nghị xem xét lại. Ý kiến của bạn được chuyển lại cho cán bộ tiếp nhận.")
        else:
            item = services.sender_confirm(item)
            context["done"] = _("Cảm ơn bạn đã xác nhận ý kiến đã được giải quyết.")
    except IllegalTransition:
        context["message"] = _("Ý kiến này hiện không ở trạng thái có thể xác nhận hay đề nghị xem xét lại.")
    context.update(_item_context(item))
    return render(request, "feedback/lookup.html", context)


def resolutions(request):
    queryset = Feedback.objects.published().select_related("topic", "unit")
    page = paginate(request, queryset, RESOLUTIONS_PER_PAGE)
    return render(request, "feedback/resolutions.html", {"page_obj": page})


class CommentSubmitView(View):
    """Stores a reader's comment and sends them back to the page (post, redirect, get).

    A form with errors is shown again on a page of its own, with what the reader typed; so is a
    form sent without its tokens (see :mod:`feedback.tokens`), with fresh ones. A page closed to
    comments says so. Never a 500 for what a visitor sends.

    Another app's comments (a consultation's) subclass it: which page (:meth:`get_page`), whether it
    takes comments now (:meth:`refusal`), the form (:meth:`get_form`) and how it is stored (:meth:`save`).
    """

    http_method_names = ["post"]
    template_name = "feedback/comments/submit_error.html"
    thanks = gettext_lazy("Cảm ơn bạn đã gửi ý kiến. Ý kiến sẽ được hiện sau khi ban biên tập xem và duyệt.")

    def get_page(self, page_id):
        from . import comments

        return comments.get_commentable_or_404(page_id)

    def refusal(self, page):
        """What to tell a visitor when ``page`` takes no comment now (a context), else ``None``."""
        return None if page.comments_open else {"closed": True}

    def get_form(self, page, data=None, initial=None):
        from .forms import CommentForm

        return CommentForm(data, initial=initial, request=self.request, auto_id="comment_%s")

    def save(self, form, page):
        from . import comments

        comments.submit_comment(form, page)

    def post(self, request, page_id):
        from django.contrib import messages
        from django.shortcuts import redirect

        from . import comments

        page = self.get_page(page_id)
        context = {"article": page, "article_url": page.url, "anchor": comments.ANCHOR}
        refusal = self.refusal(page)
        if refusal is not None:
            context.update(refusal)
            return render(request, self.template_name, context, status=403)
        if not tokens.csrf_passes(request):
            context["form"] = self.get_form(page, initial=tokens.resend_initial(request))
            context["resend"] = True
            return render(request, self.template_name, context)
        form = self.get_form(page, request.POST)
        valid = form.is_valid()
        # A second press of a comment already stored (or its twin that won the race): thanked, stored once.
        if comments.submitted_with_token(request.POST.get(TOKEN_FIELD)) is None:
            if not valid:
                context["form"] = form
                response = render(request, self.template_name, context, status=400)
                if form.refused_by_rate_limit:
                    too_many_requests(response, form.spam_policy.window)
                return response
            self.save(form, page)
        messages.success(request, self.thanks)
        return redirect(f"{page.url}#{comments.ANCHOR}")


# Checked in the view: a visitor of the cached article without JavaScript has no token yet.
comment_submit = csrf_exempt(never_cache(CommentSubmitView.as_view()))


@csrf_exempt  # checked by FeedbackPage.serve: the cached form page gives no token without JavaScript
@never_cache
@require_http_methods(["POST"])
def feedback_submit(request, page_id):
    """The feedback form's address: the page stores the message, or shows the form again."""
    from wagtail.models import Page

    from .models import FeedbackPage

    page = FeedbackPage.objects.live().filter(pk=page_id).first()
    if page is None or not Page.objects.filter(pk=page_id).public().exists():
        raise Http404
    return page.serve(request, resend=not tokens.csrf_passes(request))


STORAGE_FAILED = gettext_lazy(
    "Hệ thống tạm thời không lưu được tệp đính kèm nên ý kiến chưa được gửi. Nội dung bạn viết vẫn còn dưới "
    "đây: xin chọn lại tệp và bấm gửi lại sau ít phút, hoặc gửi không kèm tệp."
)


UNIT_PARAM = "don-vi"


def unit_initial(request):
    """``/gui-y-kien/?don-vi=12`` (the link on a unit's page in the directory) opens the form with that
    unit chosen; anything else in it is ignored."""
    unit = record_id(request.GET.get(UNIT_PARAM))
    return {"unit": unit} if unit is not None else {}


def serve_feedback_page(page, request, *args, resend=False, **kwargs):
    """GET shows the form (cacheable: no token in it, see feedback.tokens); POST stores the message.

    ``resend``: the POST came without valid CSRF token (a cached page, no JavaScript): the form
    is shown again with what was typed and fresh tokens, asking to press send once more.
    """
    privacy_url = page.privacy_page.specific.url if page.privacy_page_id and page.privacy_page else None
    if request.method == "POST" and resend:
        form = FeedbackForm(initial=tokens.resend_initial(request), request=request, privacy_url=privacy_url)
    elif request.method == "POST":
        form = FeedbackForm(request.POST, request.FILES, request=request, privacy_url=privacy_url)
        valid = form.is_valid()
        # A second press (or a replay, or a twin request that won the race while this one was being
        # checked, spending the token) of a form already stored shows that item's code again.
        repeat = services.submitted_with_token(request.POST.get(TOKEN_FIELD))
        if repeat is not None:
            return _feedback_success(page, request, repeat, True, *args, **kwargs)
        if valid:
            try:
                result = services.submit_feedback(form)
                return _feedback_success(page, request, result.item, result.duplicate, *args, **kwargs)
            except AttachmentStorageError:
                form.add_error("attachments", STORAGE_FAILED)
    else:
        form = FeedbackForm(initial=unit_initial(request), request=request, privacy_url=privacy_url, issue_token=False)
    context = page.get_context(request, *args, **kwargs)
    context.update(form=form, resend=resend)
    response = TemplateResponse(request, page.get_template(request, *args, **kwargs), context)
    if request.method == "POST":
        # What a visitor sent, and their fresh tokens: never kept by any cache.
        add_never_cache_headers(response)
    if form.refused_by_rate_limit:
        too_many_requests(response, form.spam_policy.window)
    return response


def _feedback_success(page, request, item, duplicate, *args, **kwargs):
    context = page.get_context(request, *args, **kwargs)
    context.update({"item": item, "duplicate": duplicate})
    response = TemplateResponse(request, page.success_template, context)
    add_never_cache_headers(response)
    return response
