import io

import pytest
from django.core.management import CommandError, call_command

from reports.models import AnnualReport


@pytest.mark.django_db(transaction=True)
def test_the_command_builds_the_years_report_and_writes_the_pdf(tmp_path):
    target = tmp_path / "report.pdf"
    out = io.StringIO()
    call_command("build_annual_report", "2022/23", "--output", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF-")
    assert "pages" in out.getvalue()
    assert AnnualReport.objects.get().builds.get().status == "succeeded"


@pytest.mark.django_db(transaction=True)
def test_if_missing_builds_only_once(tmp_path):
    call_command("build_annual_report", "2022/23", stdout=io.StringIO())
    out = io.StringIO()
    call_command("build_annual_report", "2022/23", "--if-missing", stdout=out)
    assert "nothing to do" in out.getvalue()
    assert AnnualReport.objects.get().builds.count() == 1


@pytest.mark.django_db
def test_a_bad_year_is_refused_with_the_reason():
    with pytest.raises(CommandError, match="like 2022/23"):
        call_command("build_annual_report", "2022/24")


@pytest.mark.django_db(transaction=True)
def test_a_failed_build_exits_with_the_reason(monkeypatch):
    def fail(report):
        raise RuntimeError("WeasyPrint ran out of paper")

    monkeypatch.setattr("reports.rendering.build_pdf", fail)
    with pytest.raises(CommandError, match="ran out of paper"):
        call_command("build_annual_report", "2022/23", stdout=io.StringIO())
