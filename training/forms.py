from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from .models import CoursePage, EnrolmentSource, Programme, QuestionKind
from .services.progress import restore_certificate, revoke_certificate

LEARNERS = "Học viên"


class QuizAdminForm(WagtailAdminModelForm):
    """Checks each question's answers: two or more, with the right number marked correct."""

    def is_valid(self):
        # The nested answer formsets are cleaned after the form itself, so the check runs here.
        valid = super().is_valid()
        if valid:
            self.check_answers()
        return valid and not self.errors

    def check_answers(self):
        questions = self.formsets.get("questions")
        if questions is None:
            return
        for question_form in questions.forms:
            if not hasattr(question_form, "cleaned_data") or question_form.cleaned_data.get("DELETE"):
                continue
            choices = question_form.formsets.get("choices") if hasattr(question_form, "formsets") else None
            if choices is None:
                continue
            kept = [
                form.cleaned_data
                for form in choices.forms
                if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
            ]
            correct = sum(1 for data in kept if data.get("is_correct"))
            kind = question_form.cleaned_data.get("kind")
            text = (question_form.cleaned_data.get("text") or "")[:60]
            if len(kept) < 2:
                self.add_error(None, _("Câu \u201c%(text)s\u201d cần ít nhất hai đáp án.") % {"text": text})
            elif kind == QuestionKind.TRUE_FALSE and len(kept) != 2:
                self.add_error(None, _("Câu đúng/sai \u201c%(text)s\u201d phải có đúng hai đáp án.") % {"text": text})
            if kind == QuestionKind.MULTIPLE and correct < 1:
                self.add_error(None, _("Câu \u201c%(text)s\u201d cần ít nhất một đáp án đúng.") % {"text": text})
            elif kind != QuestionKind.MULTIPLE and correct != 1:
                self.add_error(None, _("Câu \u201c%(text)s\u201d phải có đúng một đáp án đúng.") % {"text": text})


class CertificateAdminForm(WagtailAdminModelForm):
    """Managers revoke (or restore) a certificate with a reason; the rest is never edited."""

    revoked = forms.BooleanField(label=_("Thu hồi chứng nhận này"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked"].initial = self.instance.revoked_at is not None

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("revoked") and not (cleaned.get("revoked_reason") or "").strip():
            self.add_error("revoked_reason", _("Cần ghi lý do thu hồi."))
        return cleaned

    def save(self, commit=True):
        # The rule lives in the services; the form only says which of the two the manager chose.
        if self.cleaned_data.get("revoked"):
            return revoke_certificate(self.instance, by=self.for_user, reason=self.cleaned_data["revoked_reason"])
        return restore_certificate(self.instance)


class EnrolmentAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "user" in self.fields:
            self.fields["user"].queryset = (
                get_user_model().objects.filter(groups__name=LEARNERS).order_by("full_name", "username")
            )
        if "course" in self.fields:
            self.fields["course"].queryset = CoursePage.objects.order_by("title")

    def clean(self):
        cleaned = super().clean()
        user, course = cleaned.get("user"), cleaned.get("course")
        if user and course and self.instance._state.adding:
            from .models import Enrolment

            if Enrolment.objects.filter(user=user, course=course).exists():
                raise ValidationError(_("Học viên này đã được ghi danh vào khóa học."))
        return cleaned

    def save(self, commit=True):
        enrolment = super().save(commit=False)
        if enrolment._state.adding:
            enrolment.source = EnrolmentSource.MANAGER
            enrolment.enrolled_by = self.for_user
        if commit:
            enrolment.save()
        return enrolment


class ImportForm(forms.Form):
    course = forms.ModelChoiceField(label=_("Khóa học"), queryset=CoursePage.objects.order_by("title"))
    file = forms.FileField(
        label=_("Tệp danh sách (.xlsx hoặc .csv)"),
        help_text=_("Dòng đầu là tiêu đề: Họ và tên, Số điện thoại, Email, Chức vụ, Đơn vị. Tối đa 2 MB."),
    )
    send_invitations = forms.BooleanField(
        label=_("Gửi thư mời đặt mật khẩu cho tài khoản mới"), required=False, initial=True
    )


class ReportFilterForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Đề án"), queryset=Programme.objects.all(), required=False, empty_label=_("Tất cả")
    )
    course = forms.ModelChoiceField(
        label=_("Khóa học"), queryset=CoursePage.objects.order_by("title"), required=False, empty_label=_("Tất cả")
    )
    date_from = forms.DateField(
        label=_("Ghi danh từ ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("đến ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_to"] < cleaned["date_from"]:
            self.add_error("date_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return cleaned
