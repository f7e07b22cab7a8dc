"""The manager's upload form: a package is checked and unpacked when the form is cleaned (last, once
nothing else can refuse it); a refused package leaves nothing behind and the form says why, in Vietnamese."""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.forms import WagtailAdminModelForm

from .archive import PackageRefused
from .storage import inspect, remove_folder, unpack


class PackageAdminForm(WagtailAdminModelForm):
    upload = forms.FileField(
        label=gettext_lazy("Tệp gói (.zip hoặc .h5p)"),
        required=False,
        help_text=gettext_lazy(
            "Gói SCORM 1.2, SCORM 2004 (tệp .zip có imsmanifest.xml) hoặc H5P (tệp .h5p). "
            "Tải tệp mới lên để thay nội dung gói; dữ liệu học của học viên được giữ."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].required = False
        self.fields["title"].help_text = _("Để trống để lấy tên trong gói.")
        self.inspected = None
        self.unpacked = None

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("upload")
        if upload is None:
            if not self.instance.pk:
                self.add_error("upload", _("Hãy chọn tệp gói để tải lên."))
            elif not cleaned.get("title"):
                self.add_error("title", _("Gói cần có tên."))
            return cleaned
        if upload.size > settings.PACKAGE_MAX_UPLOAD_BYTES:
            megabytes = settings.PACKAGE_MAX_UPLOAD_BYTES // (1024 * 1024)
            self.add_error("upload", _("Tệp quá lớn (tối đa %(size)s MB).") % {"size": megabytes})
            return cleaned
        try:
            self.inspected = inspect(upload)
        except PackageRefused as refused:
            self.add_error("upload", refused.message)
            return cleaned
        if not cleaned.get("title"):
            cleaned["title"] = self.inspected.info.title or upload.name.rsplit(".", 1)[0][:255]
            self.instance.title = cleaned["title"]
        if not self.errors:
            # Unpacked last, once nothing else can refuse the form: save() only records where.
            try:
                self.unpacked = unpack(self.inspected)
            except PackageRefused as refused:
                self.add_error("upload", refused.message)
        return cleaned

    def save(self, commit=True):
        package = super().save(commit=False)
        if self.unpacked is not None:
            old_folder = package.folder
            info = self.inspected.info
            package.kind = info.kind
            package.version_label = info.version_label
            package.launch = info.launch
            package.mastery_score = info.mastery_score
            package.folder, package.file_count, package.unpacked_bytes = self.unpacked
            package.original_name = self.cleaned_data["upload"].name[:255]
            if getattr(self, "for_user", None) is not None and not package.uploaded_by_id:
                package.uploaded_by = self.for_user
            if old_folder:
                transaction.on_commit(lambda: remove_folder(old_folder))
        if commit:
            try:
                package.save()
            except Exception:
                if self.unpacked is not None:  # no row points at the files just written
                    remove_folder(self.unpacked[0])
                raise
        return package
