"""Web processes and workers on different machines share no disk: a build's files are written and served through
Django's storage API alone. Here the default storage keeps files in memory and has no path on a disk (as object
storage has none); the build still stores its PDF and web edition, and the business manager downloads them. (A real
build, a few seconds: what it writes is the point.)"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, default_storage
from django.urls import reverse

from .test_published_report import built


class NoDiskStorage(Storage):
    """Files kept by name in memory, as in a bucket: no path on a disk (Storage.path is not implemented), and every
    save and open recorded."""

    def __init__(self):
        self.files, self.saved, self.opened = {}, [], []

    def _save(self, name, content):
        self.files[name] = b"".join(content.chunks())
        self.saved.append(name)
        return name

    def _open(self, name, mode="rb"):
        if name not in self.files:
            raise FileNotFoundError(name)
        self.opened.append(name)
        return ContentFile(self.files[name], name=name)

    def exists(self, name):
        return name in self.files

    def delete(self, name):
        self.files.pop(name, None)

    def size(self, name):
        return len(self.files[name])

    def url(self, name):
        return "/files/" + name


@pytest.fixture
def no_disk_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "no-disk-here"
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.NoDiskStorage"}}
    default_storage._setup()
    assert isinstance(default_storage._wrapped, NoDiskStorage)
    yield default_storage._wrapped
    assert not settings.MEDIA_ROOT.exists()  # nothing went to the local disk


@pytest.mark.django_db
def test_a_build_is_written_and_its_files_read_through_the_storage_api(
    no_disk_storage, client, report, manager, django_capture_on_commit_callbacks
):
    build = built(report, django_capture_on_commit_callbacks)
    assert build.pdf and build.html_edition
    assert {build.pdf.name, build.html_edition.name} <= set(no_disk_storage.saved)

    client.force_login(manager)
    pdf = client.get(reverse("reports:build_download", args=[report.year, build.pk]))
    assert pdf.status_code == 200 and b"".join(pdf.streaming_content) == no_disk_storage.files[build.pdf.name]
    assert no_disk_storage.files[build.pdf.name].startswith(b"%PDF-")
    online = client.get(reverse("reports:build_edition", args=[report.year, build.pk]))
    assert online.status_code == 200 and online.content == no_disk_storage.files[build.html_edition.name]
    assert {build.pdf.name, build.html_edition.name} <= set(no_disk_storage.opened)
