"""StreamField blocks shared by every app. An app's own blocks live in its ``blocks.py``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Cấp 2")), ("h3", _("Cấp 3"))],
        default="h2",
        label=_("Cấp"),
    )

    class Meta:
        icon = "title"
        label = _("Tiêu đề mục")
        template = "components/blocks/heading_block.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Đoạn văn")
        template = "components/blocks/paragraph_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image in the text: it carries alt text, or the editor says explicitly it is decorative
    (then screen readers skip it, ``alt=""``). One of the two is required."""

    image = ImageChooserBlock(label=_("Ảnh"))
    alt_text = blocks.CharBlock(
        label=_("Mô tả ảnh (văn bản thay thế, cho người khiếm thị)"),
        required=False,
        max_length=255,
        help_text=_("Tả điều ảnh cho thấy, trong một câu ngắn, ví dụ “Hội viên tập huấn kỹ năng giám sát”."),
    )
    decorative = blocks.BooleanBlock(
        label=_("Ảnh chỉ để trang trí"),
        required=False,
        help_text=_("Chọn khi ảnh không mang thông tin (đường kẻ, hoa văn): trình đọc màn hình sẽ bỏ qua ảnh."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=500)
    credit = blocks.CharBlock(label=_("Nguồn ảnh"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "components/blocks/image_block.html"

    def clean(self, value):
        value = super().clean(value)
        alt_text = (value.get("alt_text") or "").strip()
        if value.get("decorative") and alt_text:
            raise StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Ảnh trang trí không cần mô tả: xóa mô tả hoặc bỏ chọn."))}
            )
        if not value.get("decorative") and not alt_text:
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _("Nhập mô tả ảnh, hoặc chọn “Ảnh chỉ để trang trí” nếu ảnh không mang thông tin.")
                    )
                }
            )
        return value


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(label=_("Người nói"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "components/blocks/quote_block.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("Địa chỉ video"),
        help_text=_("Dán đường dẫn YouTube, Facebook hoặc Vimeo. Video chỉ tải khi người đọc bấm xem."),
    )
    caption = blocks.CharBlock(label=_("Chú thích"), required=False, max_length=300)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "components/blocks/video_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Tài liệu"))
    title = blocks.CharBlock(
        label=_("Tên hiển thị"), required=False, max_length=255, help_text=_("Để trống sẽ dùng tên tài liệu.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Tài liệu đính kèm")
        template = "components/blocks/document_block.html"


class LinkStructValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("external_url") or ""

    def text(self):
        return self.get("title") or (self.get("page").title if self.get("page") else self.get("external_url"))


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another website."""

    title = blocks.CharBlock(label=_("Tên liên kết"), required=False, max_length=200)
    page = blocks.PageChooserBlock(label=_("Trang trong website"), required=False)
    external_url = blocks.URLBlock(label=_("Địa chỉ website khác"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("external_url")):
            raise blocks.StructBlockValidationError(
                block_errors={"external_url": ValidationError(_("Chọn một trang hoặc nhập một địa chỉ, không cả hai."))}
            )
        if value.get("external_url") and not value.get("title"):
            raise blocks.StructBlockValidationError(
                block_errors={"title": ValidationError(_("Liên kết tới website khác cần có tên."))}
            )
        return value

    class Meta:
        icon = "link"
        label = _("Liên kết")
        value_class = LinkStructValue


class TableContentBlock(TableBlock):
    class Meta:
        icon = "table"
        label = _("Bảng")
        template = "components/blocks/table_block.html"


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Tiêu đề"), max_length=200)
    text = blocks.TextBlock(label=_("Nội dung"), required=False)
    link = LinkBlock(label=_("Liên kết"))
    button_text = blocks.CharBlock(label=_("Chữ trên nút"), max_length=60)

    class Meta:
        icon = "pick"
        label = _("Lời kêu gọi")
        template = "components/blocks/cta_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of news articles and standard pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentLinkBlock()
    table = TableContentBlock()
