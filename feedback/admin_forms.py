"""Forms of the moderation screens (one per action) in the Wagtail admin."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NOTE_HELP = _("Ghi chú nội bộ, chỉ cán bộ tiếp nhận thấy.")


class TransitionForm(forms.Form):
    """The values a transition asks for, built from its ``fields``."""

    FIELD_FACTORIES = {
        "reason": lambda: forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})),
        "note": lambda: forms.CharField(
            label=_("Nội dung cần bổ sung"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
        ),
        "forwarded_to": lambda: forms.CharField(label=_("Cơ quan, đơn vị giải quyết"), max_length=255),
        "deadline": lambda: forms.DateField(label=_("Hạn trả lời"), widget=forms.DateInput(attrs={"type": "date"})),
        "answer": lambda: forms.CharField(
            label=_("Kết quả giải quyết, câu trả lời"), max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
        ),
        "public_summary": lambda: forms.CharField(
            label=_("Tóm tắt công khai (đã lược bỏ thông tin cá nhân)"),
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 5}),
        ),
    }

    def __init__(self, transition, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.transition = transition
        for name in transition.fields:
            self.fields[name] = self.FIELD_FACTORIES[name]()
        if "note" not in transition.fields:
            self.fields["comment"] = forms.CharField(
                label=_("Ghi chú"),
                required=False,
                max_length=2000,
                help_text=NOTE_HELP,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.prefix = transition.name

    def clean_deadline(self):
        deadline = self.cleaned_data["deadline"]
        if deadline < timezone.localdate():
            raise forms.ValidationError(_("Hạn trả lời không thể ở trong quá khứ."))
        return deadline

    def note(self):
        return self.cleaned_data.get("comment") or self.cleaned_data.get("note") or ""


class AssignForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Giao cho"), queryset=get_user_model().objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = (
            get_user_model().objects.with_perm("feedback.change_feedback").filter(is_active=True).order_by("full_name")
        )
        self.prefix = "assign"


class NoteForm(forms.Form):
    note = forms.CharField(label=_("Ghi chú nội bộ"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefix = "note"
