"""The SCORM run-time data of one learner in one package: saving what the API commits, restoring it
on the next visit, and the one rule saying whether the package is done (completion and mastery).

scorm-again commits in its "flattened" format (``{"cmi.core.lesson_status": "passed", ...}``); only
the elements below are kept, each within the size SCORM allows it."""

import re
from decimal import Decimal, InvalidOperation

from django.utils import timezone

from .manifest import SCORM_12

MAX_SUSPEND = 64_000  # SCORM 2004 4th edition allows 64,000 characters (1.2: 4,096; tools exceed it)
MAX_LOCATION = 1000

# element -> record field, per version
ELEMENTS = {
    SCORM_12: {
        "status": "cmi.core.lesson_status",
        "location": "cmi.core.lesson_location",
        "raw": "cmi.core.score.raw",
        "min": "cmi.core.score.min",
        "max": "cmi.core.score.max",
        "exit": "cmi.core.exit",
        "session_time": "cmi.core.session_time",
        "suspend_data": "cmi.suspend_data",
    },
    "scorm2004": {
        "status": "cmi.completion_status",
        "success": "cmi.success_status",
        "location": "cmi.location",
        "raw": "cmi.score.raw",
        "min": "cmi.score.min",
        "max": "cmi.score.max",
        "scaled": "cmi.score.scaled",
        "exit": "cmi.exit",
        "session_time": "cmi.session_time",
        "suspend_data": "cmi.suspend_data",
    },
}
STATUSES_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
COMPLETION_2004 = {"completed", "incomplete", "not attempted", "unknown"}
SUCCESS_2004 = {"passed", "failed", "unknown"}
EXITS = {"", "suspend", "logout", "normal", "time-out"}
TIME_12 = re.compile(r"^(\d{1,4}):(\d{2}):(\d{2})(?:\.(\d{1,2}))?$")
TIME_2004 = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$")
MAX_SECONDS = 10 * 365 * 24 * 3600


class CommitRefused(Exception):
    """The commit is not a SCORM data object this package can have sent."""


def seconds_of(value, kind):
    """Seconds in a SCORM timespan (1.2 ``HHHH:MM:SS.SS``, 2004 ISO 8601 duration); 0 when unreadable."""
    value = (value or "").strip()
    if kind == SCORM_12:
        match = TIME_12.match(value)
        if not match:
            return 0
        hours, minutes, seconds = (int(part) for part in match.groups()[:3])
        return min(hours * 3600 + minutes * 60 + seconds, MAX_SECONDS)
    match = TIME_2004.match(value)
    if not match or value in ("P", "PT"):
        return 0
    years, months, days, hours, minutes = (int(part or 0) for part in match.groups()[:5])
    seconds = float(match.group(6) or 0)
    total = (((years * 365 + months * 30 + days) * 24 + hours) * 60 + minutes) * 60 + int(seconds)
    return min(total, MAX_SECONDS)


def timespan(seconds, kind):
    hours, rest = divmod(int(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if kind == SCORM_12:
        return f"{min(hours, 9999):04d}:{minutes:02d}:{secs:02d}"
    return f"PT{hours}H{minutes}M{secs}S"


def number(value):
    try:
        result = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return result if result.is_finite() else None


def score_percent(values):
    """The score as a percentage (0-100): ``scaled`` when given, else ``raw`` within min/max."""
    scaled = number(values.get("scaled", ""))
    if scaled is not None:
        return max(min(scaled * 100, Decimal(100)), Decimal(-100)).quantize(Decimal("0.01"))
    raw = number(values.get("raw", ""))
    if raw is None:
        return None
    low = number(values.get("min", "")) or Decimal(0)
    high = number(values.get("max", ""))
    if high is not None and high > low:
        raw = (raw - low) * 100 / (high - low)
    return max(min(raw, Decimal(100)), Decimal(0)).quantize(Decimal("0.01"))


def read_commit(kind, payload):
    """The elements of ``payload`` this module keeps, checked; CommitRefused for anything else."""
    if not isinstance(payload, dict):
        raise CommitRefused("not an object")
    elements = ELEMENTS[kind]
    values = {}
    for key, element in elements.items():
        if element in payload:
            value = payload[element]
            if not isinstance(value, str | int | float) or isinstance(value, bool):
                raise CommitRefused(f"{element} is not a value")
            values[key] = str(value)
    status = values.get("status")
    allowed = STATUSES_12 if kind == SCORM_12 else COMPLETION_2004
    if status is not None and status not in allowed:
        raise CommitRefused("status")
    if values.get("success") is not None and values["success"] not in SUCCESS_2004:
        raise CommitRefused("success")
    if values.get("exit") is not None and values["exit"] not in EXITS:
        raise CommitRefused("exit")
    if len(values.get("suspend_data", "")) > MAX_SUSPEND or len(values.get("location", "")) > MAX_LOCATION:
        raise CommitRefused("too long")
    return values


def is_satisfied(package, record):
    """The package's own rule: done, and passed where it has a mastery score (the score decides,
    as SCORM asks of the LMS, whatever status the content set)."""
    score = record.score
    mastered = None if package.mastery_score is None or score is None else score >= package.mastery_score
    if package.kind == SCORM_12:
        if mastered is not None:
            return mastered and record.completion_status in {"passed", "completed", "failed"}
        return record.completion_status in {"passed", "completed"}
    success = record.success_status
    if mastered is not None:
        success = "passed" if mastered else "failed"
    if success == "failed":
        return False
    return record.completion_status == "completed" or success == "passed"


def apply_commit(package, record, payload):
    """Stores what the content committed; returns True when the package became satisfied now."""
    values = read_commit(package.kind, payload)
    if "status" in values:
        record.completion_status = values["status"]
    if "success" in values:
        record.success_status = values["success"]
    if "location" in values:
        record.location = values["location"]
    if "suspend_data" in values:
        record.suspend_data = values["suspend_data"]
    if "exit" in values:
        record.exit = values["exit"]
    if {"raw", "scaled"} & values.keys():
        percent = score_percent(values)
        if percent is not None:
            record.score = percent
    if "session_time" in values:
        # Each commit of a visit repeats the visit's time so far: keep the latest, fold it in on the next visit.
        record.session_seconds = seconds_of(values["session_time"], package.kind)
    became = False
    if record.satisfied_at is None and is_satisfied(package, record):
        record.satisfied_at = timezone.now()
        became = True
    record.save()
    return became


def start_visit(record):
    """A new visit begins: the last visit's time joins the total."""
    if record.session_seconds:
        record.total_seconds = min(record.total_seconds + record.session_seconds, MAX_SECONDS)
        record.session_seconds = 0
        record.save(update_fields=["total_seconds", "session_seconds", "updated_at"])


def restore_data(package, record):
    """What scorm-again's ``loadFromJSON`` is given before the content starts (a partial cmi)."""
    resume = record.exit == "suspend" or bool(record.suspend_data or record.location)
    entry = "resume" if resume else "ab-initio"
    total = timespan(record.total_seconds + record.session_seconds, package.kind)
    score = {} if record.score is None else {"raw": str(record.score.normalize())}
    if package.kind == SCORM_12:
        core = {"entry": entry, "total_time": total, "lesson_location": record.location}
        if record.completion_status:
            core["lesson_status"] = record.completion_status
        if score:
            core["score"] = score
        return {"core": core, "suspend_data": record.suspend_data}
    data = {"entry": entry, "total_time": total, "location": record.location, "suspend_data": record.suspend_data}
    if record.completion_status:
        data["completion_status"] = record.completion_status
    if record.success_status:
        data["success_status"] = record.success_status
    if score:
        data["score"] = score
    if package.mastery_score is not None:
        data["scaled_passing_score"] = str((package.mastery_score / 100).normalize())
    return data


# xAPI (H5P): the verbs that count, by their IRI.
XAPI_VERBS = {
    "http://adlnet.gov/expapi/verbs/attempted": "attempted",
    "http://adlnet.gov/expapi/verbs/answered": "answered",
    "http://adlnet.gov/expapi/verbs/completed": "completed",
    "http://adlnet.gov/expapi/verbs/passed": "passed",
    "http://adlnet.gov/expapi/verbs/failed": "failed",
}
MAX_STATE = 64_000


def read_statement(statement):
    """``(verb, score_percent, success, completion)`` of an xAPI statement, or None for one that does
    not count (another verb, a sub-content's statement); CommitRefused when it is not a statement."""
    if not isinstance(statement, dict) or not isinstance(statement.get("verb"), dict):
        raise CommitRefused("not a statement")
    verb = XAPI_VERBS.get(statement["verb"].get("id"))
    context = statement.get("context") if isinstance(statement.get("context"), dict) else {}
    extensions = context.get("extensions") if isinstance(context.get("extensions"), dict) else {}
    if verb is None or extensions.get("http://h5p.org/x-api/h5p-subContentId"):
        return None
    result = statement.get("result") if isinstance(statement.get("result"), dict) else {}
    score = result.get("score") if isinstance(result.get("score"), dict) else {}
    percent = score_percent({key: score[key] for key in ("scaled", "raw", "min", "max") if key in score})
    success = result.get("success") if isinstance(result.get("success"), bool) else None
    completion = result.get("completion") if isinstance(result.get("completion"), bool) else None
    return verb, percent, success, completion


def apply_statement(package, record, statement):
    """Records a statement of the H5P content; returns True when the package became satisfied now.
    Like a quiz: done once it is completed (or passed) without failing."""
    from .models import XapiStatement

    read = read_statement(statement)
    if read is None:
        return False
    verb, percent, success, completion = read
    XapiStatement.objects.create(record=record, verb=verb, score=percent, success=success, completion=completion)
    if percent is not None:
        record.score = percent
    if verb in ("completed", "passed") or completion:
        record.completion_status = "completed"
    if verb == "failed" or success is False:
        record.success_status = "failed"
    elif verb == "passed" or success is True:
        record.success_status = "passed"
    became = False
    if record.satisfied_at is None and record.completion_status == "completed" and record.success_status != "failed":
        record.satisfied_at = timezone.now()
        became = True
    record.save()
    return became


def save_h5p_state(record, state):
    """The content's own state (``getCurrentState``), kept as JSON text to give back on the next visit."""
    import json

    text = json.dumps(state, ensure_ascii=False)
    if len(text) > MAX_STATE:
        raise CommitRefused("state too long")
    record.suspend_data = text
    record.save(update_fields=["suspend_data", "updated_at"])
