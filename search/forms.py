from django import forms

from home.forms import VisitorTextMixin

from .engines.base import SORT_NEWEST, SORT_RELEVANCE
from .terms import clean_query

MAX_PAGE = 500


class SearchForm(VisitorTextMixin, forms.Form):
    """The search page's parameters. A bad value is dropped, never an error: the page still answers."""

    q = forms.CharField(required=False, strip=False)
    type = forms.SlugField(required=False, max_length=30)
    category = forms.SlugField(required=False, max_length=100, allow_unicode=False)
    year = forms.IntegerField(required=False, min_value=1900, max_value=2200)
    sort = forms.ChoiceField(required=False, choices=[(SORT_RELEVANCE, SORT_RELEVANCE), (SORT_NEWEST, SORT_NEWEST)])
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def clean_q(self):
        return clean_query(self.cleaned_data.get("q"))

    def params(self):
        """The valid parameters, with defaults for the missing or invalid ones."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "q": data.get("q") or clean_query(self.data.get("q", "")),
            "type": data.get("type") or "",
            "category": data.get("category") or "",
            "year": data.get("year"),
            "sort": data.get("sort") or SORT_RELEVANCE,
            "page": data.get("page") or 1,
        }
