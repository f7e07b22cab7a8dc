"""An uploaded e-learning package and what each learner did in it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .manifest import H5P, SCORM_12, SCORM_2004


class PackageKind(models.TextChoices):
    SCORM_12 = SCORM_12, _("SCORM 1.2")
    SCORM_2004 = SCORM_2004, _("SCORM 2004")
    H5P = H5P, _("H5P")


class Package(models.Model):
    """A SCORM or H5P package, unpacked into private storage under ``folder`` (no URL: only the
    permission-checked view of the lesson that plays it serves its files)."""

    title = models.CharField(_("Tên gói"), max_length=255)
    kind = models.CharField(_("Loại gói"), max_length=20, choices=PackageKind.choices, editable=False)
    version_label = models.CharField(_("Phiên bản"), max_length=60, editable=False)
    launch = models.CharField(_("Tệp khởi chạy"), max_length=500, editable=False, blank=True)
    mastery_score = models.DecimalField(
        _("Điểm đạt (%)"), max_digits=5, decimal_places=2, null=True, blank=True, editable=False
    )
    folder = models.CharField(max_length=100, editable=False, unique=True)
    file_count = models.PositiveIntegerField(_("Số tệp"), default=0, editable=False)
    unpacked_bytes = models.PositiveBigIntegerField(_("Dung lượng (byte)"), default=0, editable=False)
    original_name = models.CharField(_("Tệp đã tải lên"), max_length=255, editable=False, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Người tải lên"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    uploaded_at = models.DateTimeField(_("Ngày tải lên"), auto_now_add=True)

    class Meta:
        verbose_name = _("Gói bài giảng")
        verbose_name_plural = _("Gói bài giảng")
        ordering = ["-uploaded_at"]

    def __str__(self):
        return f"{self.title} ({self.get_kind_display()})"

    @property
    def is_scorm(self):
        return self.kind in (SCORM_12, SCORM_2004)

    @property
    def is_h5p(self):
        return self.kind == H5P

    def storage_name(self, path):
        return f"{self.folder}/{path}"


class PackageRecord(models.Model):
    """One learner's run-time data in one package: what the SCORM API committed (status, score,
    location, suspend data, time) or what the H5P content reported in xAPI statements."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="package_records")
    package = models.ForeignKey(Package, on_delete=models.CASCADE, related_name="records")
    completion_status = models.CharField(_("Trạng thái"), max_length=20, blank=True)
    success_status = models.CharField(_("Kết quả"), max_length=20, blank=True)
    score = models.DecimalField(_("Điểm (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    location = models.CharField(_("Vị trí"), max_length=1000, blank=True)
    suspend_data = models.TextField(_("Dữ liệu tạm dừng"), blank=True)
    exit = models.CharField(max_length=20, blank=True)
    session_seconds = models.PositiveIntegerField(default=0)
    total_seconds = models.PositiveIntegerField(_("Tổng thời gian (giây)"), default=0)
    satisfied_at = models.DateTimeField(_("Hoàn thành lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(_("Cập nhật"), auto_now=True)

    class Meta:
        verbose_name = _("Dữ liệu học của học viên")
        verbose_name_plural = _("Dữ liệu học của học viên")
        constraints = [models.UniqueConstraint(fields=["user", "package"], name="unique_package_record")]

    def __str__(self):
        return f"{self.user_id} - {self.package_id}"


class XapiVerb(models.TextChoices):
    ATTEMPTED = "attempted", _("Bắt đầu")
    ANSWERED = "answered", _("Trả lời")
    COMPLETED = "completed", _("Hoàn thành")
    PASSED = "passed", _("Đạt")
    FAILED = "failed", _("Chưa đạt")


class XapiStatement(models.Model):
    """An xAPI statement an H5P content sent (the verbs that matter; the rest is not kept)."""

    record = models.ForeignKey(PackageRecord, on_delete=models.CASCADE, related_name="statements")
    verb = models.CharField(_("Hành động"), max_length=20, choices=XapiVerb.choices)
    score = models.DecimalField(_("Điểm (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    success = models.BooleanField(_("Đạt"), null=True)
    completion = models.BooleanField(_("Hoàn thành"), null=True)
    received_at = models.DateTimeField(_("Nhận lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("Câu lệnh xAPI")
        verbose_name_plural = _("Câu lệnh xAPI")
        ordering = ["received_at"]

    def __str__(self):
        return f"{self.record_id} {self.verb}"
