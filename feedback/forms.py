import re

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationUnit
from home.forms import VisitorTextMixin
from home.phones import VietnamesePhoneField

from .models import Topic
from .spam import SpamProtectedForm
from .uploads import MAX_BYTES, MAX_FILES, clean_upload

CONTENT_MAX = 5000
COMMENT_MAX = 2000


MAX_LINKS = 3
LINK_RE = re.compile(r"(?:https?://|www\.)\S", re.IGNORECASE)


def refuse_many_links(text, limit=MAX_LINKS):
    """Advertising robots paste links: a reader's text may carry at most ``limit`` of them."""
    if len(LINK_RE.findall(text)) > limit:
        raise forms.ValidationError(
            _("Nội dung có quá nhiều đường dẫn (tối đa %(limit)s). Xin bớt đường dẫn rồi gửi lại."),
            params={"limit": limit},
            code="links",
        )
    return text


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return "\u00a0\u00a0" * unit.depth + unit.name


class FeedbackForm(SpamProtectedForm):
    spam_scope = "feedback"
    spam_settings_prefix = "FEEDBACK"

    topic = forms.ModelChoiceField(
        label=_("Lĩnh vực"), queryset=Topic.objects.filter(active=True), empty_label=_("Chọn lĩnh vực")
    )
    unit = UnitChoiceField(
        label=_("Địa bàn (xã, phường, chi hội)"),
        queryset=OrganisationUnit.objects.tree_order(),
        required=False,
        empty_label=_("Không chọn"),
    )
    content = forms.CharField(
        label=_("Nội dung ý kiến, phản ánh"),
        min_length=10,
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Xin nêu rõ sự việc, thời gian, địa điểm. Tối đa 5.000 ký tự."),
    )
    attachments = MultipleFileField(
        label=_("Ảnh hoặc tài liệu kèm theo"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp,application/pdf"}),
        help_text=_("Tối đa 3 tệp ảnh (JPEG, PNG, WebP) hoặc PDF, mỗi tệp không quá 5 MB."),
    )
    name = forms.CharField(label=_("Họ và tên"), max_length=150, required=False)
    phone = VietnamesePhoneField(label=_("Số điện thoại"))
    email = forms.EmailField(label=_("Thư điện tử"), required=False, max_length=254)
    wants_reply = forms.BooleanField(
        label=_("Tôi muốn nhận trả lời (cần để lại số điện thoại hoặc thư điện tử)"), required=False
    )
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để Hội xử lý thông tin cá nhân tôi gửi, chỉ nhằm tiếp nhận và trả lời ý kiến này."),
        error_messages={"required": _("Xin đánh dấu đồng ý xử lý dữ liệu cá nhân để gửi ý kiến.")},
    )

    field_order = ["topic", "unit", "content", "attachments", "name", "phone", "email", "wants_reply", "consent"]

    def __init__(self, *args, privacy_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _("Có thể gửi ẩn danh: để trống họ tên và cách liên hệ.")
        if privacy_url:
            self.fields["consent"].help_text = format_html(
                '<a href="{}">{}</a>', privacy_url, _("Đọc chính sách bảo vệ dữ liệu cá nhân")
            )

    def clean_content(self):
        return self.cleaned_data["content"].strip()

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Chỉ gửi được tối đa %(count)s tệp."), params={"count": MAX_FILES})
        cleaned, errors = [], []
        for uploaded in files:
            try:
                cleaned.append(clean_upload(uploaded))
            except forms.ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise forms.ValidationError(errors)
        return cleaned

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wants_reply") and not (cleaned.get("phone") or cleaned.get("email")):
            self.add_error("phone", _("Để nhận trả lời, xin để lại số điện thoại hoặc thư điện tử."))
        return cleaned

    max_upload_bytes = MAX_BYTES


class LookupForm(VisitorTextMixin, forms.Form):
    code = forms.CharField(
        label=_("Mã tra cứu"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        help_text=_("Ví dụ: PA-7K3M-9QXD. Không phân biệt chữ hoa, chữ thường, dấu gạch."),
    )


class ReopenForm(VisitorTextMixin, forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=40)
    reason = forms.CharField(
        label=_("Lý do đề nghị xem xét lại"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ConfirmForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput, max_length=40)


class CommentForm(SpamProtectedForm):
    """A reader's comment on an article: the same spam defences as the feedback form."""

    spam_scope = "comments"
    spam_settings_prefix = "COMMENTS"

    name = forms.CharField(label=_("Tên của bạn"), max_length=100)
    email = forms.EmailField(
        label=_("Thư điện tử (không bắt buộc)"),
        required=False,
        max_length=254,
        help_text=_("Không hiện công khai; chỉ ban biên tập dùng khi cần liên hệ."),
    )
    text = forms.CharField(
        label=_("Ý kiến của bạn"),
        min_length=2,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Tối đa 2.000 ký tự. Ý kiến được hiện sau khi ban biên tập duyệt."),
    )

    field_order = ["name", "email", "text"]

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 2:
            raise forms.ValidationError(_("Xin viết nội dung ý kiến."))
        return refuse_many_links(text)
