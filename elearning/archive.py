"""Checking an uploaded package (a zip: SCORM or H5P) before anything of it is kept.

Every refusal is a :class:`PackageRefused` with a Vietnamese message a manager can act on. The zip's
own directory is not trusted: names are confined to the package folder, and sizes are counted while
reading, so a header that lies about them (a zip bomb) is caught as well."""

import posixpath
import stat
import zipfile
import zlib
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

# Bytes read at a time while counting an entry's real size.
CHUNK = 64 * 1024


class PackageRefused(Exception):
    """The package cannot be played; ``message`` says why, in Vietnamese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Entry:
    name: str  # confined, normalised, "/"-separated
    info: zipfile.ZipInfo


def limits():
    return {
        "files": settings.PACKAGE_MAX_FILES,
        "bytes": settings.PACKAGE_MAX_UNPACKED_BYTES,
        "ratio": settings.PACKAGE_MAX_COMPRESSION_RATIO,
    }


def safe_name(raw):
    """The entry's name inside the package folder, or None when it would escape it (absolute paths,
    drive letters, ``..``, backslashes, control characters)."""
    if not raw or "\x00" in raw or "\\" in raw or any(ord(ch) < 32 for ch in raw):
        return None
    if raw.startswith("/") or (len(raw) > 1 and raw[1] == ":"):
        return None
    parts = raw.split("/")
    if any(part == ".." for part in parts):
        return None
    name = posixpath.normpath(raw)
    if name in (".", "") or name.startswith("../"):
        return None
    return name


def open_zip(fileobj):
    try:
        return zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise PackageRefused(_("Tệp tải lên không phải là tệp nén .zip hợp lệ.")) from None


def check_entries(archive):
    """The files of ``archive`` (folders left out) after the checks on names, count and declared sizes."""
    bounds = limits()
    entries = []
    total = 0
    for info in archive.infolist():
        name = safe_name(info.filename)
        if name is None:
            raise PackageRefused(
                _("Gói có tệp nằm ngoài thư mục của gói (%(name)s); gói bị từ chối.") % {"name": info.filename[:120]}
            )
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise PackageRefused(_("Gói có liên kết tượng trưng (%(name)s); gói bị từ chối.") % {"name": name[:120]})
        if info.flag_bits & 0x1:
            raise PackageRefused(_("Gói có tệp được mã hóa bằng mật khẩu; không thể mở."))
        if info.is_dir():
            continue
        entries.append(Entry(name=name, info=info))
        if len(entries) > bounds["files"]:
            raise PackageRefused(
                _("Gói có quá nhiều tệp (tối đa %(limit)s tệp).") % {"limit": f"{bounds['files']:,}".replace(",", ".")}
            )
        total += info.file_size
        if total > bounds["bytes"]:
            raise too_large(bounds)
        if info.file_size > 1024 * 1024 and info.file_size > bounds["ratio"] * max(info.compress_size, 1):
            raise bomb()
    if len({entry.name.casefold() for entry in entries}) != len(entries):
        raise PackageRefused(_("Gói có hai tệp trùng tên; gói bị từ chối."))
    return entries


def too_large(bounds):
    megabytes = bounds["bytes"] // (1024 * 1024)
    return PackageRefused(_("Gói quá lớn khi giải nén (tối đa %(size)s MB).") % {"size": megabytes})


def bomb():
    return PackageRefused(
        _("Gói có tệp nén bất thường (tỉ lệ nén quá cao, có thể là \u201cbom nén\u201d); gói bị từ chối.")
    )


def read_member(archive, entry, budget):
    """Yields the entry's bytes, counting what is really unpacked against ``budget`` (a one-item list
    holding the bytes still allowed), whatever the header said."""
    bounds = limits()
    seen = 0
    try:
        with archive.open(entry.info) as source:
            while True:
                chunk = source.read(CHUNK)
                if not chunk:
                    break
                seen += len(chunk)
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise too_large(bounds)
                if seen > 1024 * 1024 and seen > bounds["ratio"] * max(entry.info.compress_size, 1):
                    raise bomb()
                yield chunk
    # A damaged deflate stream raises zlib.error, which is none of zipfile's own exceptions.
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError):
        raise PackageRefused(
            _("Tệp %(name)s trong gói bị hỏng; không thể giải nén.") % {"name": entry.name[:120]}
        ) from None


def read_small(archive, entry, limit=2 * 1024 * 1024):
    """The whole content of a small entry (a manifest): refused past ``limit`` bytes."""
    if entry.info.file_size > limit:
        raise PackageRefused(_("Tệp %(name)s quá lớn.") % {"name": entry.name})
    budget = [limit]
    return b"".join(read_member(archive, entry, budget))
