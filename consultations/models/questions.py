"""Questions and answers (hỏi đáp): what visitors ask, and the pairs published at ``/hoi-dap/``."""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from home import fragments
from home.indexing import VietnameseSearchMixin
from home.models import BasePage
from home.text import slugify_vi

from .handlers import HANDLERS

QUESTION_MAX = 3000
ANSWER_MAX = 10000
QUESTIONS_PER_PAGE = 10


class QuestionStatus(models.TextChoices):
    NEW = "new", _("Chờ trả lời")
    PUBLISHED = "published", _("Đã trả lời, công khai")
    REJECTED = "rejected", _("Không công khai")
    SPAM = "spam", _("Tin rác")


class QuestionField(models.Model):
    """A field (lĩnh vực) the published questions are grouped by."""

    name = models.CharField(_("Tên lĩnh vực"), max_length=120, unique=True)
    slug = models.SlugField(
        _("Đường dẫn"), max_length=120, unique=True, blank=True, help_text=_("Để trống: tạo từ tên lĩnh vực.")
    )
    sort_order = models.PositiveSmallIntegerField(_("Thứ tự"), default=0)

    class Meta:
        verbose_name = _("Lĩnh vực hỏi đáp")
        verbose_name_plural = _("Lĩnh vực hỏi đáp")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slugify_vi(self.name, max_length=120)
        return super().save(*args, **kwargs)


class QuestionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=QuestionStatus.PUBLISHED, published_at__isnull=False)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        return self.select_related("field")


class Question(models.Model):
    """A visitor's question, from arrival to its published, anonymised pair.

    Status changes go through :data:`consultations.questions.WORKFLOW` (feedback's workflow machinery),
    each recorded as a :class:`~feedback.models.ModerationEvent`. The public sees only
    ``public_question`` (the moderator's edit, personal details removed), the field and the answer;
    the asker's name, contacts and original text never leave the admin.
    """

    code = models.CharField(_("Mã tra cứu"), max_length=14, unique=True, editable=False)
    status = models.CharField(
        _("Trạng thái"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.NEW, db_index=True
    )
    field = models.ForeignKey(
        QuestionField, verbose_name=_("Lĩnh vực"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Personal data: shown to moderators only.
    name = models.CharField(_("Họ và tên"), max_length=150, blank=True)
    phone = models.CharField(_("Số điện thoại"), max_length=20, blank=True)
    email = models.EmailField(_("Thư điện tử"), blank=True)
    text = models.TextField(_("Câu hỏi (nguyên văn)"), max_length=QUESTION_MAX)
    # The text found an e-mail address or a phone number in: the moderator removes it before publishing.
    has_contact_in_text = models.BooleanField(_("Có số điện thoại, thư điện tử trong câu hỏi"), default=False)

    public_question = models.TextField(_("Câu hỏi công khai"), blank=True, max_length=QUESTION_MAX)
    answer = models.TextField(_("Câu trả lời"), blank=True, max_length=ANSWER_MAX)
    # The public pair folded (home.text.fold_vi) for the page's own search: "vay von" finds "vay vốn".
    search_folded = models.TextField(blank=True, editable=False)

    ip_fingerprint = models.CharField(max_length=32, blank=True, editable=False)
    content_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    token_hash = models.CharField(max_length=64, null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("Ngày gửi"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("Ngày xử lý"), null=True, blank=True)
    published_at = models.DateTimeField(_("Ngày công khai"), null=True, blank=True, db_index=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Câu hỏi")
        verbose_name_plural = _("Câu hỏi")
        ordering = ["-created_at"]
        default_permissions = ("view", "change")
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.code

    @property
    def status_label(self):
        return QuestionStatus(self.status).label

    def get_absolute_url(self):
        if self.status != QuestionStatus.PUBLISHED:
            return None
        page = question_index()
        if page is None:
            return None
        return page.url + page.reverse_subpage("question", kwargs={"pk": self.pk})


def question_index():
    """The live questions page, read once per request: the site search lists several pairs, each asking
    for its address."""
    memo = fragments.request_memo()
    if memo is not None and "question_index" in memo:
        return memo["question_index"]
    page = QuestionIndexPage.objects.live().first()
    if memo is not None:
        memo["question_index"] = page
    return page


class PublishedQuestion(VietnameseSearchMixin, index.Indexed, Question):
    """The published pairs as the site search sees them: question, answer and field, nothing personal."""

    search_group = "questions"
    search_date_field = "published_at"
    search_fields = [
        index.SearchField("public_question"),
        index.SearchField("answer"),
        index.FilterField("status"),
        index.FilterField("published_at"),
    ]

    class Meta:
        proxy = True
        default_permissions = ()
        verbose_name = _("Hỏi đáp đã công khai")
        verbose_name_plural = _("Hỏi đáp đã công khai")

    @classmethod
    def search_public_queryset(cls):
        return cls.objects.published()

    @classmethod
    def get_indexed_objects(cls):
        return cls.search_public_queryset().select_related("field")

    @property
    def title(self):
        return self.public_question[:120]


class QuestionIndexPage(RoutablePageMixin, BasePage):
    """``/hoi-dap/``: the answered questions by field, newest first, searchable; each pair at its own address;
    the short form to ask one at ``dat-cau-hoi/``."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=800)

    template = "consultations/question_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Trang hỏi đáp")
        verbose_name_plural = _("Trang hỏi đáp")

    @path("")
    def listing(self, request):
        return HANDLERS["listing"](self, request)

    @path("cau-hoi/<int:pk>/", name="question")
    def question(self, request, pk):
        return HANDLERS["detail"](self, request, pk)

    @path("dat-cau-hoi/", name="ask")
    def ask(self, request):
        return HANDLERS["ask"](self, request)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        for pk, published_at in Question.objects.published().newest_first().values_list("pk", "published_at"):
            urls.append(
                {"location": base + self.reverse_subpage("question", kwargs={"pk": pk}), "lastmod": published_at}
            )
        return urls

    def question_path(self, pk):
        return self.url + self.reverse_subpage("question", kwargs={"pk": pk})

    @staticmethod
    def lookup_url():
        return reverse("feedback:lookup")
