"""One stylesheet and one script for every page, joined from the hand-written files without a bundler.

A staticfiles finder: ``css/site.css`` and ``js/site.js`` are the files of ``STATIC_BUNDLES`` (settings)
joined in order, each under a comment naming it. ``collectstatic`` collects them like any file (then
hashed and compressed by WhiteNoise), and in development they are rebuilt when a source changes. The
print stylesheet is wrapped in ``@media print``. Nothing is committed twice: edit the sources.
"""

import os
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import FileSystemStorage


def _source(path):
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(f"STATIC_BUNDLES names {path}, which no static folder holds")
    return Path(found)


# A comment in a stylesheet; a phone downloads every byte of the joined file, the sources keep them.
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)


def _read(path):
    text = _source(path).read_text(encoding="utf-8").strip()
    if path.endswith(".css"):
        text = _CSS_COMMENT.sub("", text)
        text = "\n".join(line.rstrip() for line in text.splitlines() if line.strip())
    return text


def join(bundle):
    """The text of ``bundle`` (a key of ``settings.STATIC_BUNDLES``)."""
    spec = settings.STATIC_BUNDLES[bundle]
    parts = [f"/* {bundle}: joined by portal/static_bundles.py; edit the files named below. */\n"]
    for path in spec["files"]:
        text = _read(path)
        parts.append(f"/* {path} */\n{text}\n" + (";\n" if bundle.endswith(".js") else ""))
    for path in spec.get("print", ()):
        parts.append(f"/* {path} */\n@media print {{\n{_read(path)}\n}}\n")
    return "".join(parts)


class BundleFinder(finders.BaseFinder):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.root = Path(getattr(settings, "STATIC_BUNDLES_DIR", settings.BASE_DIR / ".static_bundles"))
        self.storage = FileSystemStorage(location=str(self.root))

    def _write(self, bundle):
        target = self.root / bundle
        sources = [_source(path) for key in ("files", "print") for path in settings.STATIC_BUNDLES[bundle].get(key, ())]
        if target.exists() and all(source.stat().st_mtime <= target.stat().st_mtime for source in sources):
            return target
        target.parent.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: two processes building at once never serve half a file.
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(join(bundle))
        os.replace(temporary, target)
        return target

    def find(self, path, find_all=False, **kwargs):
        if kwargs:
            find_all = self._check_deprecated_find_param(find_all=find_all, **kwargs)
        if path not in settings.STATIC_BUNDLES:
            return [] if find_all else None
        found = str(self._write(path))
        return [found] if find_all else found

    def list(self, ignore_patterns):
        for bundle in settings.STATIC_BUNDLES:
            self._write(bundle)
            yield bundle, self.storage

    def check(self, **kwargs):
        return []
