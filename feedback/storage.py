"""Private storage for what the public uploads (feedback attachments).

Files live outside MEDIA_ROOT and have no public URL: only a permission-checked admin view streams
them. Locally that is a folder at ``settings.PRIVATE_MEDIA_ROOT``; with ``MEDIA_STORAGE=s3`` the
``private`` entry of ``STORAGES`` is an S3 storage with a ``private/`` prefix and signed URLs,
and nothing here changes.
"""

import logging
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages

logger = logging.getLogger(__name__)


class AttachmentStorageError(Exception):
    """The attachments could not be written (disk full, object store unreachable): nothing was kept."""


class PrivateFileSystemStorage(FileSystemStorage):
    """A folder with no URL; its location follows ``settings.PRIVATE_MEDIA_ROOT`` (tests move it)."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        import os

        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no public URL.")

    def _save(self, name, content):
        # A write that fails half way (a full disk: ENOSPC) must not leave a partial file behind.
        full_path = self.path(name)
        existed = os.path.lexists(full_path)
        try:
            return super()._save(name, content)
        except BaseException:
            if not existed and os.path.lexists(full_path):
                os.remove(full_path)
            raise


def private_storage():
    return storages["private"]


def store_attachments(field, cleaned_files):
    """Writes each :class:`~feedback.uploads.CleanFile` to ``field``'s storage before any row exists.

    Returns ``[(clean, stored_name)]``. If one cannot be written, those already written are deleted and
    :class:`AttachmentStorageError` is raised, so that no row ever points at a missing or partial file.
    """
    storage = field.storage
    stored = []
    try:
        for clean in cleaned_files:
            instance = field.model(kind=clean.kind, content_type=clean.content_type, original_name=clean.original_name)
            name = field.generate_filename(instance, clean.original_name)
            stored.append((clean, storage.save(name, clean.content, max_length=field.max_length)))
    except Exception as error:  # OSError (ENOSPC, EIO, permissions), an object store's client errors
        logger.exception("Could not store a feedback attachment; the submission is refused, nothing is kept.")
        discard(storage, [name for _clean, name in stored])
        raise AttachmentStorageError(str(error)) from error
    return stored


def discard(storage, names):
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # the original failure matters more; an orphan is logged, not raised
            logger.exception("Could not delete the stored attachment %s", name)
