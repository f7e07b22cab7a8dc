"""Factories for the documents register (tests and the demo)."""

import datetime

from django.core.files.base import ContentFile

import factory
import wagtail_factories

from home.factories import PageFactory

from .models import DocumentArea, DocumentFile, DocumentRegisterPage, DocumentType, IssuingBody, OfficialDocumentPage
from .pdf import simple_pdf


class DocumentTypeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Loại {n}")

    class Meta:
        model = DocumentType
        django_get_or_create = ("name",)


class DocumentAreaFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")

    class Meta:
        model = DocumentArea
        django_get_or_create = ("name",)


class IssuingBodyFactory(factory.django.DjangoModelFactory):
    name = "Ban Thường vụ Hội LHPN tỉnh"

    class Meta:
        model = IssuingBody
        django_get_or_create = ("name",)


class DocumentRegisterPageFactory(PageFactory):
    """``DocumentRegisterPageFactory(parent=home_page)``: the register at ``/van-ban/``."""

    title = "Văn bản"
    slug = "van-ban"
    show_in_menus = True
    intro = "Nghị quyết, kế hoạch, hướng dẫn và các văn bản khác của Hội LHPN tỉnh."

    class Meta:
        model = DocumentRegisterPage


class PdfDocumentFactory(wagtail_factories.DocumentFactory):
    """A Wagtail document holding a one-page PDF that says ``text``."""

    title = factory.Sequence(lambda n: f"Tệp văn bản {n}")
    file = factory.LazyAttribute(
        lambda obj: ContentFile(simple_pdf(obj.title), name=f"{obj.title.lower().replace(' ', '-')}.pdf")
    )


class OfficialDocumentPageFactory(PageFactory):
    """A published document with one PDF. ``files=[document, ...]`` gives its files instead."""

    title = factory.Sequence(lambda n: f"Kế hoạch tổ chức hoạt động số {n}")
    number = factory.Sequence(lambda n: f"{n + 1}/KH-HLHPN")
    document_type = factory.SubFactory(DocumentTypeFactory, name="Kế hoạch")
    issuing_body = factory.SubFactory(IssuingBodyFactory)
    signer = "Nguyễn Thị Chủ Tịch"
    issue_date = datetime.date(2024, 3, 15)
    effective_date = factory.SelfAttribute("issue_date")
    summary = "Về việc tổ chức các hoạt động kỷ niệm ngày Quốc tế Phụ nữ."
    live = True

    class Meta:
        model = OfficialDocumentPage
        skip_postgeneration_save = True

    @factory.post_generation
    def files(self, create, extracted, **kwargs):
        if not create:
            return
        documents = extracted if extracted is not None else [PdfDocumentFactory(title=f"Văn bản {self.number}")]
        for order, document in enumerate(documents):
            DocumentFile.objects.create(page=self, document=document, sort_order=order)
