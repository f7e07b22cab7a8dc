"""The editor's guide, in Vietnamese, inside the admin (the help menu links to it)."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "staff/editor_guide.html"
    page_title = _("Hướng dẫn sử dụng trang quản trị")
    header_icon = "help"
