"""S3-compatible object storage for FILE_STORAGE=s3 (lscp/file_storage.py builds its options)."""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class PrivateObjectStorage(S3Storage):
    """The bucket's objects are private. A stored file's address is the site's own (MEDIA_URL, routed to the
    download page of the record that holds it, lscp/stored_files.py), as with the file system, never the bucket's:
    every download is checked and streamed by the site."""

    def url(self, name, *args, **kwargs):
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))
