"""The browser preview is one web page: one h1 (the report's title), the chapters inside a main landmark, each
chapter's title an h2 and its own headings below that. The PDF keeps an h1 per chapter (its bookmarks, running
header and tagged structure)."""

import re

import pytest
from django.urls import reverse

from reports import services
from reports.rendering import gather, render_html

from .conftest import make_partnership

HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.DOTALL)


def headings(html):
    return [(int(level), re.sub(r"<[^>]+>", "", text).strip()) for level, text in HEADING.findall(html)]


@pytest.mark.django_db
def test_the_preview_has_one_h1_and_its_chapters_inside_main(client, manager, report):
    make_partnership()
    services.save_narrative(
        report=report, key="introduction", text="# Our principles\n\n## In practice\n\nText.", edited_by=manager
    )
    client.force_login(manager)
    page = client.get(reverse("reports:preview", args=[report.year])).content.decode()
    found = headings(page)
    assert [text for level, text in found if level == 1] == ["Annual report 2022/23"]
    assert page.count("<main>") == 1 and page.count("</main>") == 1
    main = page.split("<main>")[1].split("</main>")[0]
    assert "<h1" in main and 'id="section-introduction"' in main and 'id="section-attendance"' in main
    introduction = found.index((2, "Introduction"))
    assert found[introduction + 1 : introduction + 3] == [(3, "Our principles"), (4, "In practice")]
    assert (2, "Structure of the partnership") in found and (2, "Appendix: Attendance") in found


@pytest.mark.django_db
def test_the_pdf_keeps_a_first_level_heading_for_each_chapter(report):
    gathered = gather(report)
    titled = [part.section.title for part in gathered if part.section.titled]
    html = render_html(report, gathered, for_pdf=True)
    first_level = [text for level, text in headings(html) if level == 1]
    assert first_level == ["Annual report 2022/23", *titled]
    assert "<main>" not in html
