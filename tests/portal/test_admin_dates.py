"""The admin's date pickers write day first (WAGTAIL_DATETIME_FORMAT); the forms must read them day first."""

import datetime

from django import forms
from django.conf import settings
from django.utils import translation

import pytest


@pytest.mark.parametrize("language", ["vi", "en"])
def test_a_day_first_date_and_time_from_the_admin_picker_is_read_day_first(language):
    with translation.override(language):
        value = forms.DateTimeField().clean("01/12/2026 07:00")
        day = forms.DateField().clean("01/12/2026")
    assert (value.month, value.day, value.hour) == (12, 1, 7)
    assert day == datetime.date(2026, 12, 1)


def test_the_admin_formats_are_among_the_input_formats():
    from django.utils.formats import get_format

    for language in ("vi", "en"):
        assert settings.WAGTAIL_DATETIME_FORMAT in get_format("DATETIME_INPUT_FORMATS", lang=language)
        assert settings.WAGTAIL_DATE_FORMAT in get_format("DATE_INPUT_FORMATS", lang=language)
