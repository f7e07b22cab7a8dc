import datetime

from django.utils import timezone

import factory

from feedback import codes
from feedback.models import Comment
from home.factories import PageFactory
from home.text import fold_vi

from .models import (
    ConsultationCommentDetails,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSection,
    Question,
    QuestionField,
    QuestionIndexPage,
    QuestionStatus,
)


class ConsultationIndexPageFactory(PageFactory):
    title = "Góp ý dự thảo"
    slug = "gop-y-du-thao"
    intro = "Hội viên, người dân góp ý vào các dự thảo văn bản trước khi ban hành."

    class Meta:
        model = ConsultationIndexPage


class ConsultationPageFactory(PageFactory):
    """A consultation open from yesterday for ten more days (``sections`` makes that many sections)."""

    title = factory.Sequence(lambda n: f"Dự thảo quy định số {n}")
    issuing_body = "Sở Kế hoạch và Đầu tư tỉnh"
    audience = "Hội viên phụ nữ, chủ hộ kinh doanh nữ"
    summary = "<p>Dự thảo quy định chính sách hỗ trợ phụ nữ khởi nghiệp.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))

    class Meta:
        model = ConsultationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def sections(page, create, extracted, **kwargs):
        for number in range(1, (extracted or 0) + 1):
            ConsultationSection.objects.create(
                page=page,
                sort_order=number,
                label=f"Điều {number}",
                heading=f"Nội dung điều {number}",
                text=f"Văn bản của Điều {number}.",
            )


class QuestionIndexPageFactory(PageFactory):
    title = "Hỏi đáp"
    slug = "hoi-dap"

    class Meta:
        model = QuestionIndexPage


class QuestionFieldFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực hỏi đáp {n}")

    class Meta:
        model = QuestionField
        django_get_or_create = ("name",)


class QuestionFactory(factory.django.DjangoModelFactory):
    code = factory.LazyFunction(lambda: codes.generate("HD"))
    name = "Phạm Thị Thu"
    phone = "0987654321"
    email = "thu@example.org"
    text = factory.Sequence(lambda n: f"Xin hỏi điều kiện vay vốn hỗ trợ phụ nữ khởi nghiệp, câu hỏi số {n}?")
    status = QuestionStatus.NEW

    class Meta:
        model = Question

    class Params:
        published = factory.Trait(
            status=QuestionStatus.PUBLISHED,
            field=factory.SubFactory(QuestionFieldFactory),
            public_question=factory.LazyAttribute(lambda obj: obj.text),
            answer="Chị liên hệ Hội Phụ nữ xã để được hướng dẫn hồ sơ vay vốn.",
            published_at=factory.LazyFunction(timezone.now),
            search_folded=factory.LazyAttribute(lambda obj: fold_vi(f"{obj.public_question}\n{obj.answer}")),
        )


def consultation_comment(page, section=None, *, unit=None, is_member=True, phone="", **fields):
    """A comment on ``page`` (pending unless ``status`` is given) with its consultation details."""
    fields.setdefault("name", "Nguyễn Thị Hằng")
    fields.setdefault("text", "Đề nghị nâng mức vay lên 150 triệu đồng.")
    comment = Comment.objects.create(page=page, **fields)
    ConsultationCommentDetails.objects.create(
        comment=comment, section=section, unit=unit, is_member=is_member, phone=phone
    )
    return comment
