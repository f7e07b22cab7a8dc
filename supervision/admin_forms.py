"""Forms of the supervision admin: recording an item from another channel, a recommendation, a
recommendation's transitions, and the round's links to the items that prompted it."""

import datetime
import re

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from accounts.models import OrganisationUnit
from feedback import codes
from feedback.admin_forms import TransitionForm
from feedback.forms import CONTENT_MAX, UnitChoiceField
from feedback.intake import OFFLINE_CHANNELS
from feedback.models import Channel, Feedback, Topic
from home.forms import VisitorTextMixin
from home.phones import VietnamesePhoneField

from .models import ForumSession

REMINDED = "supervision.change_recommendation"
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _not_in_future(value):
    if value and value > timezone.localdate():
        raise forms.ValidationError(_("Ngày này không thể ở trong tương lai."))
    return value


class RecommendationTransitionForm(TransitionForm):
    """The transitions of a recommendation: the feedback fields plus the response and the new text."""

    FIELD_FACTORIES = {
        **TransitionForm.FIELD_FACTORIES,
        "response": lambda: forms.CharField(
            label=_("Nội dung trả lời của cơ quan"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
        ),
        "response_date": lambda: forms.DateField(
            label=_("Ngày nhận trả lời"), initial=timezone.localdate, widget=DATE_INPUT
        ),
        "text": lambda: forms.CharField(
            label=_("Nội dung kiến nghị lại"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4})
        ),
    }

    def clean_response_date(self):
        return _not_in_future(self.cleaned_data["response_date"])


class RecommendationForm(VisitorTextMixin, forms.Form):
    addressee = forms.CharField(label=_("Cơ quan nhận kiến nghị"), max_length=255)
    text = forms.CharField(label=_("Nội dung kiến nghị"), max_length=10000, widget=forms.Textarea(attrs={"rows": 4}))
    sent_on = forms.DateField(label=_("Ngày gửi"), initial=timezone.localdate, widget=DATE_INPUT)
    deadline = forms.DateField(label=_("Hạn trả lời"), widget=DATE_INPUT)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefix = "recommendation"

    def clean_sent_on(self):
        return _not_in_future(self.cleaned_data["sent_on"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sent_on") and cleaned.get("deadline") and cleaned["deadline"] < cleaned["sent_on"]:
            self.add_error("deadline", _("Hạn trả lời phải sau ngày gửi."))
        return cleaned


class IntakeForm(VisitorTextMixin, forms.Form):
    """An item received through another channel than the web form, recorded by a cadre."""

    channel = forms.ChoiceField(label=_("Kênh tiếp nhận"), choices=[(c.value, c.label) for c in OFFLINE_CHANNELS])
    received_on = forms.DateField(label=_("Ngày tiếp nhận"), initial=timezone.localdate, widget=DATE_INPUT)
    session = forms.ModelChoiceField(
        label=_("Phiên diễn đàn"),
        queryset=ForumSession.objects.none(),
        required=False,
        empty_label=_("Không thuộc phiên diễn đàn nào"),
        help_text=_("Chọn khi ý kiến được nêu tại một phiên diễn đàn lắng nghe."),
    )
    topic = forms.ModelChoiceField(label=_("Lĩnh vực"), queryset=Topic.objects.none(), empty_label=_("Chọn lĩnh vực"))
    unit = UnitChoiceField(
        label=_("Địa bàn"), queryset=OrganisationUnit.objects.tree_order(), required=False, empty_label=_("Không chọn")
    )
    content = forms.CharField(
        label=_("Nội dung ý kiến, phản ánh"),
        min_length=10,
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Ghi đúng nội dung người phản ánh trình bày. Tối đa 5.000 ký tự."),
    )
    name = forms.CharField(label=_("Họ và tên người phản ánh"), max_length=150, required=False)
    phone = VietnamesePhoneField(label=_("Số điện thoại"))
    email = forms.EmailField(label=_("Thư điện tử"), required=False, max_length=254)
    wants_reply = forms.BooleanField(label=_("Người phản ánh muốn nhận trả lời"), required=False)
    consent = forms.BooleanField(
        label=_("Người phản ánh đồng ý để Hội xử lý thông tin cá nhân, chỉ nhằm tiếp nhận và trả lời ý kiến này"),
        required=False,
    )
    note = forms.CharField(
        label=_("Ghi chú nội bộ"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        topics = Topic.objects.filter(active=True)
        if not user.has_perm("feedback.view_sensitive_feedback"):
            topics = topics.exclude(sensitive=True)
        self.fields["topic"].queryset = topics
        # The sessions of the last two years (an item is recorded soon after the session).
        recent = timezone.localdate() - datetime.timedelta(days=730)
        self.fields["session"].queryset = (
            ForumSession.objects.select_related("unit").filter(held_on__gte=recent).order_by("-held_on")
        )
        self.prefix = "intake"

    def clean_received_on(self):
        return _not_in_future(self.cleaned_data["received_on"])

    def clean_content(self):
        return self.cleaned_data["content"].strip()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("session") is not None and cleaned.get("channel") != Channel.FORUM:
            self.add_error(
                "channel", _("Ý kiến ghi nhận tại phiên diễn đàn phải chọn kênh “Diễn đàn lắng nghe ý kiến”.")
            )
        has_contact = cleaned.get("name") or cleaned.get("phone") or cleaned.get("email")
        if has_contact and not cleaned.get("consent"):
            self.add_error("consent", _("Chỉ ghi thông tin cá nhân khi người phản ánh đồng ý; nếu không, để trống."))
        if cleaned.get("wants_reply") and not (cleaned.get("phone") or cleaned.get("email")):
            self.add_error("phone", _("Để trả lời, cần số điện thoại hoặc thư điện tử của người phản ánh."))
        return cleaned


def parse_codes(text):
    """``(codes, bad)``: the tracking codes in ``text`` (one per line or between commas; spaces and dashes
    inside a code do not matter), normalised, and what is not a code."""
    found, bad = [], []
    for chunk in re.split(r"[,;\n]+", text):
        chunk = chunk.strip()
        if not chunk:
            continue
        code = codes.normalise(chunk)
        if code is None:
            bad.append(chunk)
        elif code not in found:
            found.append(code)
    return found, bad


class RoundAdminForm(WagtailAdminModelForm):
    """The round's form: the items that prompted it are given by their tracking codes (a cadre has them
    from the slip or the item's page), so no list of items, sensitive or not, is ever shown here."""

    source_codes = forms.CharField(
        label=_("Mã tra cứu của các ý kiến làm căn cứ"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Mỗi mã cách nhau bằng dấu phẩy hoặc xuống dòng, ví dụ PA-7K3M-9QXD."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The admin's date picker writes WAGTAIL_DATE_FORMAT (dd/mm/yyyy), which Django's default input
        # formats read as mm/dd: read it as Vietnamese dates are written.
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                field.input_formats = [settings.WAGTAIL_DATE_FORMAT, "%Y-%m-%d"]
        if "lead" in self.fields:
            # The lead receives the reminders: someone who handles recommendations (or the current lead).
            users = get_user_model().objects
            leads = users.with_perm(REMINDED, include_superusers=False).filter(is_active=True)
            self.fields["lead"].queryset = users.filter(
                Q(pk__in=leads.values("pk")) | Q(pk=self.instance.lead_id or 0)
            ).order_by("full_name")
        if self.instance.pk and not self.is_bound:
            self.initial["source_codes"] = ", ".join(self.instance.source_items.values_list("code", flat=True))

    def clean_source_codes(self):
        found, bad = parse_codes(self.cleaned_data.get("source_codes") or "")
        if bad:
            raise forms.ValidationError(_("Không phải mã tra cứu: %(codes)s") % {"codes": ", ".join(bad[:5])})
        items = list(Feedback.objects.filter(code__in=found))
        missing = sorted(set(found) - {item.code for item in items})
        if missing:
            raise forms.ValidationError(_("Không có ý kiến nào mang mã: %(codes)s") % {"codes": ", ".join(missing)})
        return items

    def clean(self):
        cleaned = super().clean()
        for start, end in (("planned_start", "planned_end"), ("actual_start", "actual_end")):
            if cleaned.get(start) and cleaned.get(end) and cleaned[end] < cleaned[start]:
                self.add_error(end, _("Ngày kết thúc phải sau ngày bắt đầu."))
        if cleaned.get("actual_end") and not cleaned.get("actual_start"):
            self.add_error("actual_start", _("Đợt đã kết thúc cần có ngày bắt đầu thực tế."))
        return cleaned

    def save(self, commit=True):
        instance = super().save(commit=commit)
        items = self.cleaned_data.get("source_codes") or []
        if commit:
            instance.source_items.set(items)
        else:
            previous = self._save_m2m

            def save_m2m():
                previous()
                instance.source_items.set(items)

            self._save_m2m = save_m2m
        return instance
