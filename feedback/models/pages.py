from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from home.models import BasePage

# The form's view lives in feedback.views, above the models (it uses the forms and the services);
# FeedbackConfig.ready() hands it in here, so that no model module imports them.
PAGE_VIEWS = {}


class FeedbackPage(BasePage):
    """The listening forum's page: the editors' introduction above the public form.

    The page serves the form (GET shows it, POST stores the message and shows the code) through
    ``feedback.views.serve_feedback_page``, handed in by FeedbackConfig.ready().
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
        """GET shows the form, POST stores the message (``feedback.views.serve_feedback_page``)."""
        return PAGE_VIEWS["serve"](self, request, *args, resend=resend, **kwargs)
