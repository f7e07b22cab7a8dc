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


class EventRecordingValue(blocks.StructValue):
    @property
    def event(self):
        page = self.get("event")
        return page.specific if page is not None else None


class EventRecordingBlock(blocks.StructBlock):
    """The recording of a training event, for a cadre who missed the session."""

    event = blocks.PageChooserBlock(page_type="training.TrainingEventPage", label=_("Lớp tập huấn"))
    note = blocks.CharBlock(label=_("Ghi chú"), max_length=300, required=False)

    def clean(self, value):
        value = super().clean(value)
        event = value.get("event")
        if event is not None and not event.specific.has_recording:
            raise blocks.StructBlockValidationError(
                block_errors={"event": ValidationError(_("Lớp tập huấn này chưa có bản ghi."))}
            )
        return value

    class Meta:
        icon = "media"
        label = _("Bản ghi lớp tập huấn")
        template = "training/blocks/event_recording_block.html"
        value_class = EventRecordingValue


class LessonStreamBlock(BaseStreamBlock):
    """The body of a lesson: the site's shared blocks, then a case study, a checklist and an event's recording."""

    case_study = CaseStudyBlock()
    checklist = ChecklistBlock()
    event_recording = EventRecordingBlock()
