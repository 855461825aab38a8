import pytest
from django.urls import reverse

from lscp.testing import ROLES
from reports import services


@pytest.mark.django_db
def test_report_pages_give_each_role_what_it_should(request, client, report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report)
    y = report.year
    pages = [
        # (method, url, anonymous, manager, chair, partner, delegate, outsider)
        ("get", reverse("reports:list"), 200, 200, 200, 200, 200, 200),
        ("get", reverse("reports:report", args=[y]), 404, 200, 404, 404, 404, 404),
        ("get", reverse("reports:preview", args=[y]), 302, 200, 403, 403, 403, 403),
        ("get", reverse("reports:build_status", args=[y, build.pk]), 302, 200, 403, 403, 403, 403),
        ("get", reverse("reports:build_download", args=[y, build.pk]), 302, 200, 403, 403, 403, 403),
        ("get", reverse("reports:narrative", args=[y, "foreword"]), 302, 200, 403, 403, 403, 403),
        # Partners open their list too: the business manager may name one to write a chapter (empty until then).
        ("get", reverse("reports:chapters"), 302, 200, 200, 200, 403, 403),
        ("get", reverse("reports:publish", args=[y]), 302, 200, 403, 403, 403, 403),
        ("post", reverse("reports:publish", args=[y]), 302, 302, 403, 403, 403, 403),
        ("get", reverse("reports:published_pdf", args=[y]), 404, 404, 404, 404, 404, 404),
        ("post", reverse("reports:build", args=[y]), 302, 302, 403, 403, 403, 403),
        ("get", reverse("reports:approve", args=[y]), 302, 200, 403, 403, 403, 403),
        ("post", reverse("reports:approve", args=[y]), 302, 200, 403, 403, 403, 403),  # no meeting: asked again
        ("post", reverse("reports:workflow", args=[y, "draft"]), 302, 302, 403, 403, 403, 403),
    ]
    failures = []
    for method, url, *expected in pages:
        for role, status in zip(ROLES, expected, strict=True):
            client.logout()
            if role != "anonymous":
                client.force_login(request.getfixturevalue(role))
            got = getattr(client, method)(url).status_code
            if got != status:
                failures.append(f"{role} {method.upper()} {url}: expected {status}, got {got}")
    assert not failures, "\n".join(failures)


@pytest.mark.django_db
def test_creating_a_report_twice_is_refused_with_the_reason(client, manager, report):
    client.force_login(manager)
    response = client.post(reverse("reports:list"), {"year": "2022/23", "title": ""})
    assert response.status_code == 200
    assert "There is already an annual report for 2022/23." in response.content.decode()
    bad = client.post(reverse("reports:list"), {"year": "2022/25", "title": "Keep me"})
    assert "like 2022/23" in bad.content.decode() and 'value="Keep me"' in bad.content.decode()


@pytest.mark.django_db
def test_the_build_status_reports_progress_and_the_link(client, manager, report, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        build = services.request_build(report=report)
    client.force_login(manager)
    status = client.get(reverse("reports:build_status", args=[report.year, build.pk])).json()
    assert status["status"] == "succeeded" and status["progress"] == 100
    assert status["download_url"] == reverse("reports:build_download", args=[report.year, build.pk])
