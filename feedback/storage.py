"""Private storage for what the public uploads (feedback attachments).

Files live outside MEDIA_ROOT and have no public URL: only a permission-checked admin view streams
them. Locally that is a folder at ``settings.PRIVATE_MEDIA_ROOT``; with ``MEDIA_STORAGE=s3`` the
``private`` entry of ``STORAGES`` is an S3 storage with a ``private/`` prefix and signed URLs,
and nothing here changes.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


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


def private_storage():
    return storages["private"]
