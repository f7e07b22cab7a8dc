from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .forms import PackageAdminForm
from .models import Package


class PackageViewSet(ModelViewSet):
    """Uploading SCORM and H5P packages; a lesson then plays one (its "Gói bài giảng" field)."""

    model = Package
    icon = "doc-full-inverse"
    menu_label = _("Gói bài giảng")
    list_display = ["title", "kind", "version_label", "file_count", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["title", "original_name"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "kind",
        "version_label",
        "launch",
        "mastery_score",
        "file_count",
        "unpacked_bytes",
        "original_name",
        "uploaded_by",
        "uploaded_at",
    ]

    def get_edit_handler(self):
        return ObjectList([FieldPanel("upload"), FieldPanel("title")], base_form_class=PackageAdminForm).bind_to_model(
            Package
        )
