from decimal import Decimal

import pytest

from elearning import runtime
from elearning.models import Package, PackageRecord


def package(kind="scorm12", mastery=None):
    return Package(title="Gói", kind=kind, mastery_score=mastery, folder="x")


def record(**fields):
    return PackageRecord(**fields)


@pytest.mark.parametrize(
    ("status", "done"), [("passed", True), ("completed", True), ("incomplete", False), ("failed", False), ("", False)]
)
def test_scorm_12_without_mastery_is_done_when_passed_or_completed(status, done):
    assert runtime.is_satisfied(package(), record(completion_status=status)) is done


def test_scorm_12_mastery_score_decides_over_the_status_the_content_set():
    assert (
        runtime.is_satisfied(package(mastery=Decimal(80)), record(completion_status="passed", score=Decimal(70)))
        is False
    )
    assert (
        runtime.is_satisfied(package(mastery=Decimal(80)), record(completion_status="failed", score=Decimal(85)))
        is True
    )


def test_scorm_2004_needs_completion_and_no_failure():
    assert runtime.is_satisfied(package("scorm2004"), record(completion_status="completed")) is True
    assert (
        runtime.is_satisfied(package("scorm2004"), record(completion_status="completed", success_status="failed"))
        is False
    )
    assert runtime.is_satisfied(package("scorm2004"), record(completion_status="incomplete")) is False


def test_scorm_2004_mastery_uses_the_scaled_score():
    pkg = package("scorm2004", mastery=Decimal(75))
    assert runtime.is_satisfied(pkg, record(completion_status="completed", score=Decimal(70))) is False
    assert runtime.is_satisfied(pkg, record(completion_status="completed", score=Decimal(80))) is True


def test_score_is_a_percentage_of_raw_within_min_and_max():
    assert runtime.score_percent({"raw": "8", "min": "0", "max": "10"}) == Decimal("80.00")
    assert runtime.score_percent({"scaled": "0.9"}) == Decimal("90.00")
    assert runtime.score_percent({"raw": "abc"}) is None


def test_commit_of_unknown_status_is_refused():
    with pytest.raises(runtime.CommitRefused):
        runtime.read_commit("scorm12", {"cmi.core.lesson_status": "done!"})
    with pytest.raises(runtime.CommitRefused):
        runtime.read_commit("scorm12", {"cmi.suspend_data": "x" * 70_000})
    with pytest.raises(runtime.CommitRefused):
        runtime.read_commit("scorm12", ["not", "an", "object"])


@pytest.mark.parametrize(
    ("value", "kind", "seconds"),
    [
        ("00:01:30", "scorm12", 90),
        ("0001:00:00.5", "scorm12", 3600),
        ("PT1M30S", "scorm2004", 90),
        ("PT", "scorm2004", 0),
    ],
)
def test_session_times_are_read(value, kind, seconds):
    assert runtime.seconds_of(value, kind) == seconds


def test_restored_data_resumes_at_the_saved_place():
    data = runtime.restore_data(
        package(),
        record(location="q2", suspend_data="q1=dung", exit="suspend", total_seconds=90, completion_status="incomplete"),
    )
    assert data == {
        "core": {"entry": "resume", "total_time": "0000:01:30", "lesson_location": "q2", "lesson_status": "incomplete"},
        "suspend_data": "q1=dung",
    }
