import datetime
import zoneinfo

import pytest

from home.dates import dateline, short_date

UTC = datetime.UTC
HCM = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def test_dateline_uses_written_weekday_and_local_time():
    # 13:42 UTC is 20:42 in Hanoi, on Friday 1 November 2024.
    value = datetime.datetime(2024, 11, 1, 13, 42, tzinfo=UTC)
    assert dateline(value) == "Thứ Sáu, 01/11/2024 20:42 (GMT+7)"


@pytest.mark.parametrize(
    ("day", "name"),
    [(4, "Thứ Hai"), (5, "Thứ Ba"), (6, "Thứ Tư"), (7, "Thứ Năm"), (8, "Thứ Sáu"), (9, "Thứ Bảy"), (10, "Chủ Nhật")],
)
def test_every_weekday_is_written_out(day, name):
    assert dateline(datetime.datetime(2024, 11, day, 9, 0, tzinfo=HCM)).startswith(f"{name}, ")


def test_short_date_and_missing_value():
    assert short_date(datetime.datetime(2024, 9, 12, 20, 0, tzinfo=UTC)) == "13/09/2024"
    assert dateline(None) == ""
