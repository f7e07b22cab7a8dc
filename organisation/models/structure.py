"""``/gioi-thieu/co-cau-to-chuc/``: the union's bodies (executive and standing committees, departments),
each with its duties and its office's contact."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import BasePage


class BodyKind(models.TextChoices):
    EXECUTIVE = "executive", _("Ban Chấp hành")
    STANDING = "standing", _("Ban Thường vụ")
    DEPARTMENT = "department", _("Ban chuyên môn, văn phòng")
    OTHER = "other", _("Đơn vị trực thuộc")


class OrganisationStructurePage(BasePage):
    intro = models.TextField(_("Giới thiệu"), blank=True, max_length=1000)

    template = "organisation/structure_page.html"
    parent_page_types = ["home.StandardPage", "home.HomePage"]
    subpage_types = []
    max_count = 1
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("bodies", [index.SearchField("name"), index.SearchField("duties")]),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel("bodies", label=_("Bộ phận"), heading=_("Các bộ phận")),
    ]

    class Meta:
        verbose_name = _("Trang cơ cấu tổ chức")
        verbose_name_plural = _("Trang cơ cấu tổ chức")

    def get_meta_description(self):
        return self.search_description or self.intro

    def groups(self):
        """``[(kind label, [bodies])]`` in the order of the kinds, then of the editor's order."""
        bodies = list(self.bodies.all())
        return [
            (kind.label, members) for kind in BodyKind if (members := [body for body in bodies if body.kind == kind])
        ]


class StructureBody(Orderable):
    page = ParentalKey(OrganisationStructurePage, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("Loại"), max_length=20, choices=BodyKind.choices, default=BodyKind.DEPARTMENT)
    name = models.CharField(_("Tên bộ phận"), max_length=200)
    members = models.CharField(
        _("Thành phần"), max_length=300, blank=True, help_text=_("Ví dụ: 35 ủy viên; Chủ tịch, 2 Phó Chủ tịch.")
    )
    duties = RichTextField(_("Chức năng, nhiệm vụ"), features=["bold", "italic", "ol", "ul", "link"])
    phone = models.CharField(
        _("Điện thoại cơ quan"), max_length=30, blank=True, help_text=_("Số của văn phòng, không ghi số cá nhân.")
    )
    email = models.EmailField(_("Thư điện tử cơ quan"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("name")]),
        FieldPanel("members"),
        FieldPanel("duties"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Bộ phận")
        verbose_name_plural = _("Bộ phận")

    def __str__(self):
        return self.name
