"""The figures of the supervision cycle, for the admin dashboard and its XLSX exports.

Every table is a handful of grouped queries, whatever the number of items (the tests pin the count
with 50,000 items and 2,000 recommendations): counts are grouped in the database, the unit tree is
read once and rolled up in Python, and the median reads one column of the resolved items. Counts
include items of sensitive topics; nothing here reads an item's content or its sender.
"""

import statistics
from dataclasses import dataclass, field

from django.db.models import Count, DateField, F, Q, Sum
from django.db.models.functions import Coalesce, TruncDate, TruncMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import OrganisationUnit
from feedback.models import Channel, Feedback, Status, Topic

from .models import ForumSession, Recommendation, RecommendationStatus, RoundStage, SupervisionRound


@dataclass
class Table:
    slug: str
    title: str
    columns: list
    rows: list = field(default_factory=list)  # lists of cell values
    indents: list = field(default_factory=list)  # per row: the unit's depth (the tree tables)
    note: str = ""

    def lines(self):
        """``(row, depth)`` pairs: the depth indents a unit under its parent."""
        return [(row, self.indents[index] if index < len(self.indents) else 0) for index, row in enumerate(self.rows)]


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def _items(year):
    items = Feedback.objects.all()
    return items.filter(created_at__year=year) if year else items


def by_status(year=None):
    counts = dict(_items(year).values_list("status").annotate(n=Count("pk")).order_by())
    return Table(
        "trang-thai",
        _("Ý kiến, phản ánh theo trạng thái"),
        [_("Trạng thái"), _("Số ý kiến")],
        [[str(label), counts.get(value, 0)] for value, label in Status.choices],
    )


def by_topic(year=None):
    counts = dict(_items(year).values_list("topic_id").annotate(n=Count("pk")).order_by())
    topics = Topic.objects.order_by("sort_order", "name")
    return Table(
        "linh-vuc",
        _("Ý kiến, phản ánh theo lĩnh vực"),
        [_("Lĩnh vực"), _("Số ý kiến")],
        [[topic.name, counts.get(topic.pk, 0)] for topic in topics],
    )


def by_channel(year=None):
    counts = dict(_items(year).values_list("channel").annotate(n=Count("pk")).order_by())
    return Table(
        "kenh",
        _("Ý kiến, phản ánh theo kênh tiếp nhận"),
        [_("Kênh tiếp nhận"), _("Số ý kiến")],
        [[str(label), counts.get(value, 0)] for value, label in Channel.choices],
    )


def _rolled_up(own_by_unit, width=1):
    """``[(unit, own, total, depth)]`` in tree order, ``own`` and ``total`` tuples of ``width`` counts;
    ``total`` adds every unit below (one query reads the tree)."""
    units = list(OrganisationUnit.objects.order_by("sort_path").values("pk", "name", "parent_id", "kind"))
    totals = {unit["pk"]: list(own_by_unit.get(unit["pk"], (0,) * width)) for unit in units}
    for unit in reversed(units):  # children come after their parent in tree order
        if unit["parent_id"] in totals:
            parent = totals[unit["parent_id"]]
            for index, value in enumerate(totals[unit["pk"]]):
                parent[index] += value
    depth = {"province": 0, "commune": 1, "branch": 2}
    zero = (0,) * width
    return [(unit, own_by_unit.get(unit["pk"], zero), totals[unit["pk"]], depth.get(unit["kind"], 0)) for unit in units]


def by_unit(year=None):
    counts = {pk: (n,) for pk, n in _items(year).values_list("unit_id").annotate(n=Count("pk")).order_by()}
    table = Table(
        "don-vi",
        _("Ý kiến, phản ánh theo đơn vị (cộng dồn các đơn vị trực thuộc)"),
        [_("Đơn vị"), _("Tại đơn vị"), _("Cộng cả đơn vị trực thuộc")],
    )
    for unit, own, total, depth in _rolled_up(counts):
        table.rows.append([unit["name"], own[0], total[0]])
        table.indents.append(depth)
    table.rows.append([_("Không rõ địa bàn"), counts.get(None, (0,))[0], counts.get(None, (0,))[0]])
    table.indents.append(0)
    return table


def by_month(year=None):
    received = Coalesce("received_on", TruncDate("created_at"), output_field=DateField())
    rows = (
        _items(year)
        .annotate(month=TruncMonth(received, output_field=DateField()))
        .values_list("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return Table(
        "thang",
        _("Ý kiến, phản ánh theo tháng tiếp nhận"),
        [_("Tháng"), _("Số ý kiến")],
        [[month.strftime("%m/%Y"), n] for month, n in rows if month is not None],
    )


def timeliness(year=None, today=None):
    today = today or timezone.localdate()
    items = _items(year)
    days = []
    for received_on, created_at, resolved_at in items.filter(resolved_at__isnull=False).values_list(
        "received_on", "created_at", "resolved_at"
    ):
        start = received_on or timezone.localdate(created_at)
        days.append(max(0, (timezone.localdate(resolved_at) - start).days))
    waiting = items.aggregate(
        forwarded=Count("pk", filter=Q(status=Status.FORWARDED)),
        overdue=Count("pk", filter=Q(status=Status.FORWARDED, deadline__lt=today)),
    )
    median = statistics.median(days) if days else None
    return Table(
        "thoi-han",
        _("Thời gian giải quyết và tỉ lệ quá hạn"),
        [_("Chỉ số"), _("Giá trị")],
        [
            [_("Số ý kiến đã có kết quả giải quyết"), len(days)],
            [_("Số ngày trung vị từ khi tiếp nhận đến khi giải quyết"), median],
            [_("Số ý kiến đang chờ cơ quan giải quyết trả lời"), waiting["forwarded"]],
            [_("Trong đó đã quá hạn trả lời"), waiting["overdue"]],
            [_("Tỉ lệ quá hạn (%)"), _share(waiting["overdue"], waiting["forwarded"])],
        ],
        note=_(
            "Tỉ lệ quá hạn: số ý kiến đã chuyển cơ quan giải quyết, quá hạn mà chưa có kết quả, "
            "trên số ý kiến đang chờ."
        ),
    )


def sessions_by_unit(year=None):
    sessions = ForumSession.objects.all()
    if year:
        sessions = sessions.filter(held_on__year=year)
    grouped = (
        sessions.values_list("unit_id").annotate(n=Count("pk", distinct=True), people=Sum("participants")).order_by()
    )
    own = {unit_id: (n, people or 0) for unit_id, n, people in grouped}
    table = Table(
        "dien-dan",
        _("Phiên diễn đàn lắng nghe theo đơn vị (cộng dồn)"),
        [_("Đơn vị"), _("Số phiên tại đơn vị"), _("Số phiên cộng dồn"), _("Số người tham dự cộng dồn")],
    )
    for unit, mine, total, depth in _rolled_up(own, width=2):
        table.rows.append([unit["name"], mine[0], total[0], total[1]])
        table.indents.append(depth)
    return table


def rounds_by_topic(year=None):
    rounds = SupervisionRound.objects.all()
    if year:
        rounds = rounds.filter(planned_start__year=year)
    grouped = (
        rounds.values_list("area_id")
        .annotate(
            n=Count("pk"),
            finished=Count("pk", filter=Q(actual_end__isnull=False)),
            published=Count("pk", filter=Q(published_at__isnull=False)),
        )
        .order_by()
    )
    counts = {area_id: (n, finished, published) for area_id, n, finished, published in grouped}
    names = dict(Topic.objects.filter(pk__in=[pk for pk in counts if pk]).values_list("pk", "name"))
    rows = [[names[pk], *values] for pk, values in counts.items() if pk]
    rows.sort(key=lambda row: row[0])
    if None in counts:
        rows.append([_("Chưa xếp lĩnh vực"), *counts[None]])
    return Table(
        "dot-giam-sat",
        _("Đợt giám sát theo lĩnh vực"),
        [_("Lĩnh vực"), _("Số đợt"), str(RoundStage.FINISHED.label), _("Đã công khai")],
        rows,
    )


def recommendations_by_status(year=None):
    recommendations = Recommendation.objects.all()
    if year:
        recommendations = recommendations.filter(sent_on__year=year)
    counts = dict(recommendations.values_list("status").annotate(n=Count("pk")).order_by())
    on_time = recommendations.filter(status=RecommendationStatus.RESOLVED, response_date__lte=F("deadline")).count()
    resolved = counts.get(RecommendationStatus.RESOLVED, 0)
    overdue = recommendations.overdue().count()
    rows = [[str(label), counts.get(value, 0)] for value, label in RecommendationStatus.choices]
    rows += [
        [_("Tổng số kiến nghị"), sum(counts.values())],
        [_("Đang quá hạn trả lời"), overdue],
        [_("Đã giải quyết đúng hạn"), on_time],
        [_("Tỉ lệ giải quyết đúng hạn (%)"), _share(on_time, resolved)],
    ]
    return Table(
        "kien-nghi",
        _("Kiến nghị sau giám sát theo trạng thái"),
        [_("Trạng thái"), _("Số kiến nghị")],
        rows,
        note=_(
            "Đúng hạn: đã giải quyết và cơ quan trả lời không muộn hơn hạn trả lời; "
            "tỉ lệ tính trên số kiến nghị đã giải quyết."
        ),
    )


TABLES = {
    "trang-thai": by_status,
    "linh-vuc": by_topic,
    "kenh": by_channel,
    "don-vi": by_unit,
    "thang": by_month,
    "thoi-han": timeliness,
    "dien-dan": sessions_by_unit,
    "dot-giam-sat": rounds_by_topic,
    "kien-nghi": recommendations_by_status,
}


def all_tables(year=None):
    return [build(year) for build in TABLES.values()]
