"""The open data (/du-lieu-mo/): published resolutions and supervision results, anonymised, CSV and JSON.

Each dataset lists its fields once (:data:`DATASETS`); the files and the page describing them are
made from that list. Only what the public pages already show goes in: no tracking codes, no sender's
name, phone, e-mail or message, no internal findings, notes or members of a round, and nothing of a
sensitive topic. A file is built on its first request after a change and kept in the cache under a
version that every change of a round, a recommendation or a published item renews
(:mod:`supervision.signals`); a cache that is down only means it is built on each request.
"""

import csv
import io
import json
import logging
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from feedback.models import Feedback
from home.spreadsheets import safe_cell

from .models import Recommendation, SupervisionRound

logger = logging.getLogger(__name__)

VERSION_KEY = "opendata:version"
CACHE_SECONDS = 24 * 3600
LICENCE = {
    "name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "url": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}


@dataclass(frozen=True)
class Field:
    name: str
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    fields: tuple


RESOLUTIONS = Dataset(
    "ket-qua-giai-quyet",
    _("Kết quả giải quyết ý kiến, phản ánh đã công khai"),
    _("Mỗi dòng là một ý kiến, phản ánh đã được giải quyết và công khai kết quả (trừ lĩnh vực nhạy cảm)."),
    (
        Field("id", _("Số hiệu của kết quả trên cổng (không phải mã tra cứu của người gửi)")),
        Field("linh_vuc", _("Lĩnh vực của ý kiến")),
        Field("dia_ban", _("Đơn vị hội nơi phát sinh ý kiến (có thể trống)")),
        Field("kenh_tiep_nhan", _("Kênh tiếp nhận: biểu mẫu trên cổng, diễn đàn, điện thoại, thư, trực tiếp")),
        Field("ngay_tiep_nhan", _("Ngày Hội tiếp nhận (YYYY-MM-DD)")),
        Field("ngay_giai_quyet", _("Ngày có kết quả giải quyết (YYYY-MM-DD)")),
        Field("ngay_cong_khai", _("Ngày công khai kết quả (YYYY-MM-DD)")),
        Field("tom_tat", _("Tóm tắt nội dung đã lược bỏ thông tin cá nhân")),
        Field("ket_qua", _("Kết quả giải quyết")),
    ),
)

SUPERVISION = Dataset(
    "giam-sat",
    _("Kết quả giám sát và kiến nghị sau giám sát"),
    _(
        "Mỗi dòng là một kiến nghị của một đợt giám sát đã công khai (đợt chưa có kiến nghị nào có một dòng "
        "với các cột kiến nghị để trống). Tệp JSON xếp các kiến nghị trong từng đợt."
    ),
    (
        Field("dot_id", _("Số hiệu đợt giám sát")),
        Field("chu_de", _("Chủ đề giám sát")),
        Field("hinh_thuc", _("Hình thức: giám sát chuyên đề hoặc đột xuất")),
        Field("linh_vuc", _("Lĩnh vực (có thể trống)")),
        Field("co_quan_duoc_giam_sat", _("Cơ quan, đơn vị được giám sát")),
        Field("don_vi_chu_tri", _("Đơn vị hội chủ trì")),
        Field("bat_dau", _("Ngày bắt đầu thực tế (YYYY-MM-DD)")),
        Field("ket_thuc", _("Ngày kết thúc thực tế (YYYY-MM-DD)")),
        Field("tom_tat_ket_qua", _("Tóm tắt kết quả giám sát")),
        Field("kien_nghi_id", _("Số hiệu kiến nghị")),
        Field("co_quan_nhan_kien_nghi", _("Cơ quan nhận kiến nghị")),
        Field("noi_dung_kien_nghi", _("Nội dung kiến nghị")),
        Field("ngay_gui", _("Ngày gửi kiến nghị (YYYY-MM-DD)")),
        Field("han_tra_loi", _("Hạn trả lời (YYYY-MM-DD)")),
        Field("trang_thai", _("Trạng thái: sent, answered, resolved, partly_resolved, not_resolved, re_recommended")),
        Field("ngay_tra_loi", _("Ngày nhận trả lời (YYYY-MM-DD, có thể trống)")),
        Field("kien_nghi_lai_tu", _("Số hiệu kiến nghị trước mà kiến nghị này kiến nghị lại (có thể trống)")),
    ),
)

DATASETS = {dataset.slug: dataset for dataset in (RESOLUTIONS, SUPERVISION)}
FORMATS = ("csv", "json")


def _day(value):
    if value is None:
        return ""
    if hasattr(value, "hour"):
        value = timezone.localdate(value)
    return value.isoformat()


def resolution_rows():
    items = (
        Feedback.objects.published()
        .exclude(topic__sensitive=True)
        .select_related("topic", "unit")
        .order_by("published_at", "pk")
    )
    for item in items:
        yield {
            "id": item.pk,
            "linh_vuc": item.topic.name,
            "dia_ban": item.unit.name if item.unit_id else "",
            "kenh_tiep_nhan": str(item.channel_label),
            "ngay_tiep_nhan": _day(item.received_date),
            "ngay_giai_quyet": _day(item.resolved_at),
            "ngay_cong_khai": _day(item.published_at),
            "tom_tat": item.public_summary,
            "ket_qua": item.answer,
        }


def published_rounds():
    """Published rounds with what the public sees of them, in two queries."""
    from django.db.models import Prefetch

    return (
        SupervisionRound.objects.published()
        .select_related("area", "lead_unit")
        .prefetch_related(Prefetch("recommendations", queryset=Recommendation.objects.order_by("sent_on", "pk")))
        .order_by("actual_end", "pk")
    )


def _round_fields(round):
    return {
        "dot_id": round.pk,
        "chu_de": round.topic,
        "hinh_thuc": str(round.kind_label),
        "linh_vuc": round.area.name if round.area_id else "",
        "co_quan_duoc_giam_sat": round.supervised_body,
        "don_vi_chu_tri": round.lead_unit.name,
        "bat_dau": _day(round.actual_start),
        "ket_thuc": _day(round.actual_end),
        "tom_tat_ket_qua": round.public_summary,
    }


def _recommendation_fields(recommendation):
    return {
        "kien_nghi_id": recommendation.pk,
        "co_quan_nhan_kien_nghi": recommendation.addressee,
        "noi_dung_kien_nghi": recommendation.text,
        "ngay_gui": _day(recommendation.sent_on),
        "han_tra_loi": _day(recommendation.deadline),
        "trang_thai": recommendation.status,
        "ngay_tra_loi": _day(recommendation.response_date),
        "kien_nghi_lai_tu": recommendation.previous_id or "",
    }


EMPTY_RECOMMENDATION = {field.name: "" for field in SUPERVISION.fields[9:]}


def supervision_rows():
    for round in published_rounds():
        recommendations = list(round.recommendations.all())
        if not recommendations:
            yield {**_round_fields(round), **EMPTY_RECOMMENDATION}
        for recommendation in recommendations:
            yield {**_round_fields(round), **_recommendation_fields(recommendation)}


def supervision_tree():
    return [
        {**_round_fields(round), "kien_nghi": [_recommendation_fields(r) for r in round.recommendations.all()]}
        for round in published_rounds()
    ]


def _csv(dataset, rows):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # spreadsheet programs then read the Vietnamese letters as UTF-8
    writer = csv.DictWriter(buffer, fieldnames=[field.name for field in dataset.fields], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: safe_cell(value) for name, value in row.items()})
    return buffer.getvalue()


def _json(dataset, records):
    document = {
        "title": str(dataset.title),
        "licence": LICENCE,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "fields": {field.name: str(field.description) for field in dataset.fields},
        "records": records,
    }
    return json.dumps(document, ensure_ascii=False, indent=1)


def build(slug, format):
    dataset = DATASETS[slug]
    if dataset is RESOLUTIONS:
        rows = list(resolution_rows())
        return _csv(dataset, rows) if format == "csv" else _json(dataset, rows)
    if format == "csv":
        return _csv(dataset, supervision_rows())
    return _json(dataset, supervision_tree())


def _version():
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            version = uuid.uuid4().hex
            cache.add(VERSION_KEY, version, None)
            version = cache.get(VERSION_KEY) or version
        return version
    except Exception:
        logger.warning("open data: cache unavailable, building the file", exc_info=True)
        return None


def content(slug, format):
    """The file's text: from the cache when nothing changed since it was built, else built now."""
    version = _version()
    key = f"opendata:{slug}:{format}:{version}"
    if version is not None:
        try:
            found = cache.get(key)
        except Exception:
            found = None
        if found is not None:
            return found
    text = build(slug, format)
    if version is not None:
        try:
            cache.set(key, text, CACHE_SECONDS)
        except Exception:
            logger.warning("open data: could not keep the file in the cache", exc_info=True)
    return text


def invalidate():
    """A new version once the change commits: every file is built again on its next request."""

    def run():
        try:
            cache.set(VERSION_KEY, uuid.uuid4().hex, None)
        except Exception:
            logger.warning("open data: cache unavailable, version not renewed", exc_info=True)

    transaction.on_commit(run)


def file_url(slug, format):
    return reverse("supervision:opendata_file", args=[slug, format])


def paths():
    return [
        reverse("supervision:opendata"),
        *(file_url(slug, format) for slug in DATASETS for format in FORMATS),
    ]
