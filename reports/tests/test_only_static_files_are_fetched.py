import pytest

from reports.rendering import DOCUMENT_BASE_URL, StaticOnlyFetcher, layout


def test_the_projects_stylesheet_and_fonts_are_served():
    fetcher = StaticOnlyFetcher()
    css = fetcher.fetch(DOCUMENT_BASE_URL + "static/css/report.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    font = fetcher.fetch(
        DOCUMENT_BASE_URL + "static/fonts/atkinson-hyperlegible/atkinson-hyperlegible-latin-400-normal.woff2"
    )
    assert font.read(4) == b"wOF2"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:6379/",
        "https://169.254.169.254/latest/meta-data/",
        DOCUMENT_BASE_URL + "static/../lscp/settings.py",
        DOCUMENT_BASE_URL + "static/%2e%2e/lscp/settings.py",
        DOCUMENT_BASE_URL + "media/annual-reports/secret.pdf",
        DOCUMENT_BASE_URL + "static/no-such-file.css",
    ],
)
def test_anything_else_is_refused(url):
    with pytest.raises(ValueError):
        StaticOnlyFetcher().fetch(url)


def test_a_document_that_points_at_the_server_does_not_read_it(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    html = (
        f'<html lang="en"><head><title>t</title><link rel="stylesheet" href="file://{secret}"></head>'
        f'<body><p>text</p><img src="file://{secret}" alt="x">'
        '<img src="http://127.0.0.1:1/x.png" alt="y"></body></html>'
    )
    document = layout(html)
    assert len(document.pages) == 1  # laid out without fetching either
