"""Wagtail's accessibility checker (axe-core), in the userbar and in the editor's preview "Checks"
panel, with the rules that catch what editors get wrong: images without alt text, empty headings,
skipped heading levels (and Wagtail's own defaults)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.userbar import ContentCheckerItem

EDITOR_RULES = ["image-alt", "role-img-alt", "input-image-alt", "empty-heading", "heading-order", "document-title"]


class PortalContentChecker(ContentCheckerItem):
    axe_run_only = list(dict.fromkeys([*ContentCheckerItem.axe_run_only, *EDITOR_RULES]))
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Ảnh thiếu mô tả (văn bản thay thế)"),
            "help_text": _("Nhập mô tả ảnh, hoặc đánh dấu “Ảnh chỉ để trang trí”"),
        },
        "role-img-alt": {
            "error_name": _("Hình minh họa thiếu mô tả"),
            "help_text": _("Nhập mô tả cho người dùng trình đọc màn hình"),
        },
        "input-image-alt": {
            "error_name": _("Nút hình ảnh thiếu mô tả"),
            "help_text": _("Nhập mô tả cho người dùng trình đọc màn hình"),
        },
        "document-title": {
            "error_name": _("Trang thiếu tiêu đề"),
            "help_text": _("Đặt tiêu đề cho trang"),
        },
    }


def use_portal_checker(request, items, page):
    """Swaps Wagtail's checker for the portal's, keeping where it runs (editor or page)."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, PortalContentChecker):
            items[position] = PortalContentChecker(in_editor=item.in_editor)
