"""The consultation pages: the index at ``/gop-y-du-thao/`` and one page per draft under it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from feedback.models import Comment, CommentablePageMixin, CommentStatus
from home.models import BasePage
from home.queries import exclude_private

from .. import period
from .comments import where_of
from .handlers import HANDLERS

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class ConsultationQuerySet(PageQuerySet):
    def published(self):
        return exclude_private(self.live())

    def open_at(self, now):
        return self.filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at", "pk")

    def upcoming_at(self, now):
        return self.filter(opens_at__gt=now).order_by("opens_at", "pk")

    def closed_at(self, now):
        return self.filter(closes_at__lte=now).order_by("-closes_at", "-pk")


ConsultationManager = PageManager.from_queryset(ConsultationQuerySet)


class ConsultationIndexPage(BasePage):
    """``/gop-y-du-thao/``: open consultations first (with the days left), then upcoming, then closed."""

    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=800)

    template = "consultations/index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count = 1
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    content_panels = [*Page.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("Trang góp ý dự thảo")
        verbose_name_plural = _("Trang góp ý dự thảo")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(HANDLERS["index_context"](self, request))
        return context


class ConsultationPageForm(WagtailAdminPageForm):
    """The synthesis may accept only approved comments of this consultation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("acceptances")
        if formset is None:
            return
        choices = Comment.objects.filter(page_id=self.instance.pk or 0, status=CommentStatus.APPROVED)
        choices = choices.select_related("consultation_details__section").order_by("created_at", "pk")
        add_fields = formset.add_fields

        def restricted(form, index):  # every form of the formset, the empty template one included
            add_fields(form, index)
            form.fields["comment"].queryset = choices
            form.fields["comment"].label_from_instance = acceptance_label

        formset.add_fields = restricted


def acceptance_label(comment):
    return f"#{comment.pk} · {where_of(comment)} · {comment.name}: {comment.text[:60]}"


class ConsultationPage(CommentablePageMixin, BasePage):
    """One draft put to the public: its sections, files and period; after the close, the synthesis."""

    issuing_body = models.CharField(
        _("Cơ quan soạn thảo, đề nghị góp ý"),
        max_length=255,
        help_text=_("Ví dụ: Sở Kế hoạch và Đầu tư tỉnh; Ban Thường vụ Hội LHPN tỉnh."),
    )
    summary = RichTextField(_("Tóm tắt dự thảo"), features=TEXT_FEATURES)
    audience = models.CharField(
        _("Đối tượng lấy ý kiến"),
        max_length=255,
        help_text=_("Ví dụ: hội viên phụ nữ, chủ hộ kinh doanh nữ, cán bộ Hội cơ sở."),
    )
    opens_at = models.DateTimeField(_("Bắt đầu nhận góp ý"), help_text=_("Giờ Việt Nam (GMT+7)."))
    closes_at = models.DateTimeField(
        _("Hết hạn góp ý"),
        help_text=_("Giờ Việt Nam (GMT+7). Góp ý gửi từ thời điểm này trở đi không được nhận. Có thể gia hạn."),
    )
    extended_from = models.DateTimeField(
        _("Hạn ban đầu (trước khi gia hạn)"),
        null=True,
        blank=True,
        help_text=_("Điền tự động khi hạn góp ý được lùi lại sau khi đã đăng."),
    )
    # Set by manage.py close_consultations once it has purged the pages that showed the form.
    closed_marked_at = models.DateTimeField(null=True, blank=True, editable=False)
    synthesis_points = RichTextField(
        _("Báo cáo tổng hợp: các ý kiến chính"),
        blank=True,
        features=TEXT_FEATURES,
        help_text=_("Viết sau khi hết hạn góp ý. Số ý kiến theo từng điều và từng đơn vị được tính tự động."),
    )

    objects = ConsultationManager()

    template = "consultations/consultation_page.html"
    parent_page_types = ["consultations.ConsultationIndexPage"]
    subpage_types = []
    base_form_class = ConsultationPageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("issuing_body"),
        index.SearchField("summary"),
        index.SearchField("synthesis_points"),
        index.FilterField("closes_at"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("issuing_body"),
        FieldPanel("audience"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]), FieldPanel("extended_from")],
            heading=_("Thời gian lấy ý kiến"),
        ),
        InlinePanel("draft_files", label=_("Tệp dự thảo"), heading=_("Tệp dự thảo")),
        InlinePanel("sections", label=_("Chương, điều, khoản"), heading=_("Các phần của dự thảo")),
        MultiFieldPanel(
            [
                FieldPanel("synthesis_points"),
                InlinePanel("acceptances", label=_("Ý kiến được tiếp thu"), heading=_("Ý kiến được tiếp thu")),
            ],
            heading=_("Báo cáo tổng hợp ý kiến"),
        ),
    ]
    settings_panels = [*BasePage.settings_panels, FieldPanel("comments_open")]

    class Meta:
        verbose_name = _("Dự thảo lấy ý kiến")
        verbose_name_plural = _("Dự thảo lấy ý kiến")

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Hạn góp ý phải sau thời điểm bắt đầu nhận góp ý.")})

    def save(self, *args, **kwargs):
        """A later close than the one published is an extension: the first close is kept to show it."""
        if self.pk and self.closes_at and self.extended_from is None:
            published = type(self).objects.filter(pk=self.pk).values_list("closes_at", flat=True).first()
            if published is not None and self.closes_at > published:
                self.extended_from = published
        if self.closes_at and self.closes_at > timezone.now():
            self.closed_marked_at = None  # reopened by an extension: the command will mark it again
        return super().save(*args, **kwargs)

    def get_meta_description(self):
        return self.search_description or f"{self.issuing_body}: {self.audience}"

    def phase_at(self, now=None):
        return period.phase(self.opens_at, self.closes_at, now)

    @property
    def phase(self):
        return self.phase_at()

    @property
    def is_open(self):
        return self.phase == period.Phase.OPEN

    @property
    def days_left(self):
        return period.days_left(self.closes_at)

    @property
    def phase_label(self):
        return period.Phase(self.phase).label

    @property
    def takes_comments(self):
        """Open, and the editors have not switched comments off."""
        return self.is_open and self.comments_open

    @property
    def is_extended(self):
        return self.extended_from is not None and self.extended_from < self.closes_at

    @cached_property
    def ordered_sections(self):
        return list(self.sections.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(HANDLERS["page_context"](self, request))
        return context


class ConsultationDocument(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="draft_files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Tệp"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("Tên hiển thị"), max_length=255, blank=True, help_text=_("Để trống: dùng tên tài liệu."))

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("Tệp dự thảo")
        verbose_name_plural = _("Tệp dự thảo")

    def __str__(self):
        return self.title or self.document.title

    @property
    def display_title(self):
        return self.title or self.document.title


class ConsultationSection(Orderable):
    """A chương, điều or khoản of the draft, in the draft's order; readers comment on it by its anchor."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="sections")
    label = models.CharField(_("Số hiệu"), max_length=60, help_text=_("Ví dụ: Chương I; Điều 3; Khoản 2 Điều 5."))
    heading = models.CharField(_("Tên"), max_length=255, blank=True)
    text = models.TextField(_("Nội dung"), max_length=20000)

    panels = [FieldPanel("label"), FieldPanel("heading"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("Chương, điều, khoản")
        verbose_name_plural = _("Chương, điều, khoản")

    def __str__(self):
        return self.short_label

    @property
    def short_label(self):
        return f"{self.label}. {self.heading}" if self.heading else self.label

    @property
    def anchor(self):
        return f"muc-{self.pk}"


class SynthesisAcceptance(Orderable):
    """One comment the drafters took up, and what it changed in the draft (shown in the synthesis)."""

    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="acceptances")
    comment = models.ForeignKey(
        "feedback.Comment", verbose_name=_("Ý kiến"), on_delete=models.CASCADE, related_name="acceptances"
    )
    change = models.TextField(
        _("Đã tiếp thu, chỉnh sửa trong dự thảo"),
        max_length=4000,
        help_text=_("Ví dụ: Bổ sung khoản 4 Điều 3 về hỗ trợ phụ nữ khuyết tật khởi nghiệp."),
    )

    # A plain list of this draft's approved comments (ConsultationPageForm), not the snippet chooser.
    panels = [FieldPanel("comment", widget=forms.Select), FieldPanel("change")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ý kiến được tiếp thu")
        verbose_name_plural = _("Ý kiến được tiếp thu")

    def __str__(self):
        return self.change[:40]

    def clean(self):
        super().clean()
        comment = Comment.objects.filter(pk=self.comment_id).first() if self.comment_id else None
        if comment is None:
            return
        if (self.page_id and comment.page_id != self.page_id) or comment.status != CommentStatus.APPROVED:
            raise ValidationError({"comment": _("Chỉ tiếp thu được ý kiến đã duyệt của chính dự thảo này.")})
