"""Where uploaded and generated files are kept: the file system under MEDIA_ROOT (the default, one machine), or
S3-compatible object storage (FILE_STORAGE=s3), which web processes and workers on different machines share.

Every file is written and read through Django's storage API (a FileField's storage, `default_storage`), never by a
path on disk, so either works unchanged. Read by the settings, so it imports nothing from Django."""

FILESYSTEM = "filesystem"
S3 = "s3"
KINDS = (FILESYSTEM, S3)

FILESYSTEM_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "lscp.object_storage.PrivateObjectStorage"


class FileStorageSettingError(ValueError):
    """A FILE_STORAGE setting that cannot work; the message says what to set."""


def default_storage_setting(kind, *, bucket="", endpoint_url="", region="", access_key="", secret_key=""):
    """STORAGES["default"] for FILE_STORAGE `kind`.

    Object storage is private: each object is written with the private ACL, never given a signed public address
    (the site's own permission-checked views stream it), and never overwritten (a new build's PDF is stored beside
    the published one, as on the file system). Keys left empty are found as boto3 finds them (its environment
    variables, the machine's role)."""
    kind = (kind or FILESYSTEM).strip().lower()
    if kind == FILESYSTEM:
        return {"BACKEND": FILESYSTEM_BACKEND}
    if kind != S3:
        raise FileStorageSettingError(f"FILE_STORAGE is {kind!r}: it must be one of {', '.join(KINDS)}.")
    if not bucket:
        raise FileStorageSettingError("FILE_STORAGE is s3: set AWS_STORAGE_BUCKET_NAME to the bucket the files go in.")
    options = {
        "bucket_name": bucket,
        "default_acl": "private",
        "querystring_auth": False,
        "file_overwrite": False,
    }
    if endpoint_url:
        options["endpoint_url"] = endpoint_url
    if region:
        options["region_name"] = region
    if access_key:
        options["access_key"] = access_key
    if secret_key:
        options["secret_key"] = secret_key
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
