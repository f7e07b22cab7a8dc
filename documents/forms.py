"""The register's filters, read from the address (``?loai=ke-hoach&nam=2024&q=15/KH``).

Whatever a visitor puts there gives a normal page: a value the form does not know (an unknown type, a
year such as ``abcd``) is left out of the filtering, and the page says so."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import VisitorTextMixin

from .models.document import DocumentStatus
from .models.taxonomy import DocumentArea, DocumentType, IssuingBody

QUERY_MAX = 200
STATUS_SLUGS = {
    "con-hieu-luc": DocumentStatus.IN_FORCE,
    "het-hieu-luc": DocumentStatus.EXPIRED,
    "chua-hieu-luc": DocumentStatus.PENDING,
}
OLDEST_FIRST = "cu-nhat"


def _choices(model, everything):
    return [("", everything), *((item.slug, item.name) for item in model.objects.all())]


class RegisterFilterForm(VisitorTextMixin, forms.Form):
    q = forms.CharField(
        label=_("Số ký hiệu hoặc trích yếu"),
        required=False,
        max_length=QUERY_MAX,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Ví dụ: 15/KH hoặc kế hoạch giám sát")}),
    )
    loai = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    linhvuc = forms.ChoiceField(label=_("Lĩnh vực"), required=False)
    coquan = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    nam = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    tinhtrang = forms.ChoiceField(
        label=_("Tình trạng"),
        required=False,
        choices=[("", _("Tất cả")), *((slug, status.label) for slug, status in STATUS_SLUGS.items())],
    )
    sapxep = forms.ChoiceField(
        label=_("Sắp xếp"),
        required=False,
        choices=[("", _("Mới ban hành trước")), (OLDEST_FIRST, _("Cũ trước"))],
    )

    def __init__(self, data, *, register):
        # Only the form's own keys count: ``?page=`` and tracking parameters are not filters.
        super().__init__({key: data.get(key) for key in self.base_fields if data.get(key) is not None})
        self.fields["loai"].choices = _choices(DocumentType, _("Tất cả"))
        self.fields["linhvuc"].choices = _choices(DocumentArea, _("Tất cả"))
        self.fields["coquan"].choices = _choices(IssuingBody, _("Tất cả"))
        years = register.documents().dates("issue_date", "year", order="DESC")
        self.fields["nam"].choices = [("", _("Tất cả")), *((day.year, day.year) for day in years)]

    @property
    def ignored(self):
        """The labels of the filters whose value was not understood (and so not applied)."""
        return [self.fields[name].label for name in self.errors]

    def apply(self, documents):
        self.is_valid()  # the valid fields are in cleaned_data; the others are ignored
        values = self.cleaned_data
        if values.get("q"):
            documents = documents.matching(values["q"])
        for field, relation in (("loai", "document_type"), ("linhvuc", "area"), ("coquan", "issuing_body")):
            if values.get(field):
                documents = documents.filter(**{f"{relation}__slug": values[field]})
        if values.get("nam"):
            documents = documents.filter(issue_date__year=values["nam"])
        if values.get("tinhtrang"):
            documents = documents.with_status(STATUS_SLUGS[values["tinhtrang"]])
        if values.get("sapxep") == OLDEST_FIRST:
            return documents.order_by("issue_date", "id")
        return documents.order_by("-issue_date", "-id")
