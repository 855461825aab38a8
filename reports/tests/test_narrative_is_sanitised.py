import pytest
from django.urls import reverse

from reports.markdown import left_out, render_markdown
from reports.models import NarrativeSection


def test_markdown_becomes_safe_html():
    html = render_markdown(
        "# Our year\n\nWe **listened**.\n\n<script>alert(1)</script>\n\n![x](http://evil.example/x.png)\n\n"
        "[bad](javascript:alert(1)) [good](https://example.org)"
    )
    assert "<h2>Our year</h2>" in html  # headings move down: the chapter title is the only h1
    assert "<strong>listened</strong>" in html
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert 'href="https://example.org"' in html


def test_what_is_left_out_is_named_in_the_writers_words():
    text = (
        "# Our year\n\n<script>alert(1)</script>\n\n![x](http://evil.example/x.png)\n\n"
        "[bad](javascript:alert(1)) [good](https://example.org) <mailto:team@example.org>\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert left_out(text) == ["scripts", "pictures", "links that are not web or e-mail addresses"]
    everything_kept = "# Heading\n\n* a list\n\n> a quote\n\n[site](https://example.org)\n\n| a |\n|---|\n| 1 |"
    assert left_out(everything_kept) == []


@pytest.mark.django_db
def test_the_preview_says_what_the_report_will_leave_out(client, chair, report):
    client.force_login(chair)
    url = reverse("reports:narrative", args=[report.year, "learning-from-reviews"])
    page = client.post(url, {"text": "Seen.\n\n![chart](https://example.org/c.png)", "preview": "1"}).content.decode()
    assert 'id="left-out"' in page and "Not in the report:</strong> pictures." in page
    plain = client.post(url, {"text": "Seen.", "preview": "1"}).content.decode()
    assert 'id="left-out"' not in plain


@pytest.mark.django_db
def test_the_manager_previews_then_saves_a_chapter(client, manager, report):
    client.force_login(manager)
    url = reverse("reports:narrative", args=[report.year, "foreword"])
    preview = client.post(url, {"text": "A *good* year.", "preview": "1"})
    assert "<em>good</em>" in preview.content.decode()
    assert NarrativeSection.objects.get(report=report, key="foreword").text == ""
    saved = client.post(url, {"text": "A *good* year."})
    assert saved.status_code == 302
    narrative = NarrativeSection.objects.get(report=report, key="foreword")
    assert narrative.text == "A *good* year." and narrative.last_edited_by == manager


@pytest.mark.django_db
def test_the_preview_shows_the_chapter_at_once(client, manager, report):
    client.force_login(manager)
    client.post(reverse("reports:narrative", args=[report.year, "introduction"]), {"text": "Our principles are clear."})
    page = client.get(reverse("reports:preview", args=[report.year])).content.decode()
    assert "Our principles are clear." in page and "report-screen.css" in page


@pytest.mark.django_db
def test_an_unknown_chapter_is_not_found(client, manager, report):
    client.force_login(manager)
    assert client.get(reverse("reports:narrative", args=[report.year, "members"])).status_code == 404
