"""Training reports: per course and per unit, rolled up the unit tree, in a fixed number of queries.

Rows are counted in the database grouped by (course, unit); the tree is loaded once and the sums
are carried up in Python, so the query count does not grow with learners, units or courses."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, Max, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import OrganisationUnit
from home.spreadsheets import Spreadsheet

from ..models import (
    ACTIVE_STATUSES,
    Attempt,
    Attendance,
    CoursePage,
    Enrolment,
    LessonCompletion,
    Registration,
    TrainingEventPage,
)

LEARNERS = "Học viên"
NO_UNIT = None


@dataclass
class Figures:
    learners: int = 0
    enrolled: int = 0
    started: int = 0
    completed: int = 0
    tested: int = 0
    passed: int = 0
    score_total: Decimal = Decimal(0)
    registered: int = 0
    attended: int = 0
    trained: int = 0  # a programme's: completed one of its courses or attended one of its events

    def add(self, other):
        for name in (
            "learners",
            "enrolled",
            "started",
            "completed",
            "tested",
            "passed",
            "score_total",
            "registered",
            "attended",
            "trained",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def average_score(self):
        return round(self.score_total / self.tested, 1) if self.tested else None

    @property
    def pass_rate(self):
        return round(100 * self.passed / self.tested, 1) if self.tested else None

    @property
    def coverage(self):
        return round(100 * self.completed / self.learners, 1) if self.learners else None

    @property
    def coverage_trained(self):
        return round(100 * self.trained / self.learners, 1) if self.learners else None

    @property
    def attendance_coverage(self):
        return round(100 * self.attended / self.learners, 1) if self.learners else None


@dataclass
class UnitRow:
    unit: object
    depth: int
    own: Figures = field(default_factory=Figures)
    total: Figures = field(default_factory=Figures)

    @property
    def name(self):
        return self.unit.name if self.unit else _("Chưa có đơn vị")


@dataclass
class CourseReport:
    course: object
    rows: list
    total: Figures


@dataclass
class EventReport:
    event: object
    rows: list
    total: Figures


@dataclass
class UnitTree:
    """The unit tree loaded once (one query) and the learners per unit (one query)."""

    units: list
    parents: dict
    depth: dict
    learners: dict

    @classmethod
    def load(cls):
        User = get_user_model()
        units = list(OrganisationUnit.objects.only("id", "name", "parent_id", "sort_path").order_by("sort_path"))
        learners = dict(
            User.objects.filter(groups__name=LEARNERS, is_active=True)
            .values("unit_id")
            .annotate(n=Count("id", distinct=True))
            .values_list("unit_id", "n")
        )
        parents = {unit.pk: unit.parent_id for unit in units}
        depth = {}

        def depth_of(unit_id):
            if unit_id not in depth:
                parent = parents.get(unit_id)
                depth[unit_id] = 0 if parent is None else depth_of(parent) + 1
            return depth[unit_id]

        for unit in units:
            depth_of(unit.pk)
        return cls(units=units, parents=parents, depth=depth, learners=learners)

    def roll_up(self, own_of):
        """Rows per unit with their own figures (``own_of(unit_id)``) and their subtree's, and the total."""
        rows = {unit.pk: UnitRow(unit=unit, depth=self.depth[unit.pk]) for unit in self.units}
        rows[NO_UNIT] = UnitRow(unit=None, depth=0)
        for unit_id, row in rows.items():
            row.own.learners = self.learners.get(unit_id, 0)
            row.own.add(own_of(unit_id))
        total = Figures()
        for unit_id, row in rows.items():
            total.add(row.own)
            ancestor = unit_id
            while ancestor in rows:
                rows[ancestor].total.add(row.own)
                ancestor = self.parents.get(ancestor)
                if ancestor is None:
                    break
        ordered = [rows[unit.pk] for unit in self.units]
        no_unit = rows[NO_UNIT].total
        if no_unit.learners or no_unit.enrolled or no_unit.registered or no_unit.attended or no_unit.trained:
            ordered.append(rows[NO_UNIT])
        return ordered, total


def _date_filter(prefix, date_from, date_to):
    filters = {}
    if date_from:
        filters[f"{prefix}__date__gte"] = date_from
    if date_to:
        filters[f"{prefix}__date__lte"] = date_to
    return filters


def build_report(courses, date_from=None, date_to=None):
    """One CourseReport per course. The period selects enrolments by their date (a cohort):
    started, completed and scores are those of the learners enrolled in it."""
    courses = list(courses)
    course_ids = [course.pk for course in courses]
    tree = UnitTree.load()
    enrolments = Enrolment.objects.filter(course_id__in=course_ids, **_date_filter("enrolled_at", date_from, date_to))
    # (course, user) -> unit, for everyone in the cohort.
    cohort = {}
    completed = set()
    for course_id, user_id, unit_id, completed_at in enrolments.values_list(
        "course_id", "user_id", "user__unit_id", "completed_at"
    ):
        cohort[(course_id, user_id)] = unit_id
        if completed_at:
            completed.add((course_id, user_id))
    started = set(
        LessonCompletion.objects.filter(course_id__in=course_ids).values_list("course_id", "user_id").distinct()
    )
    started |= set(
        Attempt.objects.filter(quiz__course_id__in=course_ids, submitted_at__isnull=False)
        .values_list("quiz__course_id", "user_id")
        .distinct()
    )
    best_final = {}
    for course_id, user_id, best, passed in (
        Attempt.objects.filter(quiz__course_id__in=course_ids, quiz__lesson__isnull=True, submitted_at__isnull=False)
        .values("quiz__course_id", "user_id")
        .annotate(best=Max("score"), passed=Count("id", filter=Q(passed=True)))
        .values_list("quiz__course_id", "user_id", "best", "passed")
    ):
        best_final[(course_id, user_id)] = (best, bool(passed))

    own = defaultdict(Figures)  # (course_id, unit_id) -> figures
    for (course_id, user_id), unit_id in cohort.items():
        figures = own[(course_id, unit_id)]
        figures.enrolled += 1
        if (course_id, user_id) in started or (course_id, user_id) in completed:
            figures.started += 1
        if (course_id, user_id) in completed:
            figures.completed += 1
        if (course_id, user_id) in best_final:
            best, passed = best_final[(course_id, user_id)]
            figures.tested += 1
            figures.passed += int(passed)
            figures.score_total += best or 0

    reports = []
    for course in courses:
        rows, total = tree.roll_up(lambda unit_id, course_id=course.pk: own.get((course_id, unit_id), Figures()))
        reports.append(CourseReport(course=course, rows=rows, total=total))
    return reports


def build_event_report(events):
    """One EventReport per event: registered and attended per unit, rolled up the tree; attendance
    coverage is those who attended out of the unit's learners. Four queries whatever the numbers."""
    events = list(events)
    event_ids = [event.pk for event in events]
    tree = UnitTree.load()
    own = defaultdict(Figures)  # (event_id, unit_id) -> figures
    for event_id, unit_id in Registration.objects.filter(
        event_id__in=event_ids, status__in=ACTIVE_STATUSES
    ).values_list("event_id", "user__unit_id"):
        own[(event_id, unit_id)].registered += 1
    for event_id, unit_id in Attendance.objects.filter(event_id__in=event_ids).values_list("event_id", "user__unit_id"):
        own[(event_id, unit_id)].attended += 1
    reports = []
    for event in events:
        rows, total = tree.roll_up(lambda unit_id, event_id=event.pk: own.get((event_id, unit_id), Figures()))
        reports.append(EventReport(event=event, rows=rows, total=total))
    return reports


@dataclass
class ProgrammeReport:
    programme: object
    rows: list
    total: Figures


def build_programme_report(programme):
    """Cadres trained by a programme, per unit rolled up the tree: who completed one of its courses,
    who attended one of its events, and who did either (``trained``, counted once). Four queries
    whatever the number of learners, courses and events."""
    tree = UnitTree.load()
    completed = dict(
        Enrolment.objects.filter(course__programme=programme, completed_at__isnull=False)
        .values_list("user_id", "user__unit_id")
        .distinct()
    )
    attended = dict(
        Attendance.objects.filter(event__programme=programme).values_list("user_id", "user__unit_id").distinct()
    )
    own = defaultdict(Figures)  # unit_id -> figures
    for unit_id in completed.values():
        own[unit_id].completed += 1
    for unit_id in attended.values():
        own[unit_id].attended += 1
    for unit_id in {**completed, **attended}.values():
        own[unit_id].trained += 1
    rows, total = tree.roll_up(lambda unit_id: own.get(unit_id, Figures()))
    return ProgrammeReport(programme=programme, rows=rows, total=total)


PROGRAMME_COLUMNS = [
    ("learners", gettext_lazy("Học viên trong đơn vị")),
    ("completed", gettext_lazy("Hoàn thành khóa học")),
    ("attended", gettext_lazy("Dự lớp tập huấn")),
    ("trained", gettext_lazy("Đã được đào tạo")),
    ("coverage_trained", gettext_lazy("Độ bao phủ (%)")),
]


def export_programme_xlsx(report):
    spreadsheet = Spreadsheet()
    sheet = spreadsheet.sheet(_("Đề án"))
    sheet.append([str(report.programme)])
    sheet.append([_("Đơn vị"), *[str(label) for _key, label in PROGRAMME_COLUMNS]], bold=True)
    for row in report.rows:
        sheet.append([row.name, *_figures(row.total, PROGRAMME_COLUMNS)], indent=row.depth * 2)
    sheet.append([_("Tổng cộng"), *_figures(report.total, PROGRAMME_COLUMNS)])
    sheet.widths(45)
    return spreadsheet.to_bytes()


def report_events(programme=None):
    events = TrainingEventPage.objects.live().select_related("programme").order_by("-starts_at")
    if programme:
        events = events.filter(programme=programme)
    return events


def report_courses(programme=None):
    courses = CoursePage.objects.live().select_related("programme").order_by("title")
    if programme:
        courses = courses.filter(programme=programme)
    return courses


COLUMNS = [
    ("learners", gettext_lazy("Học viên trong đơn vị")),
    ("enrolled", gettext_lazy("Ghi danh")),
    ("started", gettext_lazy("Đã bắt đầu")),
    ("completed", gettext_lazy("Hoàn thành")),
    ("average_score", gettext_lazy("Điểm trung bình (%)")),
    ("pass_rate", gettext_lazy("Tỷ lệ đạt (%)")),
    ("coverage", gettext_lazy("Độ bao phủ (%)")),
]


EVENT_COLUMNS = [
    ("learners", gettext_lazy("Học viên trong đơn vị")),
    ("registered", gettext_lazy("Đăng ký")),
    ("attended", gettext_lazy("Có mặt")),
    ("attendance_coverage", gettext_lazy("Độ bao phủ (%)")),
]


def export_xlsx(reports, date_from=None, date_to=None, event_reports=()):
    """The report as an XLSX workbook (bytes): a summary sheet and one sheet per course."""
    period = _("Thời gian ghi danh: %(start)s - %(end)s") % {
        "start": date_from.strftime("%d/%m/%Y") if date_from else "...",
        "end": date_to.strftime("%d/%m/%Y") if date_to else "...",
    }
    headers = [str(label) for _key, label in COLUMNS]
    spreadsheet = Spreadsheet()
    summary = spreadsheet.sheet(_("Tổng hợp"))
    summary.append([_("Báo cáo kết quả đào tạo")])
    summary.append([period])
    summary.append([_("Khóa học"), *headers], bold=True)
    for report in reports:
        summary.append([report.course.title, *_figures(report.total)])
    summary.widths(50)
    for index, report in enumerate(reports, start=1):
        sheet = spreadsheet.sheet(f"{index}. {report.course.title}")
        sheet.append([report.course.title])
        sheet.append([period])
        sheet.append([_("Đơn vị"), *headers], bold=True)
        for row in report.rows:
            sheet.append([row.name, *_figures(row.total)], indent=row.depth * 2)
        sheet.append([_("Tổng cộng"), *_figures(report.total)])
        sheet.widths(45)
    if event_reports:
        event_headers = [str(label) for _key, label in EVENT_COLUMNS]
        summary.append([])
        summary.append([_("Lớp tập huấn"), *event_headers], bold=True)
        for report in event_reports:
            summary.append([report.event.title, *_figures(report.total, EVENT_COLUMNS)])
        for index, report in enumerate(event_reports, start=len(reports) + 1):
            sheet = spreadsheet.sheet(f"{index}. {report.event.title}")
            sheet.append([report.event.title])
            sheet.append([_("Đơn vị"), *event_headers], bold=True)
            for row in report.rows:
                sheet.append([row.name, *_figures(row.total, EVENT_COLUMNS)], indent=row.depth * 2)
            sheet.append([_("Tổng cộng"), *_figures(report.total, EVENT_COLUMNS)])
            sheet.widths(45)
    return spreadsheet.to_bytes()


def _figures(total, columns=COLUMNS):
    return [getattr(total, key) for key, _label in columns]
