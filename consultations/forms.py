"""The public forms: a comment on a consultation (feedback's comment form and more), a question."""

import re

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import OrganisationUnit
from feedback.forms import CommentForm, UnitChoiceField, refuse_many_links
from feedback.spam import SpamProtectedForm
from home.phones import VietnamesePhoneField

from .models import ConsultationSection, QuestionField
from .models.questions import QUESTION_MAX

EMAIL_IN_TEXT = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Ten or more digits, however grouped (0912 345 678, 0912.345.678, +84 912 345 678).
PHONE_IN_TEXT = re.compile(r"(?<!\d)(?:\+?84|0)(?:[\s.\-]?\d){8,10}(?!\d)")


def has_contact(text):
    """Whether ``text`` holds an e-mail address or a phone number (a question is then flagged)."""
    return bool(EMAIL_IN_TEXT.search(text or "") or PHONE_IN_TEXT.search(text or ""))


class SectionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, section):
        return section.short_label


class ConsultationCommentForm(CommentForm):
    """A reader's comment on a draft: feedback's comment form (its defences, tokens, limits and proof of
    work, shared with article comments) plus the section, the unit, a phone and the member choice."""

    section = SectionChoiceField(
        label=_("Góp ý vào"),
        queryset=ConsultationSection.objects.none(),
        required=False,
        empty_label=_("Toàn văn dự thảo"),
    )
    is_member = forms.BooleanField(label=_("Tôi là hội viên Hội Liên hiệp Phụ nữ"), required=False)
    unit = UnitChoiceField(
        label=_("Đơn vị, chi hội (không bắt buộc)"),
        queryset=OrganisationUnit.objects.tree_order(),
        required=False,
        empty_label=_("Không chọn"),
    )
    phone = VietnamesePhoneField(
        label=_("Số điện thoại (không bắt buộc)"),
        help_text=_("Không hiện công khai; chỉ dùng khi cần hỏi lại ý kiến của bạn."),
    )

    field_order = ["section", "name", "is_member", "unit", "email", "phone", "text"]

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only this draft's sections: a section of another consultation is "not one of the choices".
        self.fields["section"].queryset = ConsultationSection.objects.filter(page_id=getattr(page, "pk", 0))
        self.fields["section"].error_messages["invalid_choice"] = _(
            "Phần dự thảo đã chọn không thuộc dự thảo này. Xin chọn lại."
        )
        self.fields["email"].label = _("Thư điện tử (không bắt buộc)")


class QuestionForm(SpamProtectedForm):
    """A visitor's question: the listening forum's defences and limits (its scope, ``feedback``)."""

    spam_scope = "feedback"
    spam_settings_prefix = "FEEDBACK"

    field = forms.ModelChoiceField(
        label=_("Lĩnh vực (không bắt buộc)"),
        queryset=QuestionField.objects.all(),
        required=False,
        empty_label=_("Chưa rõ lĩnh vực"),
    )
    text = forms.CharField(
        label=_("Câu hỏi của bạn"),
        min_length=15,
        max_length=QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Tối đa 3.000 ký tự. Đừng ghi số điện thoại, địa chỉ hay tên người khác: câu hỏi được "
            "công khai cùng câu trả lời, không kèm tên và cách liên hệ của bạn."
        ),
    )
    name = forms.CharField(label=_("Họ và tên (không bắt buộc)"), max_length=150, required=False)
    phone = VietnamesePhoneField(label=_("Số điện thoại (không bắt buộc)"))
    email = forms.EmailField(label=_("Thư điện tử (không bắt buộc)"), required=False, max_length=254)
    consent = forms.BooleanField(
        label=_("Tôi đồng ý để Hội xử lý thông tin tôi gửi, chỉ nhằm trả lời câu hỏi này."),
        error_messages={"required": _("Xin đánh dấu đồng ý xử lý dữ liệu để gửi câu hỏi.")},
    )

    field_order = ["field", "text", "name", "phone", "email", "consent"]

    def __init__(self, *args, lookup_url=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].help_text = _("Không bao giờ hiện công khai.")
        if lookup_url:
            self.fields["consent"].help_text = format_html(
                '{} <a href="{}">{}</a>', _("Sau khi gửi, bạn nhận mã để"), lookup_url, _("tra cứu câu trả lời")
            )

    def clean_text(self):
        return refuse_many_links(self.cleaned_data["text"].strip())
