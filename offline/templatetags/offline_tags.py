"""The Vietnamese words static/js/offline.js and offline-study.js show, handed to them as JSON (no inline
script runs). Every page carries the few words of the offline notice; the pages where one studies
offline add the rest and the address of the script that uses them."""

from django import template
from django.templatetags.static import static
from django.utils.html import json_script
from django.utils.translation import gettext as _

register = template.Library()


def strings():
    return {
        "offline": _("Bạn đang không có mạng: đây là bản đã lưu trên máy. Việc bạn làm sẽ được gửi khi có mạng."),
        "pending": _("Đang chờ đồng bộ: %(count)s việc làm khi không có mạng."),
        "pending_mark": _("Chờ đồng bộ"),
        "pending_progress": _("Tiến độ này chưa tính %(count)s việc đang chờ đồng bộ."),
        "synced": _("Đã đồng bộ những việc làm khi không có mạng:"),
    }


def study_strings():
    return {
        "script": static("js/offline-study.js"),
        "saving": _("Đang tải khóa học về máy…"),
        "saved": _("Đã lưu %(pages)s trang và %(files)s ảnh, chiếm %(size)s trên máy (lúc %(time)s)."),
        "save_failed": _("Chưa tải được khóa học (mất mạng hoặc máy hết chỗ). Xin thử lại."),
        "removed": _("Đã xóa bản tải về của khóa học khỏi máy."),
        "update": _("Cập nhật bản đã tải"),
        "queued_lesson": _("Đã đánh dấu đã học xong. Đang chờ đồng bộ: sẽ gửi khi có mạng."),
        "queued_quiz": _("Đã lưu bài làm. Đang chờ đồng bộ: bài sẽ được chấm khi có mạng."),
        "submit_quiz": _("Nộp bài (khi có mạng sẽ chấm)"),
        "question": _("Câu %(n)s."),
        "choose_all": _("chọn tất cả đáp án đúng"),
        "choose_one": _("chọn một đáp án"),
        "answer_all": _("Bạn chưa trả lời hết các câu hỏi."),
        "saved_course": _("Khóa học đã tải"),
    }


@register.simple_tag
def offline_strings():
    return json_script(strings(), "offline-strings")


@register.simple_tag
def offline_study_strings():
    return json_script(study_strings(), "offline-study-strings")
