"""``/gioi-thieu/lanh-dao/``: the leadership of the current term first, the earlier terms kept below it.

No leader has a phone or e-mail of their own here: the page gives the office's contact (site settings)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage


class Term(models.Model):
    """A nhiệm kỳ (2021-2026): leaders belong to one; the latest is the current one."""

    name = models.CharField(_("Tên nhiệm kỳ"), max_length=100, unique=True, help_text=_("Ví dụ: Nhiệm kỳ 2021 - 2026"))
    start_year = models.PositiveSmallIntegerField(_("Năm bắt đầu"))
    end_year = models.PositiveSmallIntegerField(_("Năm kết thúc"))

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")])]

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("Nhiệm kỳ")
        verbose_name_plural = _("Nhiệm kỳ")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year <= self.start_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải sau năm bắt đầu.")})


class LeadershipPage(BasePage):
    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)

    template = "organisation/leadership_page.html"
    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = []
    max_count = 1
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields(
            "leaders", [index.SearchField("name"), index.SearchField("position"), index.SearchField("responsibilities")]
        ),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("leaders", label=_("Lãnh đạo"), heading=_("Lãnh đạo qua các nhiệm kỳ")),
    ]

    class Meta:
        verbose_name = _("Trang lãnh đạo")
        verbose_name_plural = _("Trang lãnh đạo")

    def get_meta_description(self):
        return self.search_description or self.intro

    def terms(self):
        """``[(term, [leaders])]``, the latest term first (the current one), each in the editor's order."""
        leaders = list(self.leaders.select_related("term", "photo"))
        terms = sorted({leader.term for leader in leaders}, key=lambda term: -term.start_year)
        return [(term, [leader for leader in leaders if leader.term_id == term.pk]) for term in terms]


class Leader(Orderable):
    page = ParentalKey(LeadershipPage, on_delete=models.CASCADE, related_name="leaders")
    term = models.ForeignKey(Term, verbose_name=_("Nhiệm kỳ"), on_delete=models.PROTECT, related_name="leaders")
    name = models.CharField(_("Họ và tên"), max_length=150)
    position = models.CharField(_("Chức vụ"), max_length=200)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Ảnh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    responsibilities = models.TextField(_("Nhiệm vụ được phân công"), blank=True, max_length=2000)

    panels = [
        FieldRowPanel([FieldPanel("term"), FieldPanel("position")]),
        FieldPanel("name"),
        FieldPanel("photo"),
        FieldPanel("responsibilities"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Lãnh đạo")
        verbose_name_plural = _("Lãnh đạo")

    def __str__(self):
        return f"{self.name} ({self.position})"
