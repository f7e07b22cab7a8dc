"""Unpacking a checked package into private storage, and removing it again.

``inspect`` reads an upload and refuses what cannot be played; ``unpack`` writes its files under a
new folder of the ``private`` storage (``elearning/<uuid>/``): nothing of a refused package is kept,
and a write that fails half way removes what it had written."""

import logging
import tempfile
import uuid
from dataclasses import dataclass

from django.core.files import File
from django.core.files.storage import storages
from django.utils.translation import gettext as _

from .archive import PackageRefused, check_entries, open_zip, read_member, read_small
from .manifest import read_h5p_json, read_scorm_manifest

logger = logging.getLogger(__name__)

SCORM_MANIFEST = "imsmanifest.xml"
H5P_MANIFEST = "h5p.json"
H5P_CONTENT = "content/content.json"


@dataclass
class Inspected:
    info: object  # manifest.PackageInfo
    archive: object  # zipfile.ZipFile
    entries: list  # archive.Entry, names relative to the package root
    prefix: str  # a folder wrapping the whole package in the zip ("" when none)


def package_storage():
    return storages["private"]


def root_prefix(names):
    """The single top folder that wraps the package (some tools zip the folder, not its contents)."""
    if SCORM_MANIFEST in names or H5P_MANIFEST in names:
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1:
        top = next(iter(tops))
        if f"{top}/{SCORM_MANIFEST}" in names or f"{top}/{H5P_MANIFEST}" in names:
            return f"{top}/"
    return ""


def inspect(fileobj):
    """The package's manifest and files; PackageRefused when it is not a playable SCORM/H5P package."""
    archive = open_zip(fileobj)
    entries = check_entries(archive)
    names = {entry.name for entry in entries}
    prefix = root_prefix(names)
    by_name = {entry.name[len(prefix) :]: entry for entry in entries if entry.name.startswith(prefix)}
    if SCORM_MANIFEST in by_name:
        info = read_scorm_manifest(read_small(archive, by_name[SCORM_MANIFEST]))
        if info.launch not in by_name:
            raise PackageRefused(
                _("Tệp khởi chạy %(name)s mà imsmanifest.xml chỉ ra không có trong gói.") % {"name": info.launch[:120]}
            )
    elif H5P_MANIFEST in by_name:
        info = read_h5p_json(read_small(archive, by_name[H5P_MANIFEST]))
        if H5P_CONTENT not in by_name:
            raise PackageRefused(_("Gói H5P thiếu tệp content/content.json."))
        missing = [library for library in info.libraries if f"{library}/library.json" not in by_name]
        if missing:
            raise PackageRefused(
                _("Gói H5P thiếu thư viện %(names)s; hãy xuất lại gói kèm đủ thư viện.")
                % {"names": ", ".join(missing)[:200]}
            )
    else:
        raise PackageRefused(
            _("Gói không có tệp imsmanifest.xml (SCORM) hay h5p.json (H5P) ở thư mục gốc; không phải gói bài giảng.")
        )
    return Inspected(info=info, archive=archive, entries=list(by_name.items()), prefix=prefix)


def unpack(inspected):
    """Writes the package's files under a new folder; returns ``(folder, file_count, bytes)``."""
    from django.conf import settings

    storage = package_storage()
    folder = f"elearning/{uuid.uuid4().hex}"
    budget = [settings.PACKAGE_MAX_UNPACKED_BYTES]
    written = []
    try:
        for name, entry in inspected.entries:
            with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as spool:
                for chunk in read_member(inspected.archive, entry, budget):
                    spool.write(chunk)
                spool.seek(0)
                target = f"{folder}/{name}"
                stored = storage.save(target, File(spool))
                written.append(stored)
                if stored != target:
                    raise PackageRefused(_("Gói có hai tệp trùng tên; gói bị từ chối."))
    except PackageRefused:
        discard(written)
        raise
    except Exception:
        logger.exception("Could not unpack a package into private storage")
        discard(written)
        raise PackageRefused(
            _("Không lưu được gói vào kho lưu trữ (ổ đĩa đầy hoặc kho không phản hồi). Xin thử lại sau.")
        ) from None
    return folder, len(written), settings.PACKAGE_MAX_UNPACKED_BYTES - budget[0]


def discard(names):
    storage = package_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # an orphan file is logged, the original failure matters more
            logger.exception("Could not delete the package file %s", name)


def remove_folder(folder):
    """Deletes every file of a package folder (after the package row is gone)."""
    storage = package_storage()

    def walk(path):
        try:
            folders, files = storage.listdir(path)
        except (FileNotFoundError, NotADirectoryError):
            return []
        names = [f"{path}/{name}" for name in files]
        for sub in folders:
            names += walk(f"{path}/{sub}")
        return names

    discard(walk(folder))


def create_package(fileobj, *, name="", title="", by=None):
    """Checks, unpacks and records a package in one go (demo content, tests); PackageRefused as above."""
    from .models import Package

    inspected = inspect(fileobj)
    folder, count, size = unpack(inspected)
    info = inspected.info
    try:
        return Package.objects.create(
            title=title or info.title or name or "SCORM",
            kind=info.kind,
            version_label=info.version_label,
            launch=info.launch,
            mastery_score=info.mastery_score,
            folder=folder,
            file_count=count,
            unpacked_bytes=size,
            original_name=name[:255],
            uploaded_by=by,
        )
    except Exception:
        remove_folder(folder)
        raise
