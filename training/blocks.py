"""Blocks of a lesson. Text, image, video, document, quote and table come from ``home.blocks``
(``BaseStreamBlock``); only the training-specific ones (case study, checklist) are defined here."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import BaseStreamBlock, ParagraphBlock


class CaseStudyBlock(blocks.StructBlock):
    """A situation (tình huống) for the learner to think through, with questions and a suggested answer."""

    title = blocks.CharBlock(label=_("Tên tình huống"), max_length=200)
    situation = ParagraphBlock(label=_("Tình huống"))
    questions = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("Câu hỏi")),
        label=_("Câu hỏi thảo luận"),
        required=False,
    )
    suggestion = ParagraphBlock(
        label=_("Gợi ý xử lý"),
        required=False,
        help_text=_("Hiện sau khi học viên bấm \u201cXem gợi ý\u201d (vẫn đọc được khi trình duyệt tắt JavaScript)."),
    )

    class Meta:
        icon = "help"
        label = _("Tình huống")
        template = "training/blocks/case_study_block.html"


class ChecklistBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300, label=_("Việc cần làm")), label=_("Các việc"))

    def clean(self, value):
        value = super().clean(value)
        if not [item for item in value.get("items") or [] if item]:
            raise blocks.StructBlockValidationError(
                block_errors={"items": ValidationError(_("Danh sách kiểm tra cần ít nhất một việc."))}
            )
        return value

    class Meta:
        icon = "tasks"
        label = _("Danh sách kiểm tra")
        template = "training/blocks/checklist_block.html"


class LessonStreamBlock(BaseStreamBlock):
    """The body of a lesson: the site's shared blocks, then a case study and a checklist."""

    case_study = CaseStudyBlock()
    checklist = ChecklistBlock()
