"""FILE_STORAGE chooses where files live: this machine's disk by default, or an S3-compatible bucket shared by every
web process and worker, whose objects stay private and are downloaded only through the site's checked views."""

import pytest
from django.conf import settings
from django.core.files.storage import storages

from lscp.file_storage import FileStorageSettingError, default_storage_setting


def test_the_disk_is_the_default():
    assert default_storage_setting("") == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert default_storage_setting(" Filesystem ") == default_storage_setting("")
    assert settings.STORAGES["default"] == default_storage_setting("")  # the suite runs with nothing set


def test_s3_is_a_private_bucket_never_overwritten_and_never_linked_to():
    setting = default_storage_setting(
        "s3",
        bucket="lscp-files",
        endpoint_url="https://objects.example.org",
        region="eu-west-2",
        access_key="key-id",
        secret_key="secret",
    )
    assert setting == {
        "BACKEND": "lscp.object_storage.PrivateObjectStorage",
        "OPTIONS": {
            "bucket_name": "lscp-files",
            "default_acl": "private",
            "querystring_auth": False,
            "file_overwrite": False,
            "endpoint_url": "https://objects.example.org",
            "region_name": "eu-west-2",
            "access_key": "key-id",
            "secret_key": "secret",
        },
    }
    # Keys left out are found as boto3 finds them (its own environment variables, the machine's role).
    assert "access_key" not in default_storage_setting("s3", bucket="lscp-files")["OPTIONS"]


def test_a_stored_files_address_in_the_bucket_is_the_sites_own_download_route():
    storage = storages.create_storage(default_storage_setting("s3", bucket="lscp-files", region="eu-west-2"))
    assert storage.url("minutes/2023/minutes of 5 May.pdf") == "/files/minutes/2023/minutes%20of%205%20May.pdf"
    assert (storage.default_acl, storage.querystring_auth, storage.file_overwrite) == ("private", False, False)


@pytest.mark.parametrize(
    "kind, bucket, says",
    [("disk", "", "must be one of filesystem, s3"), ("s3", "", "set AWS_STORAGE_BUCKET_NAME")],
)
def test_a_setting_that_cannot_work_says_what_to_set(kind, bucket, says):
    with pytest.raises(FileStorageSettingError, match=says):
        default_storage_setting(kind, bucket=bucket)
