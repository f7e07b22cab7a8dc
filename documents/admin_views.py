"""The admin's import of documents from a spreadsheet (``home.admin_views.SpreadsheetImportView``)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from home.admin_views import PermissionMenuItem, SingleViewSet, SpreadsheetImportView

from . import importing
from .models import DocumentRegisterPage


def registers_for(user):
    """The registers below which ``user`` may add documents."""
    return [
        register
        for register in DocumentRegisterPage.objects.all()
        if register.permissions_for_user(user).can_add_subpage()
    ]


class DocumentImportForm(forms.Form):
    register = forms.ModelChoiceField(label=gettext_lazy("Sổ văn bản"), queryset=DocumentRegisterPage.objects.none())
    file = forms.FileField(
        label=gettext_lazy("Tệp danh sách văn bản (.xlsx hoặc .csv)"),
        help_text=gettext_lazy(
            "Dòng đầu là tiêu đề: Loại văn bản, Số ký hiệu, Tên văn bản, Trích yếu, Cơ quan ban hành, Người ký, "
            "Ngày ban hành, Ngày có hiệu lực, Ngày hết hiệu lực, Lĩnh vực, Tệp, Thay thế. Tối đa 2 MB."
        ),
    )
    publish = forms.BooleanField(
        label=gettext_lazy("Xuất bản ngay (chỉ người có quyền xuất bản)"), required=False, initial=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        registers = registers_for(user)
        self.fields["register"].queryset = DocumentRegisterPage.objects.filter(pk__in=[r.pk for r in registers])
        if len(registers) == 1:
            self.fields["register"].initial = registers[0].pk

    def clean(self):
        cleaned = super().clean()
        register = cleaned.get("register")
        if register and cleaned.get("publish") and not register.permissions_for_user(self.user).can_publish_subpage():
            self.add_error("publish", _("Bạn chưa có quyền xuất bản: văn bản sẽ được lưu nháp để trình duyệt."))
        return cleaned


class DocumentImportView(SpreadsheetImportView):
    permission = "wagtailadmin.access_admin"
    template_name = "documents/admin/import.html"
    form_class = DocumentImportForm
    page_title = gettext_lazy("Nhập văn bản từ bảng tính")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not registers_for(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_success_url(self):
        return reverse("documents_import:index")

    def read_rows(self, uploaded):
        return importing.read_rows(uploaded)

    def run_import(self, form, rows):
        self.published = form.cleaned_data["publish"]
        return importing.import_documents(
            form.cleaned_data["register"], rows, by=self.request.user, publish=self.published
        )

    def success_message(self, result, rows):
        if self.published:
            return _("Đã nhập và xuất bản %(count)d văn bản.") % {"count": len(result.created)}
        return _("Đã nhập %(count)d văn bản dưới dạng bản nháp: xin gửi duyệt hoặc xuất bản từng văn bản.") % {
            "count": len(result.created)
        }


class ImportMenuItem(PermissionMenuItem):
    def is_shown(self, request):
        return bool(registers_for(request.user))


class DocumentImportViewSet(SingleViewSet):
    view_class = DocumentImportView
    icon = "upload"
    menu_label = gettext_lazy("Nhập văn bản")
    name = "documents_import"
    url_prefix = "van-ban/nhap"
    menu_item_class = ImportMenuItem
    menu_hook = "register_documents_menu_item"  # in the "Văn bản" menu (documents.wagtail_hooks)
