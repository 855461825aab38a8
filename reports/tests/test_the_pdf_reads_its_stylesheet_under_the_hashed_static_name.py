"""With STATIC_FILES_HASHED, `{% static 'css/report.css' %}` writes collectstatic's hashed name
(css/report.<hash>.css): the PDF's fetcher must still find the stylesheet, and the fonts it names, in the
project's static files."""

import json
from urllib.parse import urljoin

import pytest
from django.templatetags.static import static

from reports.rendering import DOCUMENT_BASE_URL, StaticOnlyFetcher

HASHED_STYLESHEET = "css/report.0123456789ab.css"


@pytest.fixture
def hashed_static_names(settings, tmp_path):
    """The manifest collectstatic writes with hashed names (only the entry this needs, so no collectstatic)."""
    (tmp_path / "staticfiles.json").write_text(
        json.dumps({"version": "1.1", "paths": {"css/report.css": HASHED_STYLESHEET}, "hash": "0"})
    )
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


def test_the_stylesheet_under_its_hashed_name_is_read_from_the_projects_static_files(hashed_static_names):
    url = static("css/report.css")
    assert url.endswith(HASHED_STYLESHEET)
    css = StaticOnlyFetcher().fetch(DOCUMENT_BASE_URL + url.lstrip("/"))
    assert css.content_type == "text/css" and b"@page" in css.read()


def test_the_fonts_the_hashed_stylesheet_names_are_read_too(hashed_static_names):
    stylesheet = DOCUMENT_BASE_URL + static("css/report.css").lstrip("/")
    # As WeasyPrint resolves the stylesheet's url(...) against the stylesheet's own (hashed) address.
    font = StaticOnlyFetcher().fetch(urljoin(stylesheet, "../fonts/report-sans/report-sans-400-normal.ttf"))
    assert font.read(4) == b"\x00\x01\x00\x00"  # TrueType


def test_a_hashed_name_outside_the_manifest_is_still_refused(hashed_static_names):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(DOCUMENT_BASE_URL + "static/css/report.ffffffffffff.css")
