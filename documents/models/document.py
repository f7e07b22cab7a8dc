"""One document of the register: its page (a citable address), its files and what it replaces."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from home.models import BasePage
from home.queries import exclude_private
from home.text import fold_vi, slugify_vi

# What the register publishes: PDF and the office formats (Wagtail's documents take a few more).
FILE_EXTENSIONS = ("pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp")
NUMBER_MAX = 60


class DocumentStatus(models.TextChoices):
    PENDING = "pending", _("Chưa có hiệu lực")
    IN_FORCE = "in_force", _("Còn hiệu lực")
    EXPIRED = "expired", _("Hết hiệu lực")


class OfficialDocumentQuerySet(PageQuerySet):
    def published(self):
        return exclude_private(self.live())

    def for_listing(self):
        return self.select_related("document_type", "issuing_body", "area")

    def with_status(self, status, day=None):
        """Documents whose status (from their dates) is ``status`` on ``day`` (today by default)."""
        day = day or timezone.localdate()
        not_expired = models.Q(expiry_date__isnull=True) | models.Q(expiry_date__gt=day)
        if status == DocumentStatus.PENDING:
            return self.filter(effective_date__gt=day)
        if status == DocumentStatus.IN_FORCE:
            return self.filter(not_expired, effective_date__lte=day)
        return self.filter(expiry_date__lte=day)

    def matching(self, query):
        """Every word of ``query``, folded as the site search folds it, in the number, title, summary,
        type or issuing body: ``15/KH``, ``ke hoach`` and ``kế hoạch`` all find "Kế hoạch 15/KH-HLHPN"."""
        for word in fold_vi(query).split():
            self = self.filter(folded_text__contains=word)
        return self


OfficialDocumentManager = PageManager.from_queryset(OfficialDocumentQuerySet)


class OfficialDocumentPage(BasePage):
    """A văn bản: its page is its citable address, ``/van-ban/<số ký hiệu>-<năm>/``."""

    document_type = models.ForeignKey(
        "documents.DocumentType", verbose_name=_("Loại văn bản"), on_delete=models.PROTECT, related_name="documents"
    )
    number = models.CharField(
        _("Số ký hiệu"), max_length=NUMBER_MAX, help_text=_("Ví dụ 15/KH-HLHPN, đúng như trên văn bản.")
    )
    issuing_body = models.ForeignKey(
        "documents.IssuingBody", verbose_name=_("Cơ quan ban hành"), on_delete=models.PROTECT, related_name="documents"
    )
    signer = models.CharField(_("Người ký"), max_length=150, blank=True)
    issue_date = models.DateField(_("Ngày ban hành"), db_index=True)
    effective_date = models.DateField(_("Ngày có hiệu lực"))
    expiry_date = models.DateField(
        _("Ngày hết hiệu lực"), null=True, blank=True, help_text=_("Để trống nếu văn bản chưa có ngày hết hiệu lực.")
    )
    summary = models.TextField(_("Trích yếu"), max_length=1000)
    area = models.ForeignKey(
        "documents.DocumentArea",
        verbose_name=_("Lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
    )
    # Number, title, summary, type and issuing body folded (home.text.fold_vi), for the register's search.
    folded_text = models.TextField(editable=False, default="")

    objects = OfficialDocumentManager()

    template = "documents/document_page.html"
    parent_page_types = ["documents.DocumentRegisterPage"]
    subpage_types = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("number", boost=3),
        index.SearchField("summary"),
        index.SearchField("signer"),
        index.FilterField("issue_date"),
        index.RelatedFields("document_type", [index.SearchField("name")]),
        index.RelatedFields("issuing_body", [index.SearchField("name")]),
        index.RelatedFields("area", [index.SearchField("name")]),
    ]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("number")]),
                FieldRowPanel([FieldPanel("issuing_body"), FieldPanel("signer")]),
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"), FieldPanel("expiry_date")]),
                FieldPanel("area"),
            ],
            heading=_("Thông tin văn bản"),
        ),
        FieldPanel("summary"),
        InlinePanel("files", label=_("Tệp văn bản"), min_num=1, heading=_("Tệp văn bản")),
        InlinePanel("replacements", label=_("Văn bản được thay thế"), heading=_("Thay thế văn bản")),
    ]

    class Meta:
        verbose_name = _("Văn bản")
        verbose_name_plural = _("Văn bản")
        indexes = [models.Index(fields=["-issue_date", "-page_ptr"], name="documents_newest_first")]

    def __str__(self):
        return f"{self.number} {self.title}" if self.number else self.title

    def get_meta_description(self):
        return self.search_description or self.summary

    def clean(self):
        super().clean()
        errors = {}
        if self.issue_date and self.effective_date and self.effective_date < self.issue_date:
            errors["effective_date"] = _("Ngày có hiệu lực không thể trước ngày ban hành.")
        if self.expiry_date and self.effective_date and self.expiry_date <= self.effective_date:
            errors["expiry_date"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if self.number and self.issue_date and not self.alias_of_id and self.same_number().exists():
            errors["number"] = _("Đã có văn bản số %(number)s ban hành năm %(year)d.") % {
                "number": self.number,
                "year": self.issue_date.year,
            }
        if errors:
            raise ValidationError(errors)

    def same_number(self):
        """Other documents with this number in the same year (numbers start again every year), in the same
        language: a translation or an alias of a document shares its number."""
        others = OfficialDocumentPage.objects.filter(
            number__iexact=self.number.strip(), issue_date__year=self.issue_date.year, alias_of__isnull=True
        )
        if self.locale_id:
            others = others.filter(locale_id=self.locale_id)
        return others.exclude(pk=self.pk) if self.pk else others

    def default_slug(self):
        """``15/KH-HLHPN`` of 2024 -> ``15-kh-hlhpn-2024``: citable, and unique since numbers restart yearly."""
        return slugify_vi(f"{self.number.replace('/', ' ')} {self.issue_date.year}", max_length=200) or "van-ban"

    def fold_text(self):
        names = [item.name for item in (self.document_type_or_none, self.issuing_body_or_none) if item]
        return fold_vi(" ".join([self.number, self.title, self.summary, *names]))

    @property
    def document_type_or_none(self):
        return self.document_type if self.document_type_id else None

    @property
    def issuing_body_or_none(self):
        return self.issuing_body if self.issuing_body_id else None

    def save(self, *args, **kwargs):
        self.number = " ".join(self.number.split())
        self.folded_text = self.fold_text()
        super().save(*args, **kwargs)

    def status_on(self, day):
        if self.effective_date and self.effective_date > day:
            return DocumentStatus.PENDING
        if self.expiry_date and self.expiry_date <= day:
            return DocumentStatus.EXPIRED
        return DocumentStatus.IN_FORCE

    @property
    def status(self):
        """Còn hiệu lực / hết hiệu lực (or not yet), from the dates: nobody has to remember to change it."""
        return self.status_on(timezone.localdate())

    @property
    def status_label(self):
        return DocumentStatus(self.status).label

    def replaces_documents(self):
        """The live documents this one replaces."""
        ids = [link.replaced_id for link in self.replacements.all()]
        return OfficialDocumentPage.objects.filter(pk__in=ids).published().order_by("-issue_date")

    def replaced_by_documents(self):
        """The live documents that replace this one."""
        return OfficialDocumentPage.objects.filter(replacements__replaced=self).published().order_by("-issue_date")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = list(self.files.select_related("document"))
        context["replaces"] = list(self.replaces_documents())
        context["replaced_by"] = list(self.replaced_by_documents())
        return context


class DocumentFile(Orderable):
    """A file of the document (the signed PDF, the Word version, an annex): a Wagtail document."""

    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("Tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("Tên hiển thị"), max_length=150, blank=True, help_text=_("Ví dụ: Bản ký số, Phụ lục. Để trống: tên tệp.")
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("Tệp văn bản")
        verbose_name_plural = _("Tệp văn bản")

    def clean(self):
        super().clean()
        if self.document_id and self.extension not in FILE_EXTENSIONS:
            raise ValidationError(
                {"document": _("Chỉ nhận tệp PDF hoặc văn phòng (%(types)s).") % {"types": ", ".join(FILE_EXTENSIONS)}}
            )

    @property
    def extension(self):
        return (self.document.file_extension or "").lower()

    @property
    def display_name(self):
        return self.label or self.document.title

    @property
    def size(self):
        try:
            return self.document.get_file_size()
        except OSError:  # the file is missing from the storage: the link still shows
            return None


class DocumentReplacement(Orderable):
    """This document replaces that one (which then lists "replaced by" this one)."""

    page = ParentalKey(OfficialDocumentPage, on_delete=models.CASCADE, related_name="replacements")
    replaced = models.ForeignKey(
        OfficialDocumentPage,
        verbose_name=_("Văn bản được thay thế"),
        on_delete=models.CASCADE,
        related_name="replaced_by_links",
    )

    panels = [PageChooserPanel("replaced", page_type="documents.OfficialDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("Văn bản được thay thế")
        verbose_name_plural = _("Văn bản được thay thế")

    def clean(self):
        super().clean()
        if self.replaced_id and self.replaced_id == self.page_id:
            raise ValidationError({"replaced": _("Văn bản không thể thay thế chính nó.")})
