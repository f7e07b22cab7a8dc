from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from feedback.permissions import RestrictedActionsPolicy

from . import questions
from .models import ConsultationComment, ConsultationPage, Question
from .viewsets import BULK_ACTIONS, ConsultationsViewSetGroup, consultation_download_urls

for model in (ConsultationComment, Question):
    register_permission_policy(
        model, RestrictedActionsPolicy(model, denied={"add", "delete", "copy"}), exact_class=True
    )
register_snippet(ConsultationsViewSetGroup)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)


@hooks.register("register_page_header_buttons")
def consultation_downloads(page, user, view_name=None, next_url=None):
    """On a consultation's admin pages: its comments as XLSX (personal data by permission), the synthesis as DOCX."""
    if not isinstance(page.specific_deferred, ConsultationPage):
        return
    urls = consultation_download_urls(page.pk)
    if user.has_perm("consultations.view_consultationcomment"):
        yield Button(_("Xuất góp ý (Excel)"), url=urls["xlsx"], icon_name="download", priority=80)
    if user.has_perm("consultations.export_personal_comments"):
        yield Button(
            _("Xuất góp ý kèm thông tin cá nhân"), url=urls["xlsx_personal"], icon_name="download", priority=81
        )
    if page.permissions_for_user(user).can_edit() or user.has_perm("consultations.view_consultationcomment"):
        yield Button(_("Báo cáo tổng hợp (Word)"), url=urls["docx"], icon_name="download", priority=82)


@hooks.register("feedback_lookup_code")
def question_lookup(request, code):
    """``/tra-cuu/`` answers question codes (``HD-...``) too."""
    return questions.lookup_response(request, code)


@hooks.register("portal_search_models")
def published_questions():
    from .models import PublishedQuestion

    return [PublishedQuestion]


@hooks.register("feedback_anonymise_comments")
def anonymise_details(decided):
    """Feedback's anonymisation of old comments also erases the phone left with a consultation comment."""
    from .models import ConsultationCommentDetails

    details = ConsultationCommentDetails.objects.filter(comment__in=decided).exclude(phone="")
    changed = list(details.values_list("comment_id", flat=True))
    ConsultationCommentDetails.objects.filter(comment_id__in=changed).update(phone="")
    return changed
