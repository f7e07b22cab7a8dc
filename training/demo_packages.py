"""Demo content: a lesson playing a small SCORM 1.2 package of the portal's own (training/demo_content/),
zipped and uploaded like a manager's package. Called by ``training.demo.load``; idempotent."""

import io
import zipfile
from pathlib import Path

from home.demo_pages import child_page

from .models import LessonPage

CONTENT = Path(__file__).parent / "demo_content" / "giam-sat-scorm12"
SLUG = "bai-giang-dien-tu-nam-buoc-giam-sat"


def demo_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(CONTENT.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(CONTENT).as_posix())
    buffer.seek(0)
    return buffer


def load(command, module):
    from elearning.storage import create_package

    existing = module.get_children().filter(slug=SLUG).first()
    if existing is not None:
        return existing.specific
    package = create_package(demo_zip(), name="nam-buoc-giam-sat.zip")
    lesson = child_page(
        module,
        LessonPage,
        SLUG,
        title="Bài giảng điện tử: Năm bước của một cuộc giám sát",
        intro="Bài giảng tương tác (SCORM): đọc, trả lời ba câu hỏi; có thể dừng giữa chừng và học tiếp sau.",
        estimated_minutes=10,
        required=False,
        package=package,
    )
    command.log(f"Training: SCORM lesson {lesson.url_path}")
    return lesson
