"""Questions and answers: submission with a tracking code, the moderation workflow, the public look-up.

Built on feedback's pieces: the form's defences (:class:`feedback.spam.SpamProtectedForm`), the codes
(:mod:`feedback.codes`, prefix ``HD``), the workflow and its history (:mod:`feedback.workflow`), the
moderators' e-mail (:mod:`feedback.notifications`), the look-up page (its ``feedback_lookup_code`` hook).
"""

from django.db import IntegrityError, transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from feedback import codes, notifications
from feedback.services import save_with_unique_code
from feedback.spam import TOKEN_FIELD, content_fingerprint, ip_fingerprint, token_hash
from feedback.workflow import Transition, Workflow, record
from home import pagecache
from home.sitemaps import sitemap_paths
from home.text import fold_vi

from .forms import has_contact
from .models import Question, QuestionIndexPage, QuestionStatus

PREFIX = "HD"
MODERATE = "consultations.change_question"
ASKER = _("Người hỏi")


def purge_public(item):
    """The pages that show the pair (the listing, its own page, the sitemap), once the change commits."""
    page = QuestionIndexPage.objects.live().first()
    parts = page.get_url_parts() if page is not None else None
    if not parts:
        return
    paths = [parts[2], parts[2] + page.reverse_subpage("question", kwargs={"pk": item.pk}), *sitemap_paths()]
    pagecache.purge_paths(paths, urls=[parts[1] + path for path in paths])


def _publish(item, values):
    item.public_question = values["question"].strip()
    item.field = values["field"]
    item.answer = values["answer"].strip()
    item.search_folded = fold_vi(f"{item.public_question}\n{item.answer}")
    item.moderated_at = timezone.now()
    item.published_at = item.published_at or item.moderated_at
    purge_public(item)


def _withdraw(item, values):
    item.moderated_at = timezone.now()
    item.published_at = None
    purge_public(item)


def _decided(item, values):
    item.moderated_at = timezone.now()


def _publish_initial(item):
    return {"question": item.public_question or item.text, "field": item.field_id, "answer": item.answer}


WORKFLOW = Workflow(
    "status",
    [
        Transition(
            "publish",
            _("Trả lời và công khai"),
            (QuestionStatus.NEW, QuestionStatus.REJECTED, QuestionStatus.PUBLISHED),
            QuestionStatus.PUBLISHED,
            MODERATE,
            fields=("question", "field", "answer"),
            effect=_publish,
            style="primary",
            initial=_publish_initial,
            help_text=_(
                "Câu hỏi công khai không được còn tên, số điện thoại, địa chỉ của người hỏi hay người khác. "
                "Tên và cách liên hệ của người hỏi không bao giờ hiện."
            ),
        ),
        Transition(
            "withdraw",
            _("Gỡ khỏi trang hỏi đáp"),
            (QuestionStatus.PUBLISHED,),
            QuestionStatus.NEW,
            MODERATE,
            effect=_withdraw,
            style="warning",
        ),
        Transition(
            "reject",
            _("Không công khai"),
            (QuestionStatus.NEW,),
            QuestionStatus.REJECTED,
            MODERATE,
            effect=_decided,
            style="warning",
            help_text=_("Câu hỏi được lưu cùng lịch sử xử lý nhưng không hiện công khai."),
        ),
        Transition(
            "mark_spam",
            _("Đánh dấu tin rác"),
            (QuestionStatus.NEW, QuestionStatus.REJECTED),
            QuestionStatus.SPAM,
            MODERATE,
            effect=_decided,
            style="serious",
        ),
    ],
)

ACTION_LABELS = {
    "submit": _("Người hỏi gửi câu hỏi"),
    **{name: transition.label for name, transition in WORKFLOW.transitions.items()},
}


def apply_transition(item, name, user, *, note="", values=None):
    return WORKFLOW.apply(item, name, user=user, note=note, values=values)


def submitted_with_token(token):
    if not token:
        return None
    return Question.objects.filter(token_hash=token_hash(token)).first()


def submit_question(form):
    """Stores a valid :class:`~consultations.forms.QuestionForm` with a tracking code; flags a text holding
    an e-mail address or a phone number; queues the moderators' e-mails after the commit."""
    data = form.cleaned_data
    token = token_hash(data.get(TOKEN_FIELD))
    item = Question(
        field=data.get("field"),
        name=data.get("name", ""),
        phone=data.get("phone", ""),
        email=data.get("email", ""),
        text=data["text"],
        has_contact_in_text=has_contact(data["text"]),
        ip_fingerprint=ip_fingerprint(form.client_ip),
        content_hash=content_fingerprint(data["text"]),
        token_hash=token,
    )
    try:
        with transaction.atomic():
            save_with_unique_code(item, PREFIX)
            record(item, "submit", actor_label=str(ASKER))
            notify_moderators(item)
    except IntegrityError:
        repeat = submitted_with_token(data.get(TOKEN_FIELD))
        if repeat is None:
            raise
        form.spend_token()
        return repeat
    form.accept()
    return item


def notify_moderators(item):
    admin_url = notifications._absolute(reverse("wagtailsnippets_consultations_question:inspect", args=[item.pk]))
    for user in notifications.staff_with_perm(MODERATE):
        notifications.queue(
            "new_question",
            user.email,
            gettext("Câu hỏi mới %(code)s") % {"code": item.code},
            "consultations/email/new_question",
            {"item": item, "admin_url": admin_url, "recipient": user},
        )


def find_by_code(raw):
    """The question for a code a person typed (``HD-...``), or ``None``."""
    code = codes.normalise(raw, prefix=PREFIX, prefix_required=True)
    if code is None:
        return None
    return Question.objects.select_related("field").filter(code=code).first()


def lookup_response(request, raw):
    """The look-up page's answer for a question's code (``feedback_lookup_code`` hook), else ``None``."""
    if codes.normalise(raw, prefix=PREFIX, prefix_required=True) is None:
        return None
    item = find_by_code(raw)
    page = QuestionIndexPage.objects.live().first()
    context = {"item": item, "code": raw, "question_url": None, "index_page": page}
    if item is not None and item.status == QuestionStatus.PUBLISHED and page is not None:
        context["question_url"] = page.question_path(item.pk)
    return render(request, "consultations/question_lookup.html", context, status=200 if item else 404)
