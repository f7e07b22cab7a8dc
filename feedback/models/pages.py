from django.db import models
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage
from home.ratelimit import too_many_requests

STORAGE_FAILED = _(
    "Hệ thống tạm thời không lưu được tệp đính kèm nên ý kiến chưa được gửi. Nội dung bạn viết vẫn còn dưới "
    "đây: xin chọn lại tệp và bấm gửi lại sau ít phút, hoặc gửi không kèm tệp."
)


class FeedbackPage(BasePage):
    """The listening forum's page: the editors' introduction above the public form.

    The page serves the form itself (GET shows it, POST stores the message and shows the code).
    """

    intro = RichTextField(
        verbose_name=_("Lời giới thiệu"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Giải thích ai nên gửi, Hội tiếp nhận những nội dung gì và trả lời trong bao lâu."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Trang chính sách bảo vệ dữ liệu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Ô đồng ý xử lý dữ liệu cá nhân dẫn đến trang này."),
    )
    thank_you_text = models.TextField(
        _("Lời cảm ơn sau khi gửi"),
        blank=True,
        default="Cảm ơn bạn đã tin tưởng gửi ý kiến tới Hội. Cán bộ tiếp nhận sẽ xem xét trong 5 ngày làm việc.",
        help_text=_("Hiện cùng mã tra cứu khi gửi thành công."),
    )

    template = "feedback/feedback_page.html"
    success_template = "feedback/feedback_success.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        PageChooserPanel("privacy_page"),
        FieldPanel("thank_you_text"),
    ]

    class Meta:
        verbose_name = _("Trang gửi ý kiến, phản ánh")
        verbose_name_plural = _("Trang gửi ý kiến, phản ánh")

    def serve(self, request, *args, resend=False, **kwargs):
        """GET shows the form (cacheable: no token in it, see feedback.tokens); POST stores the message.

        ``resend``: the POST came without valid CSRF token (a cached page, no JavaScript): the form
        is shown again with what was typed and fresh tokens, asking to press send once more.
        """
        from ..forms import FeedbackForm
        from ..services import submit_feedback, submitted_with_token
        from ..spam import TOKEN_FIELD
        from ..storage import AttachmentStorageError

        privacy_url = self.privacy_page.specific.url if self.privacy_page_id and self.privacy_page else None
        if request.method == "POST" and resend:
            from ..tokens import resend_initial

            form = FeedbackForm(initial=resend_initial(request), request=request, privacy_url=privacy_url)
        elif request.method == "POST":
            form = FeedbackForm(request.POST, request.FILES, request=request, privacy_url=privacy_url)
            valid = form.is_valid()
            # A second press (or a replay, or a twin request that won the race while this one was being
            # checked, spending the token) of a form already stored shows that item's code again.
            repeat = submitted_with_token(request.POST.get(TOKEN_FIELD))
            if repeat is not None:
                return self._success(request, repeat, True, *args, **kwargs)
            if valid:
                try:
                    result = submit_feedback(form)
                    return self._success(request, result.item, result.duplicate, *args, **kwargs)
                except AttachmentStorageError:
                    form.add_error("attachments", STORAGE_FAILED)
        else:
            form = FeedbackForm(request=request, privacy_url=privacy_url, issue_token=False)
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, resend=resend)
        response = TemplateResponse(request, self.get_template(request, *args, **kwargs), context)
        if request.method == "POST":
            # What a visitor sent, and their fresh tokens: never kept by any cache.
            add_never_cache_headers(response)
        if form.refused_by_rate_limit:
            too_many_requests(response, form.spam_policy.window)
        return response

    def _success(self, request, item, duplicate, *args, **kwargs):
        context = self.get_context(request, *args, **kwargs)
        context.update({"item": item, "duplicate": duplicate})
        response = TemplateResponse(request, self.success_template, context)
        add_never_cache_headers(response)
        return response
